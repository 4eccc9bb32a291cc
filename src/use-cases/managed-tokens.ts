import type { ManagedTokenInfo, Page, SpacePageRef, SpaceRef, SpaceTokenInfo, UsageFreshness } from '../contract/resolvers';
import { nameCuts, revoked, withoutSpace, type TokenRecord } from '../core/token';
import { USAGE_READ_LIMIT } from '../ports/fold-store';
import { requireSiteAdmin, requireSpaceAdmin } from './admin-access';
import type { Actor, Deps } from './deps';
import { changeToken, findToken, freshness, withUsage } from './own-tokens';

/** One batch read fetches a page's use counts (and its tokens, for a space's list). */
const PAGE_SIZE = USAGE_READ_LIMIT;

async function managed(deps: Deps, actor: Actor, tokens: TokenRecord[]): Promise<{ items: ManagedTokenInfo[] } & UsageFreshness> {
  const people = tokens.flatMap((token) => [token.ownerAccountId, ...token.adminCuts.map((cut) => cut.by)]);
  const [{ infos, asOf }, names] = await Promise.all([withUsage(deps, tokens), actor.confluence.displayNames([...new Set(people)])]);
  const items = infos.map(({ hint: _hint, ...info }) => ({
    ...nameCuts(info, names),
    owner: { accountId: info.ownerAccountId, displayName: names.get(info.ownerAccountId) ?? info.ownerAccountId },
  }));
  return { items, ...freshness(asOf) };
}

/**
 * Tokens as the admin of `space` sees them: the token's other spaces as a count, its page trees only
 * in this space, titled by one Confluence call as the admin (never as the owner or the app, so no title
 * the admin could not read), and only the cuts made here or by a site admin.
 */
async function inSpace(actor: Actor, space: SpaceRef, tokens: readonly TokenRecord[], infos: readonly ManagedTokenInfo[]): Promise<SpaceTokenInfo[]> {
  const roots = new Map(tokens.map((token) => [token.id, token.pages.filter((page) => page.spaceId === space.id).map((page) => page.id)]));
  const ids = [...new Set([...roots.values()].flat())];
  const found = ids.length === 0 ? [] : await actor.confluence.findPages(ids);
  const titles = new Map(found.filter((page) => page.spaceId === space.id).map((page) => [page.id, page.title]));
  return infos.map((info, index) => {
    const here = roots.get(info.id) ?? [];
    const reaches = tokens[index].spaces.some((candidate) => candidate.id === space.id);
    const pages: SpacePageRef[] = here.map((id) => ({ id, title: titles.get(id) ?? null }));
    return {
      ...info,
      spaces: reaches ? [space] : [],
      otherSpaces: tokens[index].spaces.filter((candidate) => candidate.id !== space.id).length,
      pageIds: here,
      pages,
      treesElsewhereOnly: tokens[index].pages.length > 0 && here.length === 0,
      adminCuts: info.adminCuts.filter((cut) => cut.spaceKey === null || cut.spaceKey === space.key),
    };
  });
}

/** The space a space admin's request is about: its id too, for matching a token's spaces and trees. */
async function administeredSpace(actor: Actor, spaceKey: unknown): Promise<SpaceRef> {
  const { key, space } = await requireSpaceAdmin(actor, spaceKey);
  return { key, id: space?.id ?? '' };
}

/** Tokens that reach a space, for that space's admins: three storage requests per page, and one Confluence call for page-tree titles. */
export async function listSpaceTokens(deps: Deps, actor: Actor, spaceKey: unknown, cursor?: string): Promise<Page<SpaceTokenInfo> & UsageFreshness> {
  const space = await administeredSpace(actor, spaceKey);
  const page = await deps.tokens.listBySpace(space.key, cursor, PAGE_SIZE);
  const { items, ...fresh } = await managed(deps, actor, page.items);
  return { items: await inSpace(actor, space, page.items, items), ...fresh, cursor: page.cursor };
}

/** A space admin cuts a token off from their space; a token left with no space is revoked. Its owner is told who and where. */
export async function revokeSpaceAccess(deps: Deps, actor: Actor, spaceKey: unknown, tokenId: unknown): Promise<SpaceTokenInfo> {
  const space = await administeredSpace(actor, spaceKey);
  const token = await findToken(deps, tokenId, (candidate) => candidate.spaces.some((granted) => granted.key === space.key));
  const next = await changeToken(deps, token, (current) =>
    current.spaces.some((granted) => granted.key === space.key) ? withoutSpace(current, space.key, deps.clock(), actor.accountId) : current,
  );
  const [info] = (await managed(deps, actor, [next])).items;
  return (await inSpace(actor, space, [next], [info]))[0];
}

/** Every token on the site, for site admins: two storage requests per page. */
export async function listAllTokens(deps: Deps, actor: Actor, cursor?: string): Promise<Page<ManagedTokenInfo> & UsageFreshness> {
  await requireSiteAdmin(actor);
  const page = await deps.tokens.listAll(cursor, PAGE_SIZE);
  return { ...(await managed(deps, actor, page.items)), cursor: page.cursor };
}

export async function adminRevokeToken(deps: Deps, actor: Actor, id: unknown): Promise<ManagedTokenInfo> {
  await requireSiteAdmin(actor);
  const token = await findToken(deps, id, () => true);
  // Revoked by a site admin, whom the owner is told of; an already revoked token keeps its first revocation.
  const next = await changeToken(deps, token, (current) => (current.revokedAt === null ? revoked(current, deps.clock(), actor.accountId) : current));
  return (await managed(deps, actor, [next])).items[0];
}
