import type { ManagedTokenInfo, Page } from '../contract/resolvers';
import { withoutSpace, type TokenRecord } from '../core/token';
import { requireSiteAdmin, requireSpaceAdmin } from './admin-access';
import type { Actor, Deps } from './deps';
import { changeToken, findToken, revokeToken, withUsage } from './own-tokens';

const PAGE_SIZE = 25;

async function managed(deps: Deps, actor: Actor, tokens: TokenRecord[]): Promise<ManagedTokenInfo[]> {
  const [infos, names] = await Promise.all([
    withUsage(deps, tokens),
    actor.confluence.displayNames([...new Set(tokens.map((token) => token.ownerAccountId))]),
  ]);
  return infos.map(({ info: { hint: _hint, ...info } }) => ({
    ...info,
    owner: { accountId: info.ownerAccountId, displayName: names.get(info.ownerAccountId) ?? info.ownerAccountId },
  }));
}

/** Tokens that reach a space, for that space's admins. */
export async function listSpaceTokens(deps: Deps, actor: Actor, spaceKey: unknown, cursor?: string): Promise<Page<ManagedTokenInfo>> {
  const { key } = await requireSpaceAdmin(actor, spaceKey);
  const page = await deps.tokens.listBySpace(key, cursor, PAGE_SIZE);
  return { items: await managed(deps, actor, page.items), cursor: page.cursor };
}

/** A space admin cuts a token off from their space; a token left with no space is revoked. */
export async function revokeSpaceAccess(deps: Deps, actor: Actor, spaceKey: unknown, tokenId: unknown): Promise<ManagedTokenInfo> {
  const { key } = await requireSpaceAdmin(actor, spaceKey);
  const token = await findToken(deps, tokenId, (candidate) => candidate.spaces.some((space) => space.key === key));
  const next = await changeToken(deps, token, (current) =>
    current.spaces.some((space) => space.key === key) ? withoutSpace(current, key, deps.clock()) : current,
  );
  const [info] = await managed(deps, actor, [next]);
  return info;
}

export async function listAllTokens(deps: Deps, actor: Actor, cursor?: string): Promise<Page<ManagedTokenInfo>> {
  await requireSiteAdmin(actor);
  const page = await deps.tokens.listAll(cursor, PAGE_SIZE);
  return { items: await managed(deps, actor, page.items), cursor: page.cursor };
}

export async function adminRevokeToken(deps: Deps, actor: Actor, id: unknown): Promise<ManagedTokenInfo> {
  await requireSiteAdmin(actor);
  const token = await revokeToken(deps, await findToken(deps, id, () => true));
  const [info] = await managed(deps, actor, [token]);
  return info;
}
