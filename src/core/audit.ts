import type { AuditEvent, AuditOutcome } from '../contract/resolvers';
import { randomBase62 } from './base62';
import type { RandomBytes } from './clock';
import { TOKEN_CHECKSUM_LENGTH, TOKEN_ID_LENGTH, TOKEN_PREFIX, TOKEN_SECRET_LENGTH, tokenHint } from './token-format';

export type { AuditEvent, AuditOutcome };

/** What one gateway request leaves behind; `at` is epoch milliseconds here (ISO only at the edges). */
export type AuditRecord = Omit<AuditEvent, 'at'> & { at: number };

const USER_AGENT_MAX = 256;

/** The `method` of events that were not gateway requests (a rotation in the app's page): not a use of the token. */
export const UI_METHOD = 'UI';

export function countsAsUse(record: Pick<AuditRecord, 'method'>): boolean {
  return record.method !== UI_METHOD;
}

/** Time-ordered and unique: milliseconds in base 36 (fixed width) then randomness. */
export function auditEventId(at: number, randomBytes: RandomBytes): string {
  return `${at.toString(36).padStart(9, '0')}${randomBase62(8, randomBytes)}`;
}

export function outcomeOf(status: number, deniedByApp: boolean): AuditOutcome {
  if (deniedByApp) return 'denied';
  return status < 400 ? 'ok' : 'failed';
}

/** A token anywhere in a text, even run into other characters (TOKEN_PATTERN, for scanners, wants word boundaries). */
const TOKEN_ANYWHERE = new RegExp(`${TOKEN_PREFIX}[0-9A-Za-z]{${TOKEN_ID_LENGTH}}_[0-9A-Za-z]{${TOKEN_SECRET_LENGTH + TOKEN_CHECKSUM_LENGTH}}`, 'g');

/** Truncated; a token a script put in its User-Agent by mistake is stored as its hint, never with its secret. */
export function truncateUserAgent(userAgent: string | undefined): string | null {
  return userAgent ? userAgent.replace(TOKEN_ANYWHERE, (token) => tokenHint(token)).slice(0, USER_AGENT_MAX) : null;
}

export function toAuditEvent(record: AuditRecord): AuditEvent {
  return { ...record, at: new Date(record.at).toISOString() };
}
