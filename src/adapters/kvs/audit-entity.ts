import type { AuditRecord } from '../../core/audit';

/** Stored shape: empty strings stand for absent values, since indexes and filters take scalars only. */
export type AuditEntity = { [K in keyof Omit<AuditRecord, 'id'>]: NonNullable<AuditRecord[K]> };

export function toAuditEntity({ id: _id, ...record }: AuditRecord): AuditEntity {
  return {
    ...record,
    spaceId: record.spaceId ?? '',
    spaceKey: record.spaceKey ?? '',
    operation: record.operation ?? '',
    pageId: record.pageId ?? '',
    code: record.code ?? '',
    clientIp: record.clientIp ?? '',
    userAgent: record.userAgent ?? '',
    repeatOf: record.repeatOf ?? '',
  } as AuditEntity;
}

const orNull = <T extends string>(value: T | '') => (value === '' ? null : value);

export function fromAuditEntity(id: string, entity: AuditEntity): AuditRecord {
  return {
    id,
    ...entity,
    spaceId: orNull(entity.spaceId),
    spaceKey: orNull(entity.spaceKey),
    operation: orNull(entity.operation as AuditRecord['operation'] & string),
    pageId: orNull(entity.pageId),
    code: orNull(entity.code),
    clientIp: orNull(entity.clientIp),
    userAgent: orNull(entity.userAgent),
    // Events stored before copies existed have no such attribute: each is its request's own.
    ...(entity.repeatOf ? { repeatOf: entity.repeatOf } : {}),
  };
}
