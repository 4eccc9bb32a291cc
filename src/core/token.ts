import type { Operation, PageRef, SpaceRef, TokenInfo, TokenStatus } from '../contract/resolvers';
import { DAY_MS, iso } from './clock';
import type { SecretHash } from './secret-hash';

export type { SpaceRef, TokenStatus };

/** The root of a page tree a token is limited to; the title is kept for display only. */
export interface TreeRoot {
  id: string;
  spaceId: string;
  title: string;
}

/** The secret a rotation replaced, still accepted until `validUntil` (and within the policy's maxGraceHours of `rotatedAt`). */
export interface PreviousSecret {
  secretHash: SecretHash;
  rotatedAt: number;
  validUntil: number;
}

/**
 * An admin's cut to someone else's token, kept on the token so its owner learns who and where: a space
 * admin removing their space (`spaceKey`), or a site admin revoking the whole token (`spaceKey` null).
 */
export interface AdminCut {
  by: string;
  at: number;
  spaceKey: string | null;
  /** This cut revoked the token (a site admin's always; a space admin's when it left the token nothing). */
  revoked: boolean;
}

/** Tokens expiring within this many days are flagged to their owners and space admins. */
export const EXPIRY_NOTICE_DAYS = 7;

/** What storage holds for a token: never the secret, only its hash. */
export interface TokenRecord {
  id: string;
  ownerAccountId: string;
  label: string;
  spaces: SpaceRef[];
  operations: Operation[];
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  secretHash: SecretHash;
  hint: string;
  /** Normalized addresses and CIDR ranges; empty: usable from anywhere (unless the policy requires a list). */
  allowedIps: string[];
  /** Page trees the token is limited to; empty: its whole spaces. */
  pages: TreeRoot[];
  previousSecret: PreviousSecret | null;
  /** Admins' cuts, oldest first: at most one per space it had, and one revocation. */
  adminCuts: AdminCut[];
  /** Incremented on every change; updates are conditional on it so concurrent changes are not lost. */
  version: number;
}

export interface TokenUsage {
  count: number;
  lastUsedAt: number | null;
}

export const NO_USAGE: TokenUsage = { count: 0, lastUsedAt: null };

export function tokenStatus(token: Pick<TokenRecord, 'revokedAt' | 'expiresAt'>, now: number): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return now >= token.expiresAt ? 'expired' : 'active';
}

export function expiresSoon(token: Pick<TokenRecord, 'revokedAt' | 'expiresAt'>, now: number): boolean {
  return tokenStatus(token, now) === 'active' && token.expiresAt - now <= EXPIRY_NOTICE_DAYS * DAY_MS;
}

export function pageRefs(token: Pick<TokenRecord, 'pages' | 'spaces'>): PageRef[] {
  return token.pages.map((page) => ({
    id: page.id,
    title: page.title,
    spaceKey: token.spaces.find((space) => space.id === page.spaceId)?.key ?? '',
  }));
}

/** Until when the previous secret works: its own limit, cut short by a policy that now allows less grace. */
export function previousSecretValidUntil(token: Pick<TokenRecord, 'previousSecret'>, maxGraceHours: number): number | null {
  const previous = token.previousSecret;
  if (!previous) return null;
  return Math.min(previous.validUntil, previous.rotatedAt + maxGraceHours * 3_600_000);
}

export function toTokenInfo(token: TokenRecord, usage: TokenUsage, now: number): TokenInfo {
  const previousUntil = token.previousSecret?.validUntil ?? null;
  return {
    id: token.id,
    label: token.label,
    hint: token.hint,
    status: tokenStatus(token, now),
    ownerAccountId: token.ownerAccountId,
    spaces: token.spaces,
    operations: token.operations,
    createdAt: iso(token.createdAt),
    expiresAt: iso(token.expiresAt),
    revokedAt: token.revokedAt === null ? null : iso(token.revokedAt),
    lastUsedAt: usage.lastUsedAt === null ? null : iso(usage.lastUsedAt),
    usageCount: usage.count,
    previousSecretValidUntil: previousUntil !== null && previousUntil > now ? iso(previousUntil) : null,
    allowedIps: token.allowedIps,
    pageIds: token.pages.map((page) => page.id),
    pages: pageRefs(token),
    expiresSoon: expiresSoon(token, now),
    // Named by whoever shows them (`nameCuts`): display names are Confluence's, looked up as the viewer.
    adminCuts: token.adminCuts.map((cut) => ({ ...cut, at: iso(cut.at), by: { accountId: cut.by, displayName: cut.by } })),
  };
}

/** The cuts' admins by display name (`names` by account id; an unknown id stays as it is). */
export function nameCuts<T extends Pick<TokenInfo, 'adminCuts'>>(info: T, names: ReadonlyMap<string, string>): T {
  const adminCuts = info.adminCuts.map((cut) => ({ ...cut, by: { accountId: cut.by.accountId, displayName: names.get(cut.by.accountId) ?? cut.by.accountId } }));
  return { ...info, adminCuts };
}

/** Revoked now, by its owner, or by a site admin (`by`), whom its owner is then told of. */
export function revoked(token: TokenRecord, now: number, by?: string): TokenRecord {
  const adminCuts = by === undefined ? token.adminCuts : [...token.adminCuts, { by, at: now, spaceKey: null, revoked: true }];
  return { ...token, revokedAt: now, adminCuts, version: token.version + 1 };
}

/**
 * Removes one space and the page trees in it. A token left with no space, or limited to page trees
 * and left with none, is revoked: it could no longer do anything, and a page-tree token must never
 * widen to whole spaces.
 */
export function withoutSpace(token: TokenRecord, spaceKey: string, now: number, by: string): TokenRecord {
  const removed = token.spaces.find((space) => space.key === spaceKey);
  const spaces = token.spaces.filter((space) => space !== removed);
  const pages = token.pages.filter((page) => page.spaceId !== removed?.id);
  const useless = spaces.length === 0 || (token.pages.length > 0 && pages.length === 0);
  const revokes = useless && token.revokedAt === null;
  return {
    ...token,
    spaces,
    pages,
    revokedAt: revokes ? now : token.revokedAt,
    adminCuts: [...token.adminCuts, { by, at: now, spaceKey, revoked: revokes }],
    version: token.version + 1,
  };
}
