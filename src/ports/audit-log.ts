import type { AuditOutcome, AuditRecord } from '../core/audit';
import type { ErrorCode } from '../core/errors';
import type { Operation } from '../core/operations';
import type { Paged } from './token-store';

export type AuditIndex =
  | { by: 'token'; tokenId: string }
  | { by: 'space'; spaceId: string }
  | { by: 'owner'; ownerAccountId: string }
  | { by: 'all' };

export interface AuditFilter {
  tokenId?: string;
  operation?: Operation | 'self' | 'rotate';
  outcome?: AuditOutcome;
  /** The event's stable error code. */
  code?: ErrorCode;
  /** Operations whose events are left out. */
  notOperations?: ReadonlyArray<Operation | 'self' | 'rotate'>;
}

export interface AuditLog {
  append(record: AuditRecord, retentionDays: number): Promise<void>;
  /** Newest first. */
  list(index: AuditIndex, filter: AuditFilter, cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>>;
}
