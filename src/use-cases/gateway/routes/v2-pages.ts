/** REST v2 page routes: list, get, create, update (edit and move), delete. */
import { jsonObject, listParam, ok, optionalId, type RouteDefinition } from '../route';
import { aimAt, aimAtPage, aimAtPageAsAsked, keepInScope, refusePurge, requireMoveInScope, requireParentIn, spacesInScope, type PageFields } from '../scope-guard';

/** What a page create or update may carry: nothing that changes its owner or its restrictions. */
const PAGE_WRITE_FIELDS = ['id', 'status', 'title', 'spaceId', 'parentId', 'body', 'version', 'subtype'];

const PAGE_READ_QUERY = [
  'body-format', 'get-draft', 'status', 'version', 'include-labels', 'include-properties', 'include-operations',
  'include-likes', 'include-versions', 'include-version', 'include-favorited-by-current-user-status',
  'include-webresources', 'include-collaborators', 'include-direct-children',
];

export const V2_PAGE_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/wiki/api/v2/pages',
    operation: 'read',
    query: ['id', 'space-id', 'sort', 'status', 'title', 'body-format', 'subtype', 'cursor', 'limit'],
    /**
     * Always asked with `space-id` = the token's spaces (narrowed to those requested), so pages of other
     * spaces, e.g. asked for by `id`, are never listed; results are checked again before answering.
     */
    async handler(context) {
      const spaceIds = spacesInScope(context, listParam(context.query, 'space-id'));
      if (spaceIds.length === 0) return ok({ results: [], _links: {} });
      if (spaceIds.length === 1) aimAt(context, spaceIds[0]);
      const query = new URLSearchParams(context.query);
      query.set('space-id', spaceIds.join(','));
      return keepInScope(context, await context.confluence.listPages(query));
    },
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}',
    operation: 'read',
    query: PAGE_READ_QUERY,
    /** An older version or another state may have lived elsewhere: the page's current space decides. */
    async handler(context) {
      const found = await aimAtPageAsAsked(context, context.params.id, context.query);
      return 'refusal' in found ? found.refusal : found.response;
    },
  },
  {
    method: 'POST',
    path: '/wiki/api/v2/pages',
    operation: 'create',
    query: ['embedded', 'private', 'root-level'],
    body: PAGE_WRITE_FIELDS,
    async handler(context) {
      const page = jsonObject(context.body);
      const spaceId = optionalId(page.spaceId);
      aimAt(context, spaceId);
      await requireParentIn(context, optionalId(page.parentId), spaceId!);
      const response = await context.confluence.createPage(context.body, context.query);
      if (response.status === 200) context.target.pageId = optionalId((JSON.parse(response.body) as PageFields).id) ?? null;
      return response;
    },
  },
  {
    method: 'PUT',
    path: '/wiki/api/v2/pages/{id}',
    operation: 'update',
    query: [],
    body: PAGE_WRITE_FIELDS,
    /** The page must be in scope where it is and where it goes: moving it out is refused. */
    async handler(context) {
      const page = jsonObject(context.body);
      const pageId = context.params.id;
      const found = await aimAtPage(context, pageId);
      if ('refusal' in found) return found.refusal;
      const current = found.page;
      await requireMoveInScope(context, current, optionalId(page.spaceId) ?? optionalId(current.spaceId)!, optionalId(page.parentId));
      return context.confluence.updatePage(pageId, context.body, context.query);
    },
  },
  {
    method: 'DELETE',
    path: '/wiki/api/v2/pages/{id}',
    operation: 'delete',
    query: ['draft'],
    /** Deleting moves to the trash; purging is never allowed through a token (and never forwarded). */
    async handler(context) {
      const pageId = context.params.id;
      const lookupQuery = new URLSearchParams(context.query.get('draft') === 'true' ? { 'get-draft': 'true' } : {});
      const found = await aimAtPage(context, pageId, lookupQuery);
      if ('refusal' in found) return found.refusal;
      refusePurge(context);
      return context.confluence.deletePage(pageId, context.query);
    },
  },
];
