/** Reading pages: `GET /pages`, `GET /spaces/{id}/pages`, `GET /pages/{id}`, `GET /pages/{id}/operations`. */
import { READABLE_FORMATS, RENDERED_FORMATS, type RenderedFormat } from '../bodies';
import { ApiError, notFound } from '../errors';
import type { ConfluenceState, StoredPage, StoredRepresentation } from '../model';
import { canViewPage, pageOperations } from '../permissions';
import { renderStorageFor } from '../render';
import { pageView } from '../views';
import { pagedList, queryBoolean, queryList, querySort, queryString, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';
import { PAGE_INCLUDES, pageIncludes } from './page-includes';
import { visibleSpace } from './spaces';

/** The page, if the actor may view it; otherwise 404, as for a page that does not exist. */
export function visiblePage(ctx: RouteContext, id: string): StoredPage {
  const page = ctx.state.pages[id];
  if (!page || !canViewPage(ctx.state, page, ctx.actor)) throw notFound();
  return page;
}

export function spaceKeyOf(state: ConfluenceState, page: StoredPage): string {
  return state.spaces[page.spaceId]?.key ?? '';
}

export function bodyFormat(ctx: RouteContext): StoredRepresentation | undefined {
  const format = queryString(ctx, 'body-format');
  if (format === undefined) return undefined;
  if (!(READABLE_FORMATS as readonly string[]).includes(format)) {
    throw new ApiError(501, `The Confluence stand-in renders bodies as storage or atlas_doc_format only, not "${format}"`);
  }
  return format as StoredRepresentation;
}

/** A single page also reads in Confluence's HTML renderings (the spec's PrimaryBodyRepresentationSingle). */
function singlePageFormat(ctx: RouteContext): StoredRepresentation | RenderedFormat | undefined {
  const format = queryString(ctx, 'body-format');
  return (RENDERED_FORMATS as readonly string[]).includes(format ?? '') ? (format as RenderedFormat) : bodyFormat(ctx);
}

/** What a page list may be sorted by (v2 `sort`), as Confluence names the fields. */
export const PAGE_SORT_KEYS: Record<string, (page: StoredPage) => string | number> = {
  id: (page) => Number(page.id),
  'created-date': (page) => page.createdAt,
  'modified-date': (page) => page.version.createdAt,
  title: (page) => page.title,
};

function sortOrder(ctx: RouteContext) {
  const sort = querySort(ctx, 'id');
  return { key: PAGE_SORT_KEYS[sort.field] ?? PAGE_SORT_KEYS.id, descending: sort.descending };
}

/** Every page the actor can view, filtered by ids, spaces, status and title (all optional). */
export function getPages(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['id', 'space-id', 'sort', 'status', 'title', 'body-format', 'subtype', 'cursor', 'limit']);
  // The stand-in has no live docs: every page is of subtype "page".
  if (queryString(ctx, 'subtype') === 'live') return pagedList(ctx, [] as StoredPage[], sortOrder(ctx), () => undefined);
  const ids = queryList(ctx, 'id');
  const spaceIds = queryList(ctx, 'space-id');
  const statuses = queryList(ctx, 'status') ?? ['current', 'archived'];
  const title = queryString(ctx, 'title');
  const pages = Object.values(ctx.state.pages).filter(
    (page) =>
      (!ids || ids.includes(page.id)) &&
      (!spaceIds || spaceIds.includes(page.spaceId)) &&
      statuses.includes(page.status) &&
      (title === undefined || page.title === title) &&
      canViewPage(ctx.state, page, ctx.actor),
  );
  const format = bodyFormat(ctx);
  return pagedList(ctx, pages, sortOrder(ctx), (page) => pageView(page, spaceKeyOf(ctx.state, page), { bodyFormat: format }));
}

export function getPagesInSpace(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['depth', 'sort', 'status', 'title', 'body-format', 'cursor', 'limit']);
  const space = visibleSpace(ctx, ctx.pathParams.id ?? '');
  const statuses = queryList(ctx, 'status') ?? ['current', 'archived'];
  const title = queryString(ctx, 'title');
  const rootOnly = queryString(ctx, 'depth') === 'root';
  const pages = Object.values(ctx.state.pages).filter(
    (page) =>
      page.spaceId === space.id &&
      statuses.includes(page.status) &&
      (title === undefined || page.title === title) &&
      (!rootOnly || page.parentId === null) &&
      canViewPage(ctx.state, page, ctx.actor),
  );
  const format = bodyFormat(ctx);
  return pagedList(ctx, pages, sortOrder(ctx), (page) => pageView(page, space.key, { bodyFormat: format }));
}

export function getPage(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['body-format', 'get-draft', 'version', 'status', 'include-version', ...PAGE_INCLUDES]);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  // The stand-in keeps no separate draft of a published page: a page has a draft only while it is one.
  if (queryBoolean(ctx, 'get-draft') === true && page.status !== 'draft') throw notFound();
  const statuses = queryList(ctx, 'status') ?? ['current', 'archived', 'draft'];
  if (!statuses.includes(page.status)) throw notFound();
  const versionNumber = ctx.query.version;
  const snapshot = typeof versionNumber === 'number' && versionNumber !== page.version.number ? page.history.find((s) => s.version.number === versionNumber) : undefined;
  if (typeof versionNumber === 'number' && versionNumber !== page.version.number && !snapshot) throw notFound();
  return {
    status: 200,
    body: {
      ...pageView(page, spaceKeyOf(ctx.state, page), {
        bodyFormat: singlePageFormat(ctx),
        includeVersion: queryBoolean(ctx, 'include-version'),
        base: ctx.base,
        snapshot,
        expand: (storage) => renderStorageFor(ctx.state, ctx.actor, storage, page),
      }),
      ...pageIncludes(ctx, page),
    },
  };
}

export function getPageOperations(ctx: RouteContext): RouteResult {
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  return { status: 200, body: { operations: pageOperations(ctx.state, page, ctx.actor) } };
}
