import type { Operation, SpaceRef, TokenInfo, TokenStatus } from '../contract/resolvers';
import { iso } from './clock';
import type { SecretHash } from './secret-hash';

export type { SpaceRef, TokenStatus };

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

export function toTokenInfo(token: TokenRecord, usage: TokenUsage, now: number): TokenInfo {
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
  };
}

export function revoked(token: TokenRecord, now: number): TokenRecord {
  return { ...token, revokedAt: now, version: token.version + 1 };
}

/** Removes one space; a token left with no space is revoked, since it could no longer do anything. */
export function withoutSpace(token: TokenRecord, spaceKey: string, now: number): TokenRecord {
  const spaces = token.spaces.filter((space) => space.key !== spaceKey);
  return {
    ...token,
    spaces,
    revokedAt: spaces.length === 0 ? (token.revokedAt ?? now) : token.revokedAt,
    version: token.version + 1,
  };
}
