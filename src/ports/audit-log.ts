import type { AuditOutcome, AuditRecord } from '../core/audit';
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
}

export interface AuditLog {
  append(record: AuditRecord, retentionDays: number): Promise<void>;
  /** Newest first. */
  list(index: AuditIndex, filter: AuditFilter, cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>>;
}
