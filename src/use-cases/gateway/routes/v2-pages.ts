/** REST v2 page routes: get, create, update (edit and move), delete. */
import { AppError } from '../../../core/errors';
import { requireSpace } from '../../../core/scope';
import { jsonObject, optionalId, type RouteDefinition } from '../route';
import { aimAt, lookUp, requireParentIn, type PageFields } from '../scope-guard';

const PAGE_READ_QUERY = [
  'body-format', 'get-draft', 'status', 'version', 'include-labels', 'include-properties', 'include-operations',
  'include-likes', 'include-versions', 'include-version', 'include-favorited-by-current-user-status',
  'include-webresources', 'include-collaborators', 'include-direct-children',
];

export const V2_PAGE_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}',
    operation: 'read',
    query: PAGE_READ_QUERY,
    async handler(context) {
      context.target.pageId = context.params.id;
      const found = await lookUp(context, context.params.id, context.query);
      if ('refusal' in found) return found.refusal;
      aimAt(context, found.page.spaceId);
      return found.response;
    },
  },
  {
    method: 'POST',
    path: '/wiki/api/v2/pages',
    operation: 'create',
    query: ['embedded', 'private', 'root-level'],
    async handler(context) {
      const page = jsonObject(context.body);
      const spaceId = optionalId(page.spaceId);
      aimAt(context, spaceId);
      const parentId = optionalId(page.parentId);
      if (parentId !== undefined) await requireParentIn(context, parentId, spaceId!);
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
    /** The page must be in scope where it is and where it goes: moving it out is refused. */
    async handler(context) {
      const page = jsonObject(context.body);
      const pageId = context.params.id;
      context.target.pageId = pageId;
      const found = await lookUp(context, pageId);
      if ('refusal' in found) return found.refusal;
      const current = found.page;
      aimAt(context, current.spaceId);
      const targetSpaceId = optionalId(page.spaceId) ?? optionalId(current.spaceId)!;
      requireSpace(context.token, targetSpaceId);
      const parentId = optionalId(page.parentId);
      if (parentId !== undefined && (parentId !== optionalId(current.parentId) || targetSpaceId !== optionalId(current.spaceId))) {
        await requireParentIn(context, parentId, targetSpaceId);
      }
      return context.confluence.updatePage(pageId, context.body, context.query);
    },
  },
  {
    method: 'DELETE',
    path: '/wiki/api/v2/pages/{id}',
    operation: 'delete',
    query: ['purge', 'draft'],
    /** Deleting moves to the trash; purging is never allowed through a token. */
    async handler(context) {
      if (context.query.get('purge')?.toLowerCase() === 'true') {
        throw new AppError('PURGE_NOT_ALLOWED', 'Tokens cannot purge pages; deleted pages go to the trash.');
      }
      const pageId = context.params.id;
      context.target.pageId = pageId;
      const lookupQuery = new URLSearchParams(context.query.get('draft') === 'true' ? { 'get-draft': 'true' } : {});
      const found = await lookUp(context, pageId, lookupQuery);
      if ('refusal' in found) return found.refusal;
      aimAt(context, found.page.spaceId);
      return context.confluence.deletePage(pageId, context.query);
    },
  },
];
