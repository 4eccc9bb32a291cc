/**
 * The one place where the gateway decides what a token reaches. Every route calls these and nothing
 * else decides scope, so a change of rule (how a refusal looks, narrower scopes) happens here once.
 * Scope is the token's spaces and, for a token limited to page trees, those trees (page-trees.ts).
 */
import { AppError } from '../../core/errors';
import { grantedSpace, requireSpace } from '../../core/scope';
import type { PageRelation, UpstreamResponse } from '../../ports/confluence';
import { isNumericId, optionalId, type RouteContext } from './route';

export type PageFields = { id?: unknown; spaceId?: unknown; parentId?: unknown };

export type LookUp = { page: PageFields; response: UpstreamResponse } | { refusal: UpstreamResponse };

/** Looks a page up as the owner; Confluence's own refusal (e.g. 404) is kept to be returned as it is. */
export async function lookUp(context: RouteContext, pageId: string, query = new URLSearchParams()): Promise<LookUp> {
  const response = await context.confluence.getPage(pageId, query);
  return response.status === 200 ? { page: JSON.parse(response.body) as PageFields, response } : { refusal: response };
}

/**
 * The request aims at this space: attribute it there (so that space's admins see it, refused or not),
 * then require the space to be in the token's scope.
 */
export function aimAt(context: RouteContext, spaceId: unknown): void {
  const id = optionalId(spaceId);
  context.target.spaceId = id !== undefined && isNumericId(id) ? id : null;
  context.target.spaceKey = grantedSpace(context.token, id)?.key ?? null;
  requireSpace(context.token, id);
}

/** Outside the token's page trees: answered like a page that does not exist (404), audited as denied. */
const outsideTrees = (what: string) => new AppError('PAGE_NOT_GRANTED', `${what} is not in a page tree this token reaches, or does not exist.`);

const treePage = (page: PageFields) => ({ id: optionalId(page.id) ?? '', parentId: optionalId(page.parentId) });

/**
 * The request aims at this page: look it up as the owner, attribute the request to it and its space,
 * and require that space, and the token's page trees when it has any, to hold it. Confluence's own
 * refusal (e.g. 404) comes back as it is.
 */
export async function aimAtPage(context: RouteContext, pageId: string, query?: URLSearchParams): Promise<LookUp> {
  context.target.pageId = pageId;
  const found = await lookUp(context, pageId, query);
  if ('page' in found) {
    aimAt(context, found.page.spaceId);
    if (!(await context.trees.contains(treePage(found.page)))) throw outsideTrees('The page');
  }
  return found;
}

/**
 * Where a page is created or moved to. A parent must be a page the owner can see, in the space the page
 * lives in, and inside the token's page trees when it has any; a token limited to page trees must name
 * a parent, since a page without one would land outside every tree.
 */
export async function requireParentIn(context: RouteContext, parentId: string | undefined, spaceId: string): Promise<void> {
  if (parentId === undefined) {
    if (context.trees.limited) throw outsideTrees('A page without a parent');
    return;
  }
  const parent = isNumericId(parentId) ? await lookUp(context, parentId) : undefined;
  if (!parent || !('page' in parent) || optionalId(parent.page.spaceId) !== spaceId) {
    throw new AppError('SPACE_NOT_GRANTED', 'The parent page is not in a space this token reaches.');
  }
  if (!(await context.trees.contains(treePage(parent.page)))) throw outsideTrees('The parent page');
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
  if (kept.length === list.results.length) return response;
  return { ...response, body: JSON.stringify({ ...list, results: kept }) };
}
