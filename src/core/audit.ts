import type { AuditEvent, AuditOutcome, Operation } from '../contract/resolvers';
import { randomBase62 } from './base62';
import type { RandomBytes } from './clock';

export type { AuditEvent, AuditOutcome };

/** What one gateway request leaves behind; `at` is epoch milliseconds (ISO only at the edges). */
export interface AuditRecord {
  id: string;
  at: number;
  tokenId: string;
  ownerAccountId: string;
  spaceKey: string | null;
  operation: Operation | 'self' | null;
  method: string;
  pageId: string | null;
  status: number;
  outcome: AuditOutcome;
  code: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

const USER_AGENT_MAX = 256;

/** Time-ordered and unique: milliseconds in base 36 (fixed width) then randomness. */
export function auditEventId(at: number, randomBytes: RandomBytes): string {
  return `${at.toString(36).padStart(9, '0')}${randomBase62(8, randomBytes)}`;
}

export function outcomeOf(status: number, deniedByApp: boolean): AuditOutcome {
  if (deniedByApp) return 'denied';
  return status < 400 ? 'ok' : 'failed';
}

export function truncateUserAgent(userAgent: string | undefined): string | null {
  return userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null;
}

export function toAuditEvent(record: AuditRecord): AuditEvent {
  return { ...record, at: new Date(record.at).toISOString() };
}
