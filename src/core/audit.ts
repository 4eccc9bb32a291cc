import type { AuditEvent, AuditOutcome } from '../contract/resolvers';
import { randomBase62 } from './base62';
import type { RandomBytes } from './clock';

export type { AuditEvent, AuditOutcome };

/** What one gateway request leaves behind; `at` is epoch milliseconds here (ISO only at the edges). */
export type AuditRecord = Omit<AuditEvent, 'at'> & { at: number };

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
