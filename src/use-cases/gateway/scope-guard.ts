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
