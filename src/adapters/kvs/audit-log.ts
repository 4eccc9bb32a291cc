import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { countsAsUse, type AuditRecord } from '../../core/audit';
import type { TokenUsage } from '../../core/token';
import type { AuditFilter, AuditIndex, AuditLog } from '../../ports/audit-log';
import type { Paged } from '../../ports/token-store';
import { chunks, PAGE_LIMIT } from './limits';
import { fromAuditEntity, toAuditEntity, type AuditEntity } from './audit-entity';
import { AUDIT_BY_OWNER, AUDIT_BY_SPACE, AUDIT_BY_TIME, AUDIT_BY_TOKEN, AUDIT_ENTITY, usageKey } from './schema';

/** Index queries are eventually consistent: only events older than this are folded into a usage total. */
const SETTLE_MS = 60_000;

/** Usage counted up to `through` (epoch ms), so each event is counted once, however often lists are viewed. */
interface UsageTotal {
  count: number;
  lastUsedAt: number | null;
  through: number;
}

const INDEXES: Record<AuditIndex['by'], { name: string; partition: (index: AuditIndex) => string[] | undefined }> = {
  token: { name: AUDIT_BY_TOKEN, partition: (index) => [(index as { tokenId: string }).tokenId] },
  space: { name: AUDIT_BY_SPACE, partition: (index) => [(index as { spaceId: string }).spaceId] },
  owner: { name: AUDIT_BY_OWNER, partition: (index) => [(index as { ownerAccountId: string }).ownerAccountId] },
  all: { name: AUDIT_BY_TIME, partition: () => undefined },
};

function filterOf(filter: AuditFilter): Filter<AuditEntity> | undefined {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined) as Array<[keyof AuditEntity, string]>;
  if (entries.length === 0) return undefined;
  const builder = new Filter<AuditEntity>();
  const [[firstField, firstValue], ...rest] = entries;
  const and = builder.and(firstField, FilterConditions.equalTo(firstValue));
  for (const [field, value] of rest) and.and(field, FilterConditions.equalTo(value));
  return and as unknown as Filter<AuditEntity>;
}

export class KvsAuditLog implements AuditLog {
  constructor(private readonly clock: () => number) {}

  /** The gateway's one write per request. */
  async append(record: AuditRecord, retentionDays: number): Promise<void> {
    await kvs.entity<AuditEntity>(AUDIT_ENTITY).set(record.id, toAuditEntity(record), { ttl: { value: retentionDays, unit: 'DAYS' } });
  }

  async list(index: AuditIndex, filter: AuditFilter, cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>> {
    const { name, partition } = INDEXES[index.by];
    const parts = partition(index);
    let query = kvs
      .entity<AuditEntity>(AUDIT_ENTITY)
      .query()
      .index(name, parts ? { partition: parts } : undefined)
      .sort(Sort.DESC)
      .limit(limit);
    const filters = filterOf(filter);
    if (filters) query = query.filters(filters);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { items: page.results.map((item) => fromAuditEntity(item.key, item.value)), cursor: page.nextCursor ?? null };
  }

  async usage(tokenIds: string[]): Promise<Map<string, TokenUsage>> {
    const batches = await Promise.all(chunks(tokenIds).map((ids) => kvs.batchGet<UsageTotal>(ids.map((id) => ({ key: usageKey(id) })))));
    const totals = new Map(batches.flatMap((batch) => batch.successfulKeys).map((item) => [item.key, item.value]));
    const settledBefore = this.clock() - SETTLE_MS;
    const caughtUp = await Promise.all(tokenIds.map((id) => this.catchUp(id, totals.get(usageKey(id)), settledBefore)));
    // Folding is a cache: one batch write per 25 tokens, and a write that fails is simply redone by the next view.
    const folded = caughtUp.flatMap(({ folded }, index) => (folded ? [{ key: usageKey(tokenIds[index]), value: folded }] : []));
    await Promise.all(chunks(folded).map((batch) => kvs.batchSet(batch)));
    return new Map(tokenIds.map((id, index) => [id, caughtUp[index].usage]));
  }

  /** Counts the events since the stored total; `folded` is the new total to store when settled events moved it. */
  private async catchUp(tokenId: string, total: UsageTotal | undefined, settledBefore: number): Promise<{ usage: TokenUsage; folded?: UsageTotal }> {
    const base = total ?? { count: 0, lastUsedAt: null, through: 0 };
    let settled = { ...base };
    let count = base.count;
    let lastUsedAt = base.lastUsedAt;
    let cursor: string | undefined;
    do {
      let query = kvs
        .entity<AuditEntity>(AUDIT_ENTITY)
        .query()
        .index(AUDIT_BY_TOKEN, { partition: [tokenId] })
        .where(WhereConditions.greaterThan(base.through))
        .sort(Sort.ASC)
        .limit(PAGE_LIMIT);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const { value } of page.results) {
        if (!countsAsUse(value)) continue;
        count += 1;
        lastUsedAt = Math.max(lastUsedAt ?? 0, value.at);
        if (value.at < settledBefore) settled = { count: settled.count + 1, lastUsedAt: Math.max(settled.lastUsedAt ?? 0, value.at), through: value.at };
      }
      cursor = page.nextCursor;
    } while (cursor);
    return { usage: { count, lastUsedAt }, ...(settled.through !== base.through && { folded: settled }) };
  }
}
