import type { Policy } from '../core/policy';
import type { TokenRecord } from '../core/token';
import type { TokenQuota } from '../core/token-quota';

export interface Paged<T> {
  items: T[];
  cursor: string | null;
}

export interface TokenStore {
  /** The gateway's whole storage budget: the token and the policy in a single read. */
  getWithPolicy(id: string): Promise<{ token: TokenRecord | undefined; policy: Policy }>;
  get(id: string): Promise<TokenRecord | undefined>;
  getMany(ids: string[]): Promise<TokenRecord[]>;
  /** The owner's quota record (NO_QUOTA when none is stored). */
  quota(ownerAccountId: string): Promise<TokenQuota>;
  /**
   * Stores a new token with its owner's quota taken, atomically, only if the stored quota is still
   * `quota.previous`; otherwise throws CONFLICT.
   */
  create(token: TokenRecord, quota: QuotaChange): Promise<void>;
  /**
   * Writes `next` only if the stored token is still `previous` (and the quota still `quota.previous`,
   * when one changes too); otherwise throws CONFLICT.
   */
  replace(previous: TokenRecord, next: TokenRecord, quota?: QuotaChange): Promise<void>;
  listByOwner(ownerAccountId: string): Promise<TokenRecord[]>;
  /** One page of an owner's tokens, newest first. */
  pageByOwner(ownerAccountId: string, cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>>;
  /** Tokens that reach a space, newest first. */
  listBySpace(spaceKey: string, cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>>;
  listAll(cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>>;
}

export interface QuotaChange {
  ownerAccountId: string;
  previous: TokenQuota;
  next: TokenQuota;
}

export interface PolicyStore {
  get(): Promise<Policy>;
  set(policy: Policy): Promise<void>;
}
