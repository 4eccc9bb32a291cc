/**
 * The one place where the gateway decides what a token reaches. Every route calls these and nothing
 * else decides scope, so a change of rule (how a refusal looks, narrower scopes) happens here once.
 */
import { AppError } from '../../core/errors';
import { grantedSpace, requireSpace } from '../../core/scope';
import type { UpstreamResponse } from '../../ports/confluence';
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

/** A parent must be a page the owner can see, in the space the page lives in. */
export async function requireParentIn(context: RouteContext, parentId: string, spaceId: string): Promise<void> {
  const parent = isNumericId(parentId) ? await lookUp(context, parentId) : undefined;
  if (!parent || !('page' in parent) || optionalId(parent.page.spaceId) !== spaceId) {
    throw new AppError('SPACE_NOT_GRANTED', 'The parent page is not in a space this token reaches.');
  }
}

/**
 * The request aims at this page: look it up as the owner, attribute the request to it and its space,
 * and require that space to be in scope. Confluence's own refusal (e.g. 404) comes back as it is.
 */
export async function aimAtPage(context: RouteContext, pageId: string, query?: URLSearchParams): Promise<LookUp> {
  context.target.pageId = pageId;
  const found = await lookUp(context, pageId, query);
  if ('page' in found) aimAt(context, found.page.spaceId);
  return found;
}

/** The spaces a list may draw from: the token's, narrowed to those asked for (none asked: all of them). */
export function spacesInScope(context: RouteContext, askedIds: readonly string[] | undefined): string[] {
  const granted = context.token.spaces.map((space) => space.id);
  return askedIds === undefined ? granted : granted.filter((id) => askedIds.includes(id));
}

/**
 * A list answer with every result outside the scope removed, whatever Confluence returned: each
 * result's own `spaceId`, or for results that carry none (ancestors, descendants), the space of the
 * page they were listed from. A result whose space is unknown is dropped.
 */
export function keepInScope(context: RouteContext, response: UpstreamResponse, listedFromSpaceId?: string): UpstreamResponse {
  if (response.status !== 200) return response;
  const list = JSON.parse(response.body) as { results?: Array<{ spaceId?: unknown }> };
  if (!Array.isArray(list.results)) return response;
  const kept = list.results.filter((item) => grantedSpace(context.token, optionalId(item.spaceId) ?? listedFromSpaceId) !== undefined);
  if (kept.length === list.results.length) return response;
  return { ...response, body: JSON.stringify({ ...list, results: kept }) };
}
