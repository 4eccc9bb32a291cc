import { Filter, FilterConditions, kvs, Sort, type Ttl } from '@forge/kvs';
import { DAY_MS } from '../../core/clock';
import { AppError } from '../../core/errors';
import { withDefaults, type Policy } from '../../core/policy';
import type { TokenRecord } from '../../core/token';
import { NO_QUOTA, type TokenQuota } from '../../core/token-quota';
import type { Paged, QuotaChange, TokenStore } from '../../ports/token-store';
import { chunks, PAGE_LIMIT } from './limits';
import { inStorage } from './storage-errors';
import { fromEntity, grantKey, toEntity, type GrantEntity, type TokenEntity } from './token-entity';
import {
  EXPIRED_TOKEN_GRACE_DAYS,
  GRANT_BY_SPACE,
  GRANT_ENTITY,
  POLICY_KEY,
  QUOTA_ENTITY,
  REVOKED_TOKEN_TAIL_DAYS,
  TOKEN_BY_CREATED,
  TOKEN_BY_OWNER,
  TOKEN_ENTITY,
} from './schema';


/** Stamped with the time of each write: the privacy job reports the owner's data as changed then. */
type QuotaEntity = TokenQuota & { updatedAt?: number };
type TransactionBuilder = ReturnType<typeof kvs.transact>;

/** Adds the quota write to a transaction, conditional on the version it was computed from. */
function setQuota(transaction: TransactionBuilder, { ownerAccountId, previous, next }: QuotaChange, now: number): void {
  const unchanged = new Filter<QuotaEntity>().and(
    'version',
    previous.version === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(previous.version),
  );
  const stamped: QuotaEntity = { ...next, updatedAt: now };
  transaction.set(ownerAccountId, stamped, { entityName: QUOTA_ENTITY, conditions: unchanged });
}

/** Storage forgets a token (and its space grants) a grace period after it expires, or a short tail after it is revoked. */
function ttlFor(token: TokenRecord, now: number): Ttl {
  const expiredGraceEnds = token.expiresAt + EXPIRED_TOKEN_GRACE_DAYS * DAY_MS;
  const forgetAt = token.revokedAt === null ? expiredGraceEnds : Math.min(expiredGraceEnds, token.revokedAt + REVOKED_TOKEN_TAIL_DAYS * DAY_MS);
  return { value: Math.max(Math.ceil((forgetAt - now) / 1000), 1), unit: 'SECONDS' };
}

function grantOf(token: TokenRecord, space: TokenRecord['spaces'][number]): GrantEntity {
  return { tokenId: token.id, spaceKey: space.key, createdAt: token.createdAt };
}

export class KvsTokenStore implements TokenStore {
  constructor(private readonly clock: () => number) {}

  async getWithPolicy(id: string): Promise<{ token: TokenRecord | undefined; policy: Policy }> {
    const { successfulKeys } = await inStorage(() =>
      kvs.batchGet<TokenEntity | Partial<Policy>>([
        { key: id, entityName: TOKEN_ENTITY },
        { key: POLICY_KEY },
      ]),
    );
    const token = successfulKeys.find((item) => item.entityName === TOKEN_ENTITY);
    const policy = successfulKeys.find((item) => item.key === POLICY_KEY && !item.entityName);
    return {
      token: token ? fromEntity(id, token.value as TokenEntity) : undefined,
      policy: withDefaults(policy?.value as Partial<Policy> | undefined),
    };
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const entity = await kvs.entity<TokenEntity>(TOKEN_ENTITY).get(id);
    return entity ? fromEntity(id, entity) : undefined;
  }

  async getMany(ids: string[]): Promise<TokenRecord[]> {
    const batches = await Promise.all(
      chunks(ids).map((batch) => kvs.batchGet<TokenEntity>(batch.map((key) => ({ key, entityName: TOKEN_ENTITY })))),
    );
    const found = new Map(batches.flatMap((batch) => batch.successfulKeys).map((item) => [item.key, fromEntity(item.key, item.value)]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async quota(ownerAccountId: string): Promise<TokenQuota> {
    return (await kvs.entity<QuotaEntity>(QUOTA_ENTITY).get(ownerAccountId)) ?? NO_QUOTA;
  }

  /** The token, one grant per space and the quota, atomically; FAIL_IF_EXISTS is implied by a fresh random id. */
  async create(token: TokenRecord, quota: QuotaChange): Promise<void> {
    const ttl = ttlFor(token, this.clock());
    const transaction = kvs.transact().set(token.id, toEntity(token), { entityName: TOKEN_ENTITY }, { ttl });
    for (const space of token.spaces) transaction.set(grantKey(token.id, space), grantOf(token, space), { entityName: GRANT_ENTITY }, { ttl });
    setQuota(transaction, quota, this.clock());
    try {
      await transaction.execute();
    } catch (error) {
      if ((await this.quota(quota.ownerAccountId)).version !== quota.previous.version) {
        throw new AppError('CONFLICT', 'Your tokens changed meanwhile; try again.');
      }
      throw error;
    }
  }

  async replace(previous: TokenRecord, next: TokenRecord, quota?: QuotaChange): Promise<void> {
    const unchanged = new Filter<TokenEntity>().and('version', FilterConditions.equalTo(previous.version));
    const ttl = ttlFor(next, this.clock());
    const transaction = kvs.transact().set(next.id, toEntity(next), { entityName: TOKEN_ENTITY, conditions: unchanged }, { ttl });
    for (const space of previous.spaces.filter((old) => !next.spaces.some((kept) => kept.id === old.id))) {
      transaction.delete(grantKey(previous.id, space), { entityName: GRANT_ENTITY });
    }
    // A revocation shortens the token's life in storage: its grants (at most 10) go with it.
    if (previous.revokedAt === null && next.revokedAt !== null) {
      for (const space of next.spaces) transaction.set(grantKey(next.id, space), grantOf(next, space), { entityName: GRANT_ENTITY }, { ttl });
    }
    if (quota) setQuota(transaction, quota, this.clock());
    try {
      await transaction.execute();
    } catch (error) {
      const [stored, storedQuota] = await Promise.all([this.get(previous.id), quota && this.quota(quota.ownerAccountId)]);
      if (stored?.version !== previous.version || (quota && storedQuota?.version !== quota.previous.version)) {
        throw new AppError('CONFLICT', 'The token changed meanwhile; try again.');
      }
      throw error;
    }
  }

  async listByOwner(ownerAccountId: string): Promise<TokenRecord[]> {
    const tokens: TokenRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.tokensPage(TOKEN_BY_OWNER, [ownerAccountId], cursor, PAGE_LIMIT);
      tokens.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return tokens;
  }

  pageByOwner(ownerAccountId: string, cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>> {
    return this.tokensPage(TOKEN_BY_OWNER, [ownerAccountId], cursor, limit);
  }

  async listBySpace(spaceKey: string, cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>> {
    let query = kvs.entity<GrantEntity>(GRANT_ENTITY).query().index(GRANT_BY_SPACE, { partition: [spaceKey] }).sort(Sort.DESC).limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { items: await this.getMany(page.results.map((grant) => grant.value.tokenId)), cursor: page.nextCursor ?? null };
  }

  listAll(cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>> {
    return this.tokensPage(TOKEN_BY_CREATED, undefined, cursor, limit);
  }

  private async tokensPage(index: string, partition: string[] | undefined, cursor: string | undefined, limit: number): Promise<Paged<TokenRecord>> {
    let query = kvs
      .entity<TokenEntity>(TOKEN_ENTITY)
      .query()
      .index(index, partition ? { partition } : undefined)
      .sort(Sort.DESC)
      .limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { items: page.results.map((item) => fromEntity(item.key, item.value)), cursor: page.nextCursor ?? null };
  }
}
