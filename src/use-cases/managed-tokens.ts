import type { ManagedTokenInfo, Page, UsageFreshness } from '../contract/resolvers';
import { withoutSpace, type TokenRecord } from '../core/token';
import { USAGE_READ_LIMIT } from '../ports/fold-store';
import { requireSiteAdmin, requireSpaceAdmin } from './admin-access';
import type { Actor, Deps } from './deps';
import { changeToken, findToken, freshness, revokeToken, withUsage } from './own-tokens';

/** One batch read fetches a page's use counts (and its tokens, for a space's list). */
const PAGE_SIZE = USAGE_READ_LIMIT;

async function managed(deps: Deps, actor: Actor, tokens: TokenRecord[]): Promise<{ items: ManagedTokenInfo[] } & UsageFreshness> {
  const [{ infos, asOf }, names] = await Promise.all([
    withUsage(deps, tokens),
    actor.confluence.displayNames([...new Set(tokens.map((token) => token.ownerAccountId))]),
  ]);
  const items = infos.map(({ hint: _hint, ...info }) => ({
    ...info,
    owner: { accountId: info.ownerAccountId, displayName: names.get(info.ownerAccountId) ?? info.ownerAccountId },
  }));
  return { items, ...freshness(asOf) };
}

/** Tokens that reach a space, for that space's admins: three storage requests per page. */
export async function listSpaceTokens(deps: Deps, actor: Actor, spaceKey: unknown, cursor?: string): Promise<Page<ManagedTokenInfo> & UsageFreshness> {
  const { key } = await requireSpaceAdmin(actor, spaceKey);
  const page = await deps.tokens.listBySpace(key, cursor, PAGE_SIZE);
  return { ...(await managed(deps, actor, page.items)), cursor: page.cursor };
}

/** A space admin cuts a token off from their space; a token left with no space is revoked. */
export async function revokeSpaceAccess(deps: Deps, actor: Actor, spaceKey: unknown, tokenId: unknown): Promise<ManagedTokenInfo> {
  const { key } = await requireSpaceAdmin(actor, spaceKey);
  const token = await findToken(deps, tokenId, (candidate) => candidate.spaces.some((space) => space.key === key));
  const next = await changeToken(deps, token, (current) =>
    current.spaces.some((space) => space.key === key) ? withoutSpace(current, key, deps.clock()) : current,
  );
  return (await managed(deps, actor, [next])).items[0];
}

/** Every token on the site, for site admins: two storage requests per page. */
export async function listAllTokens(deps: Deps, actor: Actor, cursor?: string): Promise<Page<ManagedTokenInfo> & UsageFreshness> {
  await requireSiteAdmin(actor);
  const page = await deps.tokens.listAll(cursor, PAGE_SIZE);
  return { ...(await managed(deps, actor, page.items)), cursor: page.cursor };
}

export async function adminRevokeToken(deps: Deps, actor: Actor, id: unknown): Promise<ManagedTokenInfo> {
  await requireSiteAdmin(actor);
  const token = await revokeToken(deps, await findToken(deps, id, () => true));
  return (await managed(deps, actor, [token])).items[0];
}
