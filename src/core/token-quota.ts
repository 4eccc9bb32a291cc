import { DAY_MS } from './clock';
import type { TokenRecord } from './token';

/**
 * The tokens that count against an owner's `maxTokensPerUser`, kept in one stored record so that the
 * limit can be checked and taken in one conditional write: KVS has no atomic increment, and a check
 * followed by a separate write let 20 concurrent creations through with a limit of 3.
 *
 * A token counts from its creation until it is revoked or expires. Revocation removes it here (in the
 * same transaction as the token); an expired token needs no write at all: it simply stops counting once
 * its expiry has passed, and is dropped from the record the next time the record is written.
 */
export interface TokenQuota {
  /** 0 when nothing is stored yet; every write adds one, and is conditional on the version it read. */
  version: number;
  counted: Array<{ id: string; expiresAt: number }>;
  /**
   * When the owner created tokens in the last 24 hours, revoked ones included, for the policy's
   * maxTokenCreationsPerDay; absent on quotas stored before creations were counted.
   */
  created?: number[];
}

export const NO_QUOTA: TokenQuota = { version: 0, counted: [] };

/** The tokens that still count at `now`. */
export function countedAt(quota: TokenQuota, now: number): TokenQuota['counted'] {
  return quota.counted.filter((entry) => entry.expiresAt > now);
}

/** The owner's creations in the 24 hours before `now`, oldest first. */
export function createdWithinDay(quota: TokenQuota, now: number): number[] {
  return (quota.created ?? []).filter((at) => at > now - DAY_MS);
}

export interface CreationLimits {
  maxTokensPerUser: number;
  maxTokenCreationsPerDay: number;
}

/** Which limit a new token would break, if any. */
export function creationRefusal(quota: TokenQuota, limits: CreationLimits, now: number): 'active' | 'daily' | undefined {
  if (countedAt(quota, now).length >= limits.maxTokensPerUser) return 'active';
  if (createdWithinDay(quota, now).length >= limits.maxTokenCreationsPerDay) return 'daily';
  return undefined;
}

/** The quota with `token` taken and its creation counted; call only when creationRefusal found nothing. */
export function taking(quota: TokenQuota, token: Pick<TokenRecord, 'id' | 'expiresAt'>, now: number): TokenQuota {
  return {
    version: quota.version + 1,
    counted: [...countedAt(quota, now), { id: token.id, expiresAt: token.expiresAt }],
    created: [...createdWithinDay(quota, now), now],
  };
}

/** The quota with `tokenId` given back; undefined when it did not count (already expired or never recorded). */
export function releasing(quota: TokenQuota, tokenId: string, now: number): TokenQuota | undefined {
  const counted = countedAt(quota, now);
  if (!counted.some((entry) => entry.id === tokenId)) return undefined;
  return { ...quota, version: quota.version + 1, counted: counted.filter((entry) => entry.id !== tokenId) };
}

/** A quota for tokens stored before quotas were kept: the owner's active tokens, counted once. */
export function quotaOf(tokens: Array<Pick<TokenRecord, 'id' | 'expiresAt' | 'revokedAt'>>, now: number): TokenQuota {
  return { version: 0, counted: tokens.filter((token) => token.revokedAt === null && token.expiresAt > now).map(({ id, expiresAt }) => ({ id, expiresAt })) };
}
