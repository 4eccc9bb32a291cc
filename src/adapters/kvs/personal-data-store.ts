import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { anonymizedEvent } from '../../core/personal-data';
import { DAY_MS } from '../../core/clock';
import { withDefaults, type Policy } from '../../core/policy';
import type { TokenQuota } from '../../core/token-quota';
import type { AccountPosition, KnownAccount, PersonalDataStore, PrivacyState } from '../../ports/personal-data';
import { NO_PRIVACY_STATE } from '../../ports/personal-data';
import { fromAuditEntity, toAuditEntity, type AuditEntity } from './audit-entity';
import { chunks, PAGE_LIMIT } from './limits';
import {
  AUDIT_BY_OWNER,
  AUDIT_ENTITY,
  GRANT_ENTITY,
  POLICY_KEY,
  PRIVACY_STATE_KEY,
  QUOTA_BY_UPDATED,
  QUOTA_ENTITY,
  TOKEN_BY_OWNER,
  TOKEN_ENTITY,
} from './schema';
import type { TokenEntity } from './token-entity';

/** The quota record is the app's one record per account: every owner of a token has one. */
export type StoredQuota = TokenQuota & { updatedAt?: number };

/**
 * The reporting job's storage: the accounts are the quota records, in `updatedAt` order (an index);
 * erasing an account deletes its tokens, grants and quota and rewrites its audit events anonymised.
 */
export class KvsPersonalDataStore implements PersonalDataStore {
  async state(): Promise<PrivacyState> {
    return (await kvs.get<PrivacyState>(PRIVACY_STATE_KEY)) ?? NO_PRIVACY_STATE;
  }

  async saveState(state: PrivacyState): Promise<void> {
    await kvs.set(PRIVACY_STATE_KEY, state);
  }

  async accounts(after: AccountPosition | null, until: number, limit: number): Promise<KnownAccount[]> {
    const skip = new Set(after?.ids ?? []);
    const found: KnownAccount[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.entity<StoredQuota>(QUOTA_ENTITY).query().index(QUOTA_BY_UPDATED).sort(Sort.ASC).limit(PAGE_LIMIT);
      query = query.where(after ? WhereConditions.between(after.updatedAt, until) : WhereConditions.lessThanEqualTo(until));
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const { key, value } of page.results) {
        if (!(value.updatedAt === after?.updatedAt && skip.has(key))) found.push({ accountId: key, updatedAt: value.updatedAt ?? 0 });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && found.length < limit);
    return found.slice(0, limit);
  }

  async eraseAccount(accountId: string, now: number, hasTime: () => boolean): Promise<boolean> {
    if (!(await this.deleteTokens(accountId, hasTime))) return false;
    if (!(await this.anonymizeEvents(accountId, now, hasTime))) return false;
    await kvs.entity(QUOTA_ENTITY).delete(accountId);
    return true;
  }

  async acknowledgeUpdate(accountId: string, now: number): Promise<void> {
    const quota = await kvs.entity<StoredQuota>(QUOTA_ENTITY).get(accountId);
    if (!quota) return;
    const unchanged = new Filter<StoredQuota>().and('version', FilterConditions.equalTo(quota.version));
    try {
      await kvs.transact().set(accountId, { ...quota, version: quota.version + 1, updatedAt: now }, { entityName: QUOTA_ENTITY, conditions: unchanged }).execute();
    } catch {
      // A token was created or revoked meanwhile: that write stamped the record with its own time.
    }
  }

  /** Every token of the owner, and its grants: the tokens stop working at once (401). */
  private deleteTokens(accountId: string, hasTime: () => boolean): Promise<boolean> {
    return drainPartition<TokenEntity>(TOKEN_ENTITY, TOKEN_BY_OWNER, accountId, hasTime, async (page) => {
      const keys = page.flatMap(({ key, value }) => [
        { key, entityName: TOKEN_ENTITY },
        ...value.spaces.map((space) => ({ key: `${key}:${space.id}`, entityName: GRANT_ENTITY })),
      ]);
      for (const batch of chunks(keys)) await kvs.batchDelete(batch);
    });
  }

  /** The owner's audit events (those of its tokens' users included) keep their facts and lose who and where. */
  private async anonymizeEvents(accountId: string, now: number, hasTime: () => boolean): Promise<boolean> {
    const { auditRetentionDays } = withDefaults(await kvs.get<Partial<Policy>>(POLICY_KEY));
    // An event keeps the expiry it had: retention counted from its time (the policy's retention now).
    const seconds = (at: number) => Math.ceil((at + auditRetentionDays * DAY_MS - now) / 1000);
    return drainPartition<AuditEntity>(AUDIT_ENTITY, AUDIT_BY_OWNER, accountId, hasTime, async (page) => {
      const records = page.map(({ key, value }) => fromAuditEntity(key, value));
      for (const batch of chunks(records.filter((record) => seconds(record.at) > 0))) {
        await kvs.batchSet(batch.map((record) => ({
          key: record.id,
          entityName: AUDIT_ENTITY,
          value: toAuditEntity(anonymizedEvent(record)),
          options: { ttl: { value: seconds(record.at), unit: 'SECONDS' as const } },
        })));
      }
      const expired = records.filter((record) => seconds(record.at) <= 0);
      for (const batch of chunks(expired)) await kvs.batchDelete(batch.map((record) => ({ key: record.id, entityName: AUDIT_ENTITY })));
    });
  }
}

/**
 * Handles an index partition page by page until it is empty; `handle` must move each item out of it
 * (delete it, or change the partition attribute), so every query starts over. Answers false when time
 * runs out, or when the index (eventually consistent) still lists only items already handled: the
 * next run finishes then.
 */
async function drainPartition<T>(
  entityName: string,
  index: string,
  partition: string,
  hasTime: () => boolean,
  handle: (page: Array<{ key: string; value: T }>) => Promise<void>,
): Promise<boolean> {
  const handled = new Set<string>();
  for (;;) {
    if (!hasTime()) return false;
    const { results } = await kvs.entity<T>(entityName).query().index(index, { partition: [partition] }).limit(PAGE_LIMIT).getMany();
    if (results.length === 0) return true;
    const fresh = results.filter(({ key }) => !handled.has(key));
    if (fresh.length === 0) return false;
    await handle(fresh);
    for (const { key } of fresh) handled.add(key);
  }
}
