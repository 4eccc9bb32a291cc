/**
 * A page's place in its tree: `GET /pages/{id}/children`, `/direct-children`, `/descendants` and
 * `/ancestors`. Only published pages the actor can view are listed; the tree never leaves a space.
 */
import type { StoredPage } from '../model';
import { canViewPage } from '../permissions';
import { pagedList, queryLimit, querySort, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';
import { PAGE_SORT_KEYS, visiblePage } from './pages-read';

const LISTED_STATUSES = ['current', 'archived'];

function childrenOf(ctx: RouteContext, parentId: string): StoredPage[] {
  return Object.values(ctx.state.pages).filter(
    (page) => page.parentId === parentId && LISTED_STATUSES.includes(page.status) && canViewPage(ctx.state, page, ctx.actor),
  );
}

/** Position among its siblings; the stand-in keeps siblings in creation (id) order. */
function childPosition(ctx: RouteContext, page: StoredPage): number {
  const siblings = Object.values(ctx.state.pages).filter((other) => other.parentId === page.parentId);
  return siblings.findIndex((other) => other.id === page.id);
}

function childOrder(ctx: RouteContext) {
  const sort = querySort(ctx, 'child-position');
  const keys: Record<string, (page: StoredPage) => string | number> = {
    ...PAGE_SORT_KEYS,
    'child-position': (page) => childPosition(ctx, page),
  };
  return { key: keys[sort.field] ?? keys['child-position'], descending: sort.descending };
}

/**
 * The deprecated children route. Its spec lists no 404, so a page the actor cannot see has no
 * children rather than being refused.
 */
export function getChildPages(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['cursor', 'limit', 'sort']);
  const parent = ctx.state.pages[ctx.pathParams.id ?? ''];
  const children = parent && canViewPage(ctx.state, parent, ctx.actor) ? childrenOf(ctx, parent.id) : [];
  return pagedList(ctx, children, childOrder(ctx), (page) => ({
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    childPosition: childPosition(ctx, page),
  }));
}

export function getDirectChildren(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['cursor', 'limit', 'sort']);
  const parent = visiblePage(ctx, ctx.pathParams.id ?? '');
  return pagedList(ctx, childrenOf(ctx, parent.id), childOrder(ctx), (page) => ({
    id: page.id,
    status: page.status,
    title: page.title,
    type: 'page',
    spaceId: page.spaceId,
    childPosition: childPosition(ctx, page),
  }));
}

/** Breadth first down to `depth` levels (2 by default, as the spec says), nearest levels first. */
export function getDescendants(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['limit', 'depth', 'cursor']);
  const root = visiblePage(ctx, ctx.pathParams.id ?? '');
  const maxDepth = typeof ctx.query.depth === 'number' ? ctx.query.depth : 2;
  const found: { page: StoredPage; depth: number; id: string }[] = [];
  let level = [root];
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
    level = level.flatMap((page) => childrenOf(ctx, page.id));
    found.push(...level.map((page) => ({ page, depth, id: page.id })));
  }
  return pagedList(ctx, found, { key: (entry) => entry.depth, descending: false }, ({ page, depth }) => ({
    id: page.id,
    status: page.status,
    title: page.title,
    type: 'page',
    parentId: page.parentId ?? undefined,
    depth,
    childPosition: childPosition(ctx, page),
  }));
}

/** Top to bottom; with more ancestors than `limit`, the nearest ones (callers continue from the highest). */
export function getAncestors(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['limit']);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  const ancestors: StoredPage[] = [];
  for (let at = page.parentId ? ctx.state.pages[page.parentId] : undefined; at && !ancestors.includes(at); at = at.parentId ? ctx.state.pages[at.parentId] : undefined) {
    ancestors.push(at);
  }
  const nearest = ancestors.slice(0, queryLimit(ctx)).reverse();
  return { status: 200, body: { results: nearest.map((ancestor) => ({ id: ancestor.id, type: 'page' })), _links: { base: ctx.base } } };
}
