/**
 * REST v1 content routes Atlassian removed from its published spec but clients still send, answered
 * by translating to REST v2 upstream (at most 3 calls each) and back into v1's shape. The scope
 * guard places every target exactly as the v2 routes do.
 */
import { AppError } from '../../../core/errors';
import type { UpstreamResponse } from '../../../ports/confluence';
import { answersBlind } from '../blind-changes';
import { jsonObject, ok, optionalId, type RouteContext, type RouteDefinition } from '../route';
import { createV1Comment, getV1Comment } from './v1-comments';
import { aimAtPage, aimAtPageAsAsked, aimAtSpaceKey, destinationByKey, keepInScope, requireMoveInScope, requireParentIn } from '../scope-guard';
import { nextCursorOf, parsed, v1Attachment, v1Content, v1Label, v1List, type V2Attachment, type V2Page, v1Routes } from '../v1-shapes';
import { bodyFormatOf, expandsOf, planExpansions, servedAlone, type ExpansionPlan, type Need } from '../v1-expansions';
import { expandedContents } from '../v1-expanded';

const LIST_QUERY = ['expand', 'start', 'limit', 'cursor'];
/** The v1 page fields the translation reads; nothing else of the client's body is looked at or sent. */
const V1_WRITE_FIELDS = ['id', 'type', 'title', 'status', 'space', 'ancestors', 'body', 'version', 'container'];

/** v1 pages by offset, v2 by cursor: a client that follows `_links.next` gets the cursor back; a bare offset cannot be honoured. */
function v2ListQuery(context: RouteContext): URLSearchParams {
  const start = Number(context.query.get('start') ?? 0);
  if (start > 0 && !context.query.get('cursor')) {
    throw new AppError('INVALID_REQUEST', 'Page through this list with its _links.next, not with start.');
  }
  const query = new URLSearchParams();
  const limit = context.query.get('limit');
  if (limit) query.set('limit', String(Math.min(Math.max(Number(limit) || 25, 1), 250)));
  const cursor = context.query.get('cursor');
  if (cursor) query.set('cursor', cursor);
  return query;
}


/** The page call's query: the body format and labels the served expansions need, asked with the page. */
function pageQuery(plan: ExpansionPlan, asked: ReadonlySet<string>, labels: boolean): URLSearchParams {
  const query = new URLSearchParams();
  const format = bodyFormatOf(asked, plan.served);
  if (format) query.set('body-format', format);
  if (labels && plan.needs.has('labels')) query.set('include-labels', 'true');
  return query;
}

/**
 * `GET /content/{id}`: the page (1 call, with its body and labels), then what the expansions need
 * (v1-expansions.ts: at most 3 more calls, and the user look-up).
 */
async function getContent(context: RouteContext): Promise<UpstreamResponse> {
  const asked = expandsOf(context.query);
  const plan = planExpansions(asked, PLANS.page.calls, PLANS.page.options);
  const query = pageQuery(plan, asked, true);
  const version = context.query.get('version');
  if (version) query.set('version', version);
  // A version may have lived in another space: the page's current space decides (scope-guard.ts).
  const found = await aimAtPageAsAsked(context, context.params.id, query);
  // No page by that id: it may be a comment (v1 reads every kind of content here).
  if ('refusal' in found) return found.refusal.status === 404 ? getV1Comment(context, found.refusal) : found.refusal;
  // Expanded where the page is now (its space), whatever version was read.
  const page = { ...(JSON.parse(found.response.body) as V2Page), spaceId: found.page.spaceId as V2Page['spaceId'] };
  const expanded = await expandedContents(context, [page], plan);
  return 'refusal' in expanded ? expanded.refusal : ok(expanded.contents[0]);
}

/**
 * `GET /content?spaceKey=&title=`: pages of one space in scope, or of all the token's spaces (1 call),
 * with what the expansions need; a page's own parts (ancestors, children, labels) only for a list of one.
 */
async function listContent(context: RouteContext): Promise<UpstreamResponse> {
  const type = context.query.get('type') ?? 'page';
  const spaceKey = context.query.get('spaceKey');
  const spaces = spaceKey ? [aimAtSpaceKey(context, spaceKey)] : context.token.spaces;
  if (type !== 'page') return v1List([], context.query, '/wiki/rest/api/content', undefined);
  const asked = expandsOf(context.query);
  const query = v2ListQuery(context);
  query.set('space-id', spaces.map((space) => space.id).join(','));
  const title = context.query.get('title');
  if (title !== null) query.set('title', title);
  query.set('status', context.query.get('status') ?? 'current');
  const listPlan = planExpansions(asked, PLANS.list.calls, PLANS.list.options);
  const format = bodyFormatOf(asked, listPlan.served);
  if (format) query.set('body-format', format);
  const answer = parsed<{ results?: V2Page[]; _links?: { next?: string; base?: string } }>(await keepInScope(context, await context.confluence.listPages(query)));
  if ('refusal' in answer) return answer.refusal;
  const pages = (answer.value.results ?? []).filter((page) => spaces.some((space) => space.id === String(page.spaceId)));
  const plan = pages.length === 1 ? listPlan : planExpansions(asked, 1, { unavailable: PER_PAGE_NEEDS });
  const expanded = await expandedContents(context, pages, plan);
  if ('refusal' in expanded) return expanded.refusal;
  return v1List(expanded.contents, context.query, '/wiki/rest/api/content', nextCursorOf(answer.value._links), answer.value._links?.base);
}

/** Needs met one call per page: a list of several pages leaves them in `_expandable`. */
const PER_PAGE_NEEDS: Need[] = ['ancestors', 'children', 'labels'];

/** How each v1 content read plans its expansions: what it spends anyway, and what it gets for free or cannot have. */
const PLANS = {
  page: { calls: 1, options: { free: ['labels'] } },
  list: { calls: 1, options: {} },
  // v2's child lists carry no body and no version.
  children: { calls: 2, options: { unavailable: [...PER_PAGE_NEEDS, 'users', 'body'] } },
} satisfies Record<string, { calls: number; options: Parameters<typeof planExpansions>[2] }>;

interface V1Write {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  space?: { key?: unknown };
  ancestors?: Array<{ id?: unknown }>;
  body?: Record<string, { value?: unknown; representation?: unknown } | undefined>;
  version?: { number?: unknown; message?: unknown };
}

/** The representations v2 takes on a write (its `PageBodyWrite`), which v1's writes are translated to. */
const WRITE_FORMATS = ['storage', 'atlas_doc_format', 'wiki'] as const;
/** The other representations v1's `ContentBodyCreate` names: Confluence v2 has no input for them. */
const UNWRITABLE_FORMATS = ['view', 'export_view', 'styled_view', 'editor', 'editor2', 'anonymous_export_view', 'plain', 'raw'];

/**
 * `body.storage`, `body.atlas_doc_format` or `body.wiki` (the first given), as v2's
 * `{representation, value}`. What a client read back from a GET and sends again (`_expandable`,
 * `_links`) is ignored, as Confluence ignores it; a representation v2 cannot take is refused by name.
 */
function v2Body(given: V1Write['body']): { representation: string; value: string } | undefined {
  for (const format of WRITE_FORMATS) {
    const body = given?.[format];
    if (body && typeof body.value === 'string') return { representation: format, value: body.value };
  }
  const unwritable = UNWRITABLE_FORMATS.find((format) => given?.[format] !== undefined && given[format] !== null);
  if (unwritable) throw new AppError('INVALID_REQUEST', `body.${unwritable} cannot be written through the gateway (Confluence's v2 API takes none); give body.storage, body.atlas_doc_format or body.wiki.`);
  return undefined;
}

function requirePage(write: V1Write): void {
  if (write.type !== undefined && write.type !== 'page') throw new AppError('INVALID_REQUEST', 'Only pages can be written through the gateway.');
}

/** The parent a v1 write names: the last of `ancestors`, v1's nearest. */
const parentOf = (write: V1Write) => optionalId(Array.isArray(write.ancestors) ? write.ancestors.at(-1)?.id : undefined);

/** What a v1 write answers with, as Confluence's default: the version (its author looked up) and the stored body. */
const WRITE_EXPAND = new Set(['version', 'body.storage']);

/** A written page as v1 `Content` (the user look-up: at most 1 call); a token without `read` gets less (blind-changes.ts). */
async function writtenContent(context: RouteContext, page: V2Page): Promise<UpstreamResponse> {
  if (answersBlind(context)) return ok(v1Content(page, { served: new Set(['version']) }));
  const expanded = await expandedContents(context, [page], planExpansions(WRITE_EXPAND, 0));
  return 'refusal' in expanded ? expanded.refusal : ok(expanded.contents[0]);
}

/** `POST /content`: space by key, parent from ancestors (1 call), created through v2 (1). */
async function createContent(context: RouteContext): Promise<UpstreamResponse> {
  const write = jsonObject(context.body) as V1Write;
  if (write.type === 'comment') return createV1Comment(context, write, v2Body(write.body));
  requirePage(write);
  const space = aimAtSpaceKey(context, typeof write.space?.key === 'string' ? write.space.key : undefined);
  const parentId = parentOf(write);
  await requireParentIn(context, parentId, space.id);
  const body = v2Body(write.body) ?? { representation: 'storage', value: '' };
  const create = { spaceId: space.id, status: write.status === 'draft' ? 'draft' : 'current', title: write.title, body, ...(parentId !== undefined ? { parentId } : {}) };
  const answer = parsed<V2Page>(await context.confluence.createPage(JSON.stringify(create), new URLSearchParams()));
  if ('refusal' in answer) return answer.refusal;
  context.target.pageId = answer.value.id;
  return writtenContent(context, answer.value);
}

/**
 * `PUT /content/{id}`: the page as it is (1 call), then a move is checked like a v2 move: a changed
 * space or parent must be in scope (parent: 1 call), then the v2 update (1). A body left out is kept.
 */
async function updateContent(context: RouteContext): Promise<UpstreamResponse> {
  const write = jsonObject(context.body) as V1Write;
  requirePage(write);
  const found = await aimAtPage(context, context.params.id, new URLSearchParams({ 'body-format': 'storage' }));
  if ('refusal' in found) return found.refusal;
  const current = JSON.parse(found.response.body) as V2Page;
  // An empty key (a client that read the page without expanding `space` sends `{"key": ""}`) names no space, as for Confluence.
  const spaceKey = typeof write.space?.key === 'string' && write.space.key !== '' ? write.space.key : undefined;
  const targetSpaceId = spaceKey === undefined ? String(current.spaceId) : destinationByKey(context, spaceKey);
  const moved = targetSpaceId !== String(current.spaceId);
  const parentId = parentOf(write);
  await requireMoveInScope(context, current, targetSpaceId, parentId);
  const update = {
    id: context.params.id,
    status: write.status === 'draft' ? 'draft' : 'current',
    title: write.title ?? current.title,
    ...(moved ? { spaceId: targetSpaceId } : {}),
    ...(parentId !== undefined ? { parentId } : {}),
    body: v2Body(write.body) ?? { representation: 'storage', value: current.body?.storage?.value ?? '' },
    version: { number: write.version?.number, ...(typeof write.version?.message === 'string' ? { message: write.version.message } : {}) },
  };
  const answer = parsed<V2Page>(await context.confluence.updatePage(context.params.id, JSON.stringify(update), new URLSearchParams()));
  if ('refusal' in answer) return answer.refusal;
  return writtenContent(context, answer.value);
}

/** `DELETE /content/{id}` trashes (2 calls); v1's `status=trashed` would purge, which tokens never do. */
async function deleteContent(context: RouteContext): Promise<UpstreamResponse> {
  if (context.query.get('status') === 'trashed') {
    throw new AppError('PURGE_NOT_ALLOWED', 'Tokens cannot purge pages; deleted pages go to the trash.');
  }
  const found = await aimAtPage(context, context.params.id);
  if ('refusal' in found) return found.refusal;
  return context.confluence.deletePage(context.params.id, new URLSearchParams());
}

/** A page's list (labels, attachments): the page places the request (1 call), the list is 1 more. */
function pageList<T>(
  fetch: (context: RouteContext, query: URLSearchParams) => Promise<UpstreamResponse>,
  shape: (item: T, context: RouteContext) => unknown | undefined,
  path: string,
): (context: RouteContext) => Promise<UpstreamResponse> {
  return async (context) => {
    const query = v2ListQuery(context);
    const found = await aimAtPage(context, context.params.id);
    if ('refusal' in found) return found.refusal;
    const answer = parsed<{ results?: T[]; _links?: { next?: string; base?: string } }>(await fetch(context, query));
    if ('refusal' in answer) return answer.refusal;
    const results = (answer.value.results ?? []).map((item) => shape(item, context)).filter((item) => item !== undefined);
    return v1List(results, context.query, path.replace('{id}', context.params.id), nextCursorOf(answer.value._links), answer.value._links?.base);
  };
}

/**
 * `GET /content/{id}/child/page`: the parent places the request (1 call), its direct children (1), kept
 * in scope by the guard; v1 lists pages only (v2's direct children include folders, whiteboards…).
 * Expansions: what a list serves (the children's space, 1 call more).
 */
async function childPages(context: RouteContext): Promise<UpstreamResponse> {
  const query = v2ListQuery(context);
  const found = await aimAtPage(context, context.params.id);
  if ('refusal' in found) return found.refusal;
  const listed = await context.confluence.listRelatedPages(context.params.id, 'direct-children', query);
  const answer = parsed<{ results?: V2Page[]; _links?: { next?: string; base?: string } }>(await keepInScope(context, listed, String(found.page.spaceId), 'direct-children'));
  if ('refusal' in answer) return answer.refusal;
  const pages = (answer.value.results ?? []).filter((page) => (page.type ?? 'page') === 'page').map((page) => ({ ...page, spaceId: page.spaceId ?? String(found.page.spaceId) }));
  const expanded = await expandedContents(context, pages, planExpansions(expandsOf(context.query), PLANS.children.calls, PLANS.children.options));
  if ('refusal' in expanded) return expanded.refusal;
  return v1List(expanded.contents, context.query, `/wiki/rest/api/content/${context.params.id}/child/page`, nextCursorOf(answer.value._links), answer.value._links?.base);
}

export const V1_CONTENT_ROUTES: RouteDefinition[] = v1Routes([
  {
    method: 'GET',
    path: '/wiki/rest/api/content',
    operation: 'read',
    query: ['spaceKey', 'title', 'type', 'status', ...LIST_QUERY],
    v1Answer: { schema: 'ContentArray', expand: servedAlone(PLANS.list.calls, PLANS.list.options) },
    handler: listContent,
  },
  { method: 'POST', path: '/wiki/rest/api/content', operation: 'create', query: [], body: V1_WRITE_FIELDS, v1Answer: { schema: 'Content' }, handler: createContent },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}',
    operation: 'read',
    query: ['expand', 'version', 'status'],
    v1Answer: { schema: 'Content', expand: servedAlone(PLANS.page.calls, PLANS.page.options) },
    handler: getContent,
  },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}', operation: 'update', query: [], body: V1_WRITE_FIELDS, v1Answer: { schema: 'Content' }, handler: updateContent },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}', operation: 'delete', query: ['status'], handler: deleteContent },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/child/page',
    operation: 'read',
    query: LIST_QUERY,
    v1Answer: { schema: 'ContentArray', expand: servedAlone(PLANS.children.calls, PLANS.children.options) },
    handler: childPages,
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/label',
    operation: 'read',
    query: ['prefix', ...LIST_QUERY],
    v1Answer: { schema: 'LabelArray' },
    handler: pageList((context, query) => context.confluence.listPageLabels(context.params.id, query), v1Label, '/wiki/rest/api/content/{id}/label'),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/child/attachment',
    operation: 'read',
    query: ['filename', 'mediaType', ...LIST_QUERY],
    v1Answer: { schema: 'ContentArray' },
    handler: pageList<V2Attachment>(
      (context, query) => {
        for (const name of ['filename', 'mediaType']) if (context.query.get(name)) query.set(name, context.query.get(name)!);
        return context.confluence.listPageAttachments(context.params.id, query);
      },
      v1Attachment,
      '/wiki/rest/api/content/{id}/child/attachment',
    ),
  },
]);
