import { Filter, FilterConditions, kvs, Sort } from '@forge/kvs';
import type { AuditRecord } from '../../core/audit';
import type { AuditFilter, AuditIndex, AuditLog } from '../../ports/audit-log';
import type { Paged } from '../../ports/token-store';
import { inStorage } from './storage-errors';
import { fromAuditEntity, toAuditEntity, type AuditEntity } from './audit-entity';
import { AUDIT_BY_OWNER, AUDIT_BY_SPACE, AUDIT_BY_TIME, AUDIT_BY_TOKEN, AUDIT_ENTITY } from './schema';

const INDEXES: Record<AuditIndex['by'], { name: string; partition: (index: AuditIndex) => string[] | undefined }> = {
  token: { name: AUDIT_BY_TOKEN, partition: (index) => [(index as { tokenId: string }).tokenId] },
  space: { name: AUDIT_BY_SPACE, partition: (index) => [(index as { spaceId: string }).spaceId] },
  owner: { name: AUDIT_BY_OWNER, partition: (index) => [(index as { ownerAccountId: string }).ownerAccountId] },
  all: { name: AUDIT_BY_TIME, partition: () => undefined },
};

type Clause = ReturnType<typeof FilterConditions.equalTo> | ReturnType<typeof FilterConditions.notEqualTo>;

function filterOf({ notOperations = [], ...equal }: AuditFilter): Filter<AuditEntity> | undefined {
  const clauses: Array<[keyof AuditEntity, Clause]> = [
    ...Object.entries(equal)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => [field as keyof AuditEntity, FilterConditions.equalTo(value as string)] as [keyof AuditEntity, Clause]),
    ...notOperations.map((operation) => ['operation', FilterConditions.notEqualTo(operation)] as [keyof AuditEntity, Clause]),
  ];
  if (clauses.length === 0) return undefined;
  const [[firstField, firstClause], ...rest] = clauses;
  const and = new Filter<AuditEntity>().and(firstField, firstClause);
  for (const [field, clause] of rest) and.and(field, clause);
  return and as unknown as Filter<AuditEntity>;
}

export class KvsAuditLog implements AuditLog {
  /** The gateway's one write per request. */
  async append(record: AuditRecord, retentionDays: number): Promise<void> {
    await inStorage(() => kvs.entity<AuditEntity>(AUDIT_ENTITY).set(record.id, toAuditEntity(record), { ttl: { value: retentionDays, unit: 'DAYS' } }));
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
}
