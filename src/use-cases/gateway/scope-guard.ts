/**
 * The one place where the gateway decides what a token reaches. Every route calls these and nothing
 * else decides scope, so a change of rule (how a refusal looks, narrower scopes) happens here once.
 * Scope is the token's spaces and, for a token limited to page trees, those trees (page-trees.ts).
 *
 * Rules: a target outside the token's scope answers exactly as a missing page does (no oracle for
 * which pages exist elsewhere); a refusal is attributed to the space it aimed at before it is made;
 * the operation is checked after the space, so an out-of-scope target never answers 403; on a change
 * route nothing reaches Confluence before the guard approved it and its audit intent is written.
 */
import { AppError } from '../../core/errors';
import { isOperation, OPERATIONS } from '../../core/operations';
import { grantedSpace, requireOperation } from '../../core/scope';
import type { OwnerConfluence, PageRelation, UpstreamResponse } from '../../ports/confluence';
import type { SpaceRef } from '../../contract/resolvers';
import { TREE_LIST_LIMIT } from './page-trees';
import { asksRendering, checkRendering, rememberStorageOf, storageInstead, withVersions } from './rendered-bodies';
import { isNumericId, optionalId, type AuditTarget, type RouteContext } from './route';

export type PageFields = { id?: unknown; spaceId?: unknown; parentId?: unknown };

export type LookUp = { page: PageFields; response: UpstreamResponse } | { refusal: UpstreamResponse };

const CHANGES: ReadonlySet<string> = new Set(OPERATIONS.filter((operation) => operation !== 'read'));

/** Plain page lists, whose pages a token limited to page trees must place one by one (keepInScope). */
const TREE_CHECKED_LISTS: ReadonlySet<string> = new Set<keyof OwnerConfluence>(['listPages', 'listSpacePages']);

/** A page list for a token limited to page trees asks at most TREE_LIST_LIMIT pages: one search places them all. */
function shorterForTrees(query: URLSearchParams): URLSearchParams {
  const limit = Number(query.get('limit') ?? 25);
  if (Number.isInteger(limit) && limit >= 1 && limit <= TREE_LIST_LIMIT) return query;
  const shorter = new URLSearchParams(query);
  shorter.set('limit', String(TREE_LIST_LIMIT));
  return shorter;
}

/** Outside the token's spaces: the client sees Confluence's own missing-page 404 (see the web trigger's error table). */
const outOfScope = (what: string) => new AppError('SPACE_NOT_GRANTED', `${what} is not in a space this token reaches.`);

/** Outside the token's page trees: answered like a page that does not exist (404), audited as denied. */
const outsideTrees = (what: string) => new AppError('PAGE_NOT_GRANTED', `${what} is not in a page tree this token reaches, or does not exist.`);

/** `parentId` null (a root-level page) is kept apart from absent (not told): only the latter needs ancestors. */
const treePage = (page: PageFields) => ({ id: optionalId(page.id) ?? '', parentId: page.parentId === null ? null : optionalId(page.parentId) });

/**
 * Looks a page up as the owner; Confluence's own refusal (e.g. 404) is kept to be returned as it is.
 * A look-up never brings back a rendered body: asked for one, it reads the storage body instead, which
 * the rendered-body rule then checks (rendered-bodies.ts).
 */
export async function lookUp(context: RouteContext, pageId: string, query = new URLSearchParams()): Promise<LookUp> {
  // For a token limited to page trees, the page's ancestors are asked alongside: a page outside the
  // trees and a missing one then cost the same two calls, at the same time (page-trees.ts).
  const [response] = await Promise.all([context.guard.lookups.getPage(pageId, storageInstead(query)), context.trees.prefetch(pageId)]);
  if (response.status !== 200) return { refusal: response };
  rememberStorageOf(context, response);
  const page = JSON.parse(response.body) as PageFields;
  const spaceId = optionalId(page.spaceId);
  if (spaceId !== undefined) context.guard.seenSpaces.add(spaceId);
  return { page, response };
}

/**
 * The request aims at this space: attribute it there (so that space's admins see it, refused or
 * not), require the space to be in scope, then the operation.
 */
export function aimAt(context: RouteContext, spaceId: unknown): void {
  const id = optionalId(spaceId);
  context.target.spaceId = id !== undefined && isNumericId(id) ? id : null;
  const space = grantedSpace(context.token, id);
  context.target.spaceKey = space?.key ?? null;
  if (!space) throw outOfScope('The page');
  checkOperation(context);
  context.guard.aimed = true;
}

/**
 * The request aims at this page: look it up as the owner, attribute the request to it and its space,
 * and require that space, and the token's page trees when it has any, to hold it. Confluence's own
 * refusal (e.g. 404) comes back as it is. A rendering asked for is fetched once the page is in scope,
 * and passes the rendered-body rule.
 */
export async function aimAtPage(context: RouteContext, pageId: string, query?: URLSearchParams): Promise<LookUp> {
  context.target.pageId = pageId;
  const found = await lookUp(context, pageId, query);
  if ('page' in found) {
    aimAt(context, found.page.spaceId);
    if (!(await context.trees.contains(treePage(found.page)))) throw outsideTrees('The page');
    if (query && asksRendering(query)) return { page: found.page, response: await context.confluence.getPage(pageId, query) };
  }
  return found;
}

/**
 * The request aims at a footer comment: a comment is in scope exactly when its page is, so the comment
 * is looked up as the owner and the guard then aims at its page. Confluence's refusal of either comes
 * back as it is. Each look-up is one call.
 */
export async function aimAtComment(context: RouteContext, commentId: string, query = new URLSearchParams()): Promise<{ comment: { pageId?: unknown }; response: UpstreamResponse; page: LookUp } | { refusal: UpstreamResponse }> {
  const response = await context.guard.lookups.getFooterComment(commentId, query);
  if (response.status !== 200) return { refusal: response };
  const comment = JSON.parse(response.body) as { pageId?: unknown };
  const pageId = optionalId(comment.pageId);
  // A comment on a blog post or an attachment has no page to place it: outside the scope, as nothing.
  if (pageId === undefined || !isNumericId(pageId)) throw outOfScope('The comment');
  const page = await aimAtPage(context, pageId);
  if ('refusal' in page) return page;
  return { comment, response, page };
}

/** Every state a page can be in now, so a look-up with it finds the page wherever it currently lives. */
const ANY_CURRENT_STATE = new URLSearchParams({ status: 'current,archived,draft,trashed' });

/**
 * A read of a page as the client asked it (a `version`, a `status`): an older version or another
 * state may have lived in another space, so the page's current space decides, looked up first (one
 * call more); then the page is read as asked. Without those, the look-up is the read. `page` is the
 * page as it is now (its space and parent), `response` the answer as asked.
 */
export async function aimAtPageAsAsked(context: RouteContext, pageId: string, query: URLSearchParams): Promise<LookUp> {
  if (!query.has('version') && !query.has('status')) return aimAtPage(context, pageId, query);
  const found = await aimAtPage(context, pageId, ANY_CURRENT_STATE);
  if ('refusal' in found) return found;
  const response = await context.confluence.getPage(pageId, query);
  return response.status === 200 ? { page: found.page, response } : { refusal: response };
}

/** Where a page goes (a move's new space): in scope, or it answers as a missing page. */
export function requireDestination(context: RouteContext, spaceId: string): void {
  if (!grantedSpace(context.token, spaceId)) throw outOfScope('The destination');
}

/**
 * Where a page is created or moved to. A parent must be a page the owner can see, in the space the page
 * lives in, and inside the token's page trees when it has any; a token limited to page trees must name
 * a parent, since a page without one would land outside every tree.
 */
export async function requireParentIn(context: RouteContext, parentId: string | undefined, spaceId: string): Promise<void> {
  if (parentId === undefined) {
    if (context.trees.limited) {
      throw new AppError('PARENT_REQUIRED', 'This token reaches only some page trees: name a parentId inside one of them (a page without a parent would be outside every tree).');
    }
    return;
  }
  const parent = isNumericId(parentId) ? await lookUp(context, parentId) : undefined;
  if (!parent || !('page' in parent) || optionalId(parent.page.spaceId) !== spaceId) throw outOfScope('The parent page');
  if (!(await context.trees.contains(treePage(parent.page)))) throw outsideTrees('The parent page');
}

/** Purging is never allowed through a token, however the parameter is spelt, cased or repeated. */
export function refusePurge(context: RouteContext): void {
  for (const [name, value] of context.sentQuery) {
    if (name.toLowerCase().replace(/[^a-z]/g, '') === 'purge' && value.trim().toLowerCase() !== 'false') {
      throw new AppError('PURGE_NOT_ALLOWED', 'Tokens cannot purge pages; deleted pages go to the trash.');
    }
  }
}

function checkOperation(context: RouteContext): void {
  if (isOperation(context.operation) && !context.guard.operationChecked) requireOperation(context.token, context.operation);
  context.guard.operationChecked = true;
}

/** Before a route's answer goes out: a route that never called Confluence still needs its operation. */
export function settleOperation(context: RouteContext): void {
  checkOperation(context);
}

/**
 * Confluence as the owner, as routes see it: each call waits for the guard (see RouteContext).
 * A change route that calls before aiming is a bug; it is refused rather than sent unaudited. A call
 * that asks for a rendered body is answered only under the rendered-body rule (rendered-bodies.ts).
 */
export function guardedConfluence(context: RouteContext): OwnerConfluence {
  const raw = context.guard.lookups as unknown as Record<string, (...args: unknown[]) => Promise<UpstreamResponse>>;
  const guarded = Object.fromEntries(
    Object.entries(raw).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        checkOperation(context);
        if (CHANGES.has(context.operation)) {
          if (!context.guard.aimed) throw new AppError('INTERNAL', 'A change route called Confluence before the scope guard approved it.');
          await context.guard.beforeChange();
        }
        let query = args.find((arg): arg is URLSearchParams => arg instanceof URLSearchParams);
        if (!query) return call(...args);
        if (context.trees.limited && TREE_CHECKED_LISTS.has(name)) query = shorterForTrees(query);
        const sent = withVersions(query);
        const response = await call(...args.map((arg) => (arg instanceof URLSearchParams ? sent : arg)));
        return checkRendering(context, query, response);
      },
    ]),
  );
  return guarded as unknown as OwnerConfluence;
}

/**
 * Where the audit event files a request: the target space when the token reaches it or the owner
 * can see it; otherwise nowhere, so a token cannot write into the log of a space its owner cannot see.
 */
export async function attributableTarget(context: RouteContext): Promise<RouteContext['target']> {
  const { spaceId } = context.target;
  if (spaceId === null || grantedSpace(context.token, spaceId) || context.guard.seenSpaces.has(spaceId)) return context.target;
  try {
    const answer = await context.guard.lookups.listSpaces(new URLSearchParams({ ids: spaceId }));
    const visible = answer.status === 200 && ((JSON.parse(answer.body) as { results?: unknown[] }).results?.length ?? 0) > 0;
    return visible ? context.target : { ...context.target, spaceId: null, spaceKey: null };
  } catch {
    return { ...context.target, spaceId: null, spaceKey: null };
  }
}

/** The spaces a list may draw from: the token's, narrowed to those asked for (none asked: all of them). */
export function spacesInScope(context: RouteContext, askedIds: readonly string[] | undefined): string[] {
  const granted = context.token.spaces.map((space) => space.id);
  return askedIds === undefined ? granted : granted.filter((id) => askedIds.includes(id));
}

type Listed = PageFields & { spaceId?: unknown };

/**
 * A list answer with every result outside the scope removed, whatever Confluence returned: each
 * result's own `spaceId`, or for results that carry none (ancestors, descendants), the space of the
 * page they were listed from. A result whose space is unknown is dropped. For a token limited to page
 * trees, pages outside them are dropped too: everything below a page in scope is in scope, ancestors
 * only from a tree's root down, and a plain page list is checked page by page (page-trees.ts says at
 * what cost). The cursor link stays, so a page of results may come back shorter than asked, even empty.
 */
export async function keepInScope(
  context: RouteContext,
  response: UpstreamResponse,
  listedFromSpaceId?: string,
  relation?: PageRelation,
): Promise<UpstreamResponse> {
  if (response.status !== 200) return response;
  const list = JSON.parse(response.body) as { results?: Listed[] };
  if (!Array.isArray(list.results)) return response;
  let kept = list.results.filter((item) => grantedSpace(context.token, optionalId(item.spaceId) ?? listedFromSpaceId) !== undefined);
  if (context.trees.limited && relation === 'ancestors') {
    kept = context.trees.fromRootDown(kept, (item) => optionalId(item.id) ?? '');
  } else if (context.trees.limited && relation === undefined) {
    kept = (await context.trees.filter(kept.map((item) => ({ ...treePage(item), item })))).map(({ item }) => item);
  }
  for (const item of kept) returned(context, optionalId(item.spaceId) ?? listedFromSpaceId);
  if (kept.length === list.results.length) return response;
  return { ...response, body: JSON.stringify({ ...list, results: kept }) };
}

/** The same as `aimAt` for routes that name a space by key (REST v1): the token's own record maps it to an id. */
export function aimAtSpaceKey(context: RouteContext, key: string | null | undefined): SpaceRef {
  const space = context.token.spaces.find((granted) => granted.key === key);
  aimAt(context, space?.id);
  return space!;
}

/**
 * Where an edited page ends up must be in scope: its space, and a parent newly named (or kept across a
 * space change) must be a page of that space. Moving a page out answers as a missing page.
 */
export async function requireMoveInScope(context: RouteContext, current: PageFields, targetSpaceId: string, parentId: string | undefined): Promise<void> {
  requireDestination(context, targetSpaceId);
  const movesSpace = targetSpaceId !== optionalId(current.spaceId);
  if ((parentId !== undefined && parentId !== optionalId(current.parentId)) || movesSpace) {
    await requireParentIn(context, parentId, targetSpaceId);
  }
}

/** A space named by key (REST v1) as a destination: its id, when the token reaches it. */
export function destinationByKey(context: RouteContext, key: string): string {
  const id = context.token.spaces.find((space) => space.key === key)?.id ?? '';
  requireDestination(context, id);
  return id;
}

export interface SearchHit {
  id?: unknown;
  type?: unknown;
  space?: { key?: unknown; id?: unknown; homepage?: { id?: unknown }; _expandable?: Record<string, unknown> };
  ancestors?: Array<{ id?: unknown }>;
}

/** A `/search` result around its content: the crumbs and parent Confluence names beside it. */
export interface SearchResultItem {
  content?: SearchHit;
  breadcrumbs?: Array<{ url?: unknown }>;
  resultParentContainer?: unknown;
}

/**
 * A CQL search result is in scope when it is a page of one of the token's spaces (by id: a key can be
 * renamed, or taken by another space) and, for a token limited to page trees, a tree's root or a page
 * below one (results carry their ancestors then).
 */
export function inSearchScope(context: RouteContext, hit: SearchHit | undefined): boolean {
  const space = context.token.spaces.find((granted) => granted.id === String(hit?.space?.id));
  if (hit?.type !== 'page' || !space) return false;
  const roots = new Set(context.token.pages.map((page) => page.id));
  const inside = !context.trees.limited || roots.has(String(hit.id)) || (hit.ancestors ?? []).some((ancestor) => roots.has(String(ancestor.id)));
  if (inside) returned(context, space.id);
  return inside;
}

/** A page of this space goes back in the answer. */
function returned(context: RouteContext, spaceId: string | undefined): void {
  if (spaceId !== undefined) (context.guard.returnedSpaces ??= new Set()).add(spaceId);
}

/**
 * Where an answered request is filed: under its target, and under every other space of the token
 * whose pages the answer carried (a list or search over several spaces is on the record of each, one
 * event per space). A request that aimed at no one space is filed under the first space it returned.
 */
export function filingSpaces(context: RouteContext, target: AuditTarget): { target: AuditTarget; copies: SpaceRef[] } {
  const returnedIds = context.guard.returnedSpaces ?? new Set<string>();
  const spaces = context.token.spaces.filter((space) => returnedIds.has(space.id) && space.id !== target.spaceId);
  if (target.spaceId !== null || spaces.length === 0) return { target, copies: spaces };
  const [first, ...copies] = spaces;
  return { target: { ...target, spaceId: first!.id, spaceKey: first!.key }, copies };
}

/**
 * A space's homepage, when the token may see it (`space.homepage`): for a token limited to page trees,
 * only when it is one of the trees' roots (a homepage has no page above it, so no tree holds it otherwise).
 */
export function reachableHomepage(context: RouteContext, space: { id?: unknown; homepageId?: unknown }): string | undefined {
  const homepageId = optionalId(space.homepageId);
  if (homepageId === undefined || !grantedSpace(context.token, optionalId(space.id))) return undefined;
  if (context.trees.limited && !context.token.pages.some((page) => page.id === homepageId)) return undefined;
  return homepageId;
}

/** Page ids a people link names: `/pages/<id>` or `pageId=<id>`. */
const pageIdInUrl = (url: unknown) => (typeof url === 'string' ? (/\/pages\/(\d+)|[?&]pageId=(\d+)/.exec(url)?.slice(1).find(Boolean) ?? undefined) : undefined);

/**
 * A search hit (in scope: inSearchScope) without any title from outside the scope: for a token
 * limited to page trees, no ancestor above its tree's root, and its space's homepage only when that is
 * a root. Returns the hit's ids that remain named (the hit and its kept ancestors).
 */
export function trimSearchHit(context: RouteContext, hit: SearchHit): Set<string> {
  if (context.trees.limited && Array.isArray(hit.ancestors)) {
    hit.ancestors = context.trees.fromRootDown([...hit.ancestors, { id: hit.id }], (item) => optionalId(item.id) ?? '').filter((item) => item.id !== hit.id);
  }
  const homepage = hit.space?.homepage;
  if (hit.space && homepage && reachableHomepage(context, { id: hit.space.id ?? context.token.spaces.find((space) => space.key === hit.space?.key)?.id, homepageId: homepage.id }) === undefined) {
    delete hit.space.homepage;
    hit.space._expandable = { ...(hit.space._expandable ?? {}), homepage: '' };
  }
  return new Set([optionalId(hit.id) ?? '', ...(hit.ancestors ?? []).map((ancestor) => optionalId(ancestor.id) ?? '')]);
}

/**
 * A `/search` result, trimmed as trimSearchHit trims its content; for a token limited to page trees,
 * breadcrumbs only to pages still named, and no parent container for a tree's root (its parent is outside).
 */
export function trimSearchResult(context: RouteContext, result: SearchResultItem): void {
  if (!result.content) return;
  const named = trimSearchHit(context, result.content);
  if (!context.trees.limited) return;
  if (Array.isArray(result.breadcrumbs)) result.breadcrumbs = result.breadcrumbs.filter((crumb) => named.has(pageIdInUrl(crumb.url) ?? ''));
  if (context.token.pages.some((page) => page.id === optionalId(result.content?.id))) delete result.resultParentContainer;
}
