/**
 * REST v1 routes Confluence still documents: the current user, labels, CQL search and attachment
 * upload. Each is passed to the same v1 route upstream once the scope guard has placed its target.
 */
import { AppError } from '../../../core/errors';
import { confineCql } from '../../../core/cql';
import { ok, type RouteContext, type RouteDefinition } from '../route';
import { aimAt, aimAtPage, inSearchScope, trimSearchHit, trimSearchResult, type SearchHit, type SearchResultItem } from '../scope-guard';
import { spacesAsTheyAreNow } from '../space-keys';
import { parsed, v1Routes } from '../v1-shapes';
import { expandList } from '../v1-expansions';
import type { UpstreamResponse } from '../../../ports/confluence';

/** Looks the page up as the owner and requires its space in scope; Confluence's own refusal comes back as it is. */
async function placePage(context: RouteContext): Promise<UpstreamResponse | undefined> {
  const found = await aimAtPage(context, context.params.id);
  return 'refusal' in found ? found.refusal : undefined;
}

/** `[{prefix, name}]` or one such object, re-serialized so nothing else reaches Confluence. */
function labelsFrom(body: string): string {
  let given: unknown;
  try {
    given = JSON.parse(body);
  } catch {
    throw new AppError('INVALID_REQUEST', 'The request body must be JSON: [{"prefix": "global", "name": "…"}].');
  }
  const list = (Array.isArray(given) ? given : [given]) as Array<{ prefix?: unknown; name?: unknown } | null>;
  const labels = list.map((label) => ({ prefix: typeof label?.prefix === 'string' ? label.prefix : 'global', name: label?.name }));
  if (labels.length === 0 || labels.some((label) => typeof label.name !== 'string' || label.name === '')) {
    throw new AppError('INVALID_REQUEST', 'Each label needs a name: [{"prefix": "global", "name": "…"}].');
  }
  return JSON.stringify(labels);
}

async function removeLabel(context: RouteContext, name: string | null): Promise<UpstreamResponse> {
  if (!name) throw new AppError('INVALID_REQUEST', 'Name the label to remove.');
  return (await placePage(context)) ?? context.confluence.removeLabel(context.params.id, name);
}

interface SearchAnswer {
  results?: Array<Record<string, unknown>>;
  totalSize?: number;
  _links?: { base?: string; context?: string; next?: string };
}

/**
 * CQL search confined to the token's spaces twice over: the query is rewritten so Confluence only
 * searches them (core/cql.ts), and every result is checked again before it is returned, with `size`,
 * `totalSize` and the next link kept in step with what is actually returned.
 */
async function confinedSearch(context: RouteContext, kind: 'search' | 'content'): Promise<UpstreamResponse> {
  const cql = context.query.get('cql');
  if (!cql) throw new AppError('INVALID_CQL', 'The query parameter cql is required.');
  if (context.token.spaces.length === 1) aimAt(context, context.token.spaces[0]!.id);
  // CQL names spaces by key, which can be renamed: the keys the token's space ids have now.
  const keys = (await spacesAsTheyAreNow(context)).map((space) => space.key);
  const upstream = new URLSearchParams(context.query);
  const roots = context.token.pages.map((page) => page.id);
  upstream.set('cql', confineCql(cql, keys, roots));
  // What the results must carry for the scope guard to check each one again.
  const expand = new Set(expandList(upstream));
  const prefix = kind === 'search' ? 'content.' : '';
  expand.add(`${prefix}space`);
  if (roots.length > 0) expand.add(`${prefix}ancestors`);
  upstream.set('expand', [...expand].join(','));
  const answer = parsed<SearchAnswer>(await context.confluence.search(kind, upstream));
  if ('refusal' in answer) return answer.refusal;
  const all = answer.value.results ?? [];
  const results = all.filter((result) => inSearchScope(context, (kind === 'search' ? result.content : result) as SearchHit | undefined));
  // Nothing from outside the scope rides along: ancestors above a tree's root, its parent, crumbs, homepage.
  for (const result of results) {
    if (kind === 'search') trimSearchResult(context, result as SearchResultItem);
    else trimSearchHit(context, result as SearchHit);
  }
  const dropped = all.length - results.length;
  const links = answer.value._links ?? {};
  let next: string | undefined;
  if (links.next) {
    // Confluence's next link carries the confined query; the client gets its own back.
    const url = new URL(links.next, 'https://confluence.invalid');
    url.searchParams.set('cql', cql);
    next = `${url.pathname}?${url.searchParams}`;
  }
  return ok({
    ...answer.value,
    results,
    size: results.length,
    ...(answer.value.totalSize !== undefined ? { totalSize: Math.max(0, answer.value.totalSize - dropped) } : {}),
    _links: { ...(links.base ? { base: links.base } : {}), context: links.context ?? '/wiki', ...(next ? { next } : {}) },
  });
}

/**
 * Forge hands a web trigger its body as a string: bytes that are not UTF-8 arrive as U+FFFD and
 * cannot be restored. An upload carrying one is refused rather than stored corrupted; any other body
 * goes upstream exactly as received.
 */
function textMultipart(body: string): string {
  if (body.includes('\uFFFD')) {
    throw new AppError('BINARY_UPLOAD_UNSUPPORTED', 'The gateway can only pass on files that are valid UTF-8 text: Forge delivers request bodies as text, so other bytes would be corrupted. Upload binary files directly to Confluence.');
  }
  return body;
}

async function upload(context: RouteContext, method: 'POST' | 'PUT'): Promise<UpstreamResponse> {
  const contentType = context.contentType ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
    throw new AppError('INVALID_REQUEST', 'Attachments are uploaded as multipart/form-data with a boundary, as Confluence expects.');
  }
  return (await placePage(context)) ?? context.confluence.uploadAttachments(method, context.params.id, context.body, contentType, context.query);
}

/**
 * Search expands as Confluence does, upstream: these are the content expansions the gateway documents
 * for search (with `content.` before them on `/search`), each trimmed to the token's scope on the way back.
 */
const SEARCH_EXPANSIONS = ['space', 'version', 'ancestors', 'body.storage', 'body.atlas_doc_format', 'history', 'container'];

const LABEL_NAME = /[A-Za-z0-9_\-.~%]{1,255}/;

export const V1_DOCUMENTED_ROUTES: RouteDefinition[] = v1Routes([
  {
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    operation: 'self',
    query: [],
    v1Answer: { schema: 'User' },
    /** Tools call it first to check their credentials: it describes the owner, whom the token acts as. */
    handler: ({ confluence }) => confluence.currentUser(),
  },
  {
    method: 'POST',
    path: '/wiki/rest/api/content/{id}/label',
    operation: 'update',
    query: [],
    body: labelsFrom,
    v1Answer: { schema: 'LabelArray' },
    async handler(context) {
      return (await placePage(context)) ?? context.confluence.addLabels(context.params.id, context.body);
    },
  },
  {
    method: 'DELETE',
    path: '/wiki/rest/api/content/{id}/label',
    operation: 'update',
    query: ['name'],
    handler: (context) => removeLabel(context, context.query.get('name')),
  },
  {
    method: 'DELETE',
    path: '/wiki/rest/api/content/{id}/label/{label}',
    operation: 'update',
    query: [],
    paramPatterns: { label: LABEL_NAME },
    handler(context) {
      let name: string;
      try {
        name = decodeURIComponent(context.params.label!);
      } catch {
        throw new AppError('INVALID_REQUEST', 'The label name in the path is not valid percent-encoding.');
      }
      return removeLabel(context, name);
    },
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/search',
    operation: 'read',
    query: ['cql', 'cursor', 'limit', 'start', 'expand', 'excerpt'],
    v1Answer: { schema: 'SearchPageResponseSearchResult', expand: SEARCH_EXPANSIONS.map((name) => `content.${name}`) },
    handler: (context) => confinedSearch(context, 'search'),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/search',
    operation: 'read',
    query: ['cql', 'cursor', 'limit', 'expand'],
    v1Answer: { schema: 'ContentArray', expand: SEARCH_EXPANSIONS },
    handler: (context) => confinedSearch(context, 'content'),
  },
  // Adding a file to a page that exists changes that page: `update`, as for its labels and properties.
  { method: 'POST', path: '/wiki/rest/api/content/{id}/child/attachment', operation: 'update', query: ['status'], body: textMultipart, v1Answer: { schema: 'ContentArray' }, handler: (context) => upload(context, 'POST') },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}/child/attachment', operation: 'update', query: ['status'], body: textMultipart, v1Answer: { schema: 'ContentArray' }, handler: (context) => upload(context, 'PUT') },
]);
