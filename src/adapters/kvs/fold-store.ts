import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import type { AuditRecord } from '../../core/audit';
import { FOLD_START, type CellChange } from '../../core/fold';
import type { TokenUsage } from '../../core/token';
import { usageCell } from '../../core/usage-folder';
import type { FoldState, FoldStore, PendingWindow, UsageTotals } from '../../ports/fold-store';
import { USAGE_READ_LIMIT } from '../../ports/fold-store';
import type { Paged } from '../../ports/token-store';
import { fromAuditEntity, type AuditEntity } from './audit-entity';
import { chunks } from './limits';
import { AUDIT_BY_TIME, AUDIT_ENTITY, FOLD_STATE_ENTITY, FOLD_STATE_KEY } from './schema';

/** Stored shape of the fold state: an entity, because only entities take transaction conditions. */
interface FoldStateEntity {
  seq: number;
  at: number;
  ids: string[];
  pending?: PendingWindow;
}

const STATE_ITEM = { key: FOLD_STATE_KEY, entityName: FOLD_STATE_ENTITY };

function fromStateEntity(entity: FoldStateEntity | undefined): FoldState {
  if (!entity) return { seq: 0, position: FOLD_START };
  return { seq: entity.seq, position: { at: entity.at, ids: entity.ids }, ...(entity.pending && { pending: entity.pending }) };
}

export class KvsFoldStore implements FoldStore {
  async state(): Promise<FoldState> {
    return fromStateEntity(await kvs.entity<FoldStateEntity>(FOLD_STATE_ENTITY).get(FOLD_STATE_KEY));
  }

  async events(from: number, before: number, cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>> {
    let query = kvs
      .entity<AuditEntity>(AUDIT_ENTITY)
      .query()
      .index(AUDIT_BY_TIME)
      .where(WhereConditions.between(from, before - 1))
      .sort(Sort.ASC)
      .limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { items: page.results.map((item) => fromAuditEntity(item.key, item.value)), cursor: page.nextCursor ?? null };
  }

  async cells(names: string[]): Promise<Map<string, unknown>> {
    const batches = await Promise.all(chunks(names).map((batch) => kvs.batchGet(batch.map((key) => ({ key })))));
    return new Map(batches.flatMap((batch) => batch.successfulKeys).map((item) => [item.key, item.value]));
  }

  async commit(previous: FoldState, next: FoldState, changes: CellChange[]): Promise<boolean> {
    const unchanged = new Filter<FoldStateEntity>().and(
      'seq',
      previous.seq === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(previous.seq),
    );
    const entity: FoldStateEntity = { seq: next.seq, at: next.position.at, ids: next.position.ids, ...(next.pending && { pending: next.pending }) };
    const transaction = kvs.transact().set(FOLD_STATE_KEY, entity, { entityName: FOLD_STATE_ENTITY, conditions: unchanged });
    for (const change of changes) {
      transaction.set(change.cell, change.value, undefined, { ttl: { value: change.ttlDays, unit: 'DAYS' } });
    }
    try {
      await transaction.execute();
      return true;
    } catch (error) {
      // Whatever the error's shape, a state that moved on means another run committed: not a failure.
      if ((await this.state()).seq !== previous.seq) return false;
      throw error;
    }
  }
}

/**
 * Folded cells (at most USAGE_READ_LIMIT) and the time up to which every event is counted in them (null
 * before the first fold), in one storage request: the cells and the fold state in one batch read.
 */
export async function readFolded<V>(cells: string[]): Promise<{ values: Map<string, V>; asOf: number | null }> {
  if (cells.length > USAGE_READ_LIMIT) throw new Error(`Read at most ${USAGE_READ_LIMIT} folded cells at once`);
  const { successfulKeys } = await kvs.batchGet<V | FoldStateEntity>([...cells.map((key) => ({ key })), STATE_ITEM]);
  const state = successfulKeys.find((item) => item.entityName === FOLD_STATE_ENTITY)?.value as FoldStateEntity | undefined;
  const values = new Map(successfulKeys.filter((item) => !item.entityName).map((item) => [item.key, item.value as V]));
  return { values, asOf: state ? state.at : null };
}

export class KvsUsageTotals implements UsageTotals {
  async read(tokenIds: string[]): Promise<{ usage: Map<string, TokenUsage>; asOf: number | null }> {
    const { values, asOf } = await readFolded<TokenUsage>(tokenIds.map(usageCell));
    const usage = new Map(tokenIds.flatMap((id) => (values.has(usageCell(id)) ? [[id, values.get(usageCell(id))!]] : [])));
    return { usage, asOf };
  }
}
