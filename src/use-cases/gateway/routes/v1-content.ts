/**
 * REST v1 content routes Atlassian removed from its published spec but clients still send, answered
 * by translating to REST v2 upstream (at most 3 calls each) and back into v1's shape. The scope
 * guard places every target exactly as the v2 routes do.
 */
import { AppError } from '../../../core/errors';
import type { UpstreamResponse } from '../../../ports/confluence';
import { jsonObject, ok, optionalId, type RouteContext, type RouteDefinition } from '../route';
import { aimAtPage, aimAtSpaceKey, destinationByKey, keepInScope, requireMoveInScope, requireParentIn } from '../scope-guard';
import { bodyFormatOf, expandsOf, nextCursorOf, parsed, v1Attachment, v1Content, v1Label, v1List, type V2Attachment, type V2Page, type V2Space, v1Routes } from '../v1-shapes';

const LIST_QUERY = ['expand', 'start', 'limit', 'cursor'];
/** The v1 page fields the translation reads; nothing else of the client's body is looked at or sent. */
const V1_WRITE_FIELDS = ['id', 'type', 'title', 'status', 'space', 'ancestors', 'body', 'version'];

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


/** `GET /content/{id}`: the page (1 call), its space (1) and ancestors (1) when expanded. */
async function getContent(context: RouteContext): Promise<UpstreamResponse> {
  const expand = expandsOf(context.query);
  const query = new URLSearchParams();
  const format = bodyFormatOf(expand);
  if (format) query.set('body-format', format);
  const version = context.query.get('version');
  if (version) query.set('version', version);
  const found = await aimAtPage(context, context.params.id, query);
  if ('refusal' in found) return found.refusal;
  const page = JSON.parse(found.response.body) as V2Page;
  let space: V2Space | undefined;
  if (expand.has('space')) {
    const answer = parsed<V2Space>(await context.confluence.getSpace(String(page.spaceId), new URLSearchParams()));
    if ('refusal' in answer) return answer.refusal;
    space = answer.value;
  }
  let ancestors: V2Page[] | undefined;
  if (expand.has('ancestors')) {
    const listed = await context.confluence.listRelatedPages(context.params.id, 'ancestors', new URLSearchParams());
    const answer = parsed<{ results?: V2Page[] }>(await keepInScope(context, listed, String(page.spaceId), 'ancestors'));
    if ('refusal' in answer) return answer.refusal;
    ancestors = answer.value.results ?? [];
  }
  return ok(v1Content(page, { expand, space, ancestors }));
}

/**
 * `GET /content?spaceKey=&title=`: pages of one space in scope, or of all the token's spaces (1 call),
 * with their spaces (1) when expanded. Ancestors are fetched for a single result only (1), as each
 * page would cost a call.
 */
async function listContent(context: RouteContext): Promise<UpstreamResponse> {
  const type = context.query.get('type') ?? 'page';
  const spaceKey = context.query.get('spaceKey');
  const spaces = spaceKey ? [aimAtSpaceKey(context, spaceKey)] : context.token.spaces;
  const expand = expandsOf(context.query);
  if (type !== 'page') return v1List([], context.query, '/wiki/rest/api/content', undefined);
  const query = v2ListQuery(context);
  query.set('space-id', spaces.map((space) => space.id).join(','));
  const title = context.query.get('title');
  if (title !== null) query.set('title', title);
  query.set('status', context.query.get('status') ?? 'current');
  const format = bodyFormatOf(expand);
  if (format) query.set('body-format', format);
  const answer = parsed<{ results?: V2Page[]; _links?: { next?: string; base?: string } }>(await keepInScope(context, await context.confluence.listPages(query)));
  if ('refusal' in answer) return answer.refusal;
  const pages = (answer.value.results ?? []).filter((page) => spaces.some((space) => space.id === String(page.spaceId)));
  let spacesById = new Map<string, V2Space>();
  if (expand.has('space') && pages.length > 0) {
    const ids = [...new Set(pages.map((page) => String(page.spaceId)))];
    const listed = parsed<{ results?: V2Space[] }>(await context.confluence.listSpaces(new URLSearchParams({ ids: ids.join(',') })));
    if ('refusal' in listed) return listed.refusal;
    spacesById = new Map((listed.value.results ?? []).map((space) => [String(space.id), space]));
  }
  let ancestors: V2Page[] | undefined;
  if (expand.has('ancestors') && pages.length === 1) {
    const answered = await context.confluence.listRelatedPages(pages[0]!.id, 'ancestors', new URLSearchParams());
    const listed = parsed<{ results?: V2Page[] }>(await keepInScope(context, answered, String(pages[0]!.spaceId), 'ancestors'));
    if ('refusal' in listed) return listed.refusal;
    ancestors = listed.value.results ?? [];
  }
  const results = pages.map((page) => v1Content(page, { expand, space: spacesById.get(String(page.spaceId)), ancestors }));
  return v1List(results, context.query, '/wiki/rest/api/content', nextCursorOf(answer.value._links), answer.value._links?.base);
}

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

const WRITE_EXPAND = new Set(['version', 'body.storage', 'body.atlas_doc_format']);

/** `POST /content`: space by key, parent from ancestors (1 call), created through v2 (1). */
async function createContent(context: RouteContext): Promise<UpstreamResponse> {
  const write = jsonObject(context.body) as V1Write;
  requirePage(write);
  const space = aimAtSpaceKey(context, typeof write.space?.key === 'string' ? write.space.key : undefined);
  const parentId = parentOf(write);
  await requireParentIn(context, parentId, space.id);
  const body = v2Body(write.body) ?? { representation: 'storage', value: '' };
  const create = { spaceId: space.id, status: write.status === 'draft' ? 'draft' : 'current', title: write.title, body, ...(parentId !== undefined ? { parentId } : {}) };
  const answer = parsed<V2Page>(await context.confluence.createPage(JSON.stringify(create), new URLSearchParams()));
  if ('refusal' in answer) return answer.refusal;
  context.target.pageId = answer.value.id;
  return ok(v1Content(answer.value, { expand: WRITE_EXPAND }));
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
  return ok(v1Content(answer.value, { expand: WRITE_EXPAND }));
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

/** A page's list (children, labels, attachments): the page places the request (1 call), the list is 1 more. */
function pageList<T>(
  fetch: (context: RouteContext, query: URLSearchParams) => Promise<UpstreamResponse>,
  shape: (item: T, context: RouteContext) => unknown | undefined,
  path: string,
  relation?: 'direct-children',
): (context: RouteContext) => Promise<UpstreamResponse> {
  return async (context) => {
    const query = v2ListQuery(context);
    const found = await aimAtPage(context, context.params.id);
    if ('refusal' in found) return found.refusal;
    const listed = await fetch(context, query);
    const answer = parsed<{ results?: T[]; _links?: { next?: string; base?: string } }>(relation ? await keepInScope(context, listed, String(found.page.spaceId), relation) : listed);
    if ('refusal' in answer) return answer.refusal;
    const results = (answer.value.results ?? []).map((item) => shape(item, context)).filter((item) => item !== undefined);
    return v1List(results, context.query, path.replace('{id}', context.params.id), nextCursorOf(answer.value._links), answer.value._links?.base);
  };
}

/** v1's child/page lists pages only (v2's direct children include folders, whiteboards…); the scope guard kept them in scope. */
const childPage = (page: V2Page) => ((page.type ?? 'page') === 'page' ? v1Content(page, { expand: new Set() }) : undefined);

export const V1_CONTENT_ROUTES: RouteDefinition[] = v1Routes([
  { method: 'GET', path: '/wiki/rest/api/content', operation: 'read', query: ['spaceKey', 'title', 'type', 'status', ...LIST_QUERY], handler: listContent },
  { method: 'POST', path: '/wiki/rest/api/content', operation: 'create', query: [], body: V1_WRITE_FIELDS, handler: createContent },
  { method: 'GET', path: '/wiki/rest/api/content/{id}', operation: 'read', query: ['expand', 'version', 'status'], handler: getContent },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}', operation: 'update', query: [], body: V1_WRITE_FIELDS, handler: updateContent },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}', operation: 'delete', query: ['status'], handler: deleteContent },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/child/page',
    operation: 'read',
    query: LIST_QUERY,
    handler: pageList<V2Page>((context, query) => context.confluence.listRelatedPages(context.params.id, 'direct-children', query), childPage, '/wiki/rest/api/content/{id}/child/page', 'direct-children'),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/label',
    operation: 'read',
    query: ['prefix', ...LIST_QUERY],
    handler: pageList((context, query) => context.confluence.listPageLabels(context.params.id, query), v1Label, '/wiki/rest/api/content/{id}/label'),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/child/attachment',
    operation: 'read',
    query: ['filename', 'mediaType', ...LIST_QUERY],
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
