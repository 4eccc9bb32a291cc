import type { AuditEvent, AuditOutcome } from '../contract/resolvers';
import { randomBase62 } from './base62';
import type { RandomBytes } from './clock';
import { safeText } from './safe-text';
import { TOKEN_CHECKSUM_LENGTH, TOKEN_ID_LENGTH, TOKEN_PREFIX, TOKEN_SECRET_LENGTH, tokenHint } from './token-format';

export type { AuditEvent, AuditOutcome };

/** What one gateway request leaves behind; `at` is epoch milliseconds here (ISO only at the edges). */
export type AuditRecord = Omit<AuditEvent, 'at'> & { at: number };

const USER_AGENT_MAX = 256;
/** The longest textual IP address (IPv4-mapped IPv6) is 45 characters. */
const CLIENT_IP_MAX = 64;

/** The `method` of events that were not gateway requests (a rotation in the app's page): not a use of the token. */
export const UI_METHOD = 'UI';

export function countsAsUse(record: Pick<AuditRecord, 'method'>): boolean {
  return record.method !== UI_METHOD;
}

/** A use of the token that is the request's own event, not its copy under another space it read (see `repeatOf`). */
export function countsAsRequest(record: Pick<AuditRecord, 'method' | 'repeatOf'>): boolean {
  return countsAsUse(record) && !record.repeatOf;
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

/**
 * Safe to store and show, and capped; a token a script put in its User-Agent by mistake is stored as
 * its hint, never with its secret (tokens are found before anything is cut, so none is half-kept).
 */
export function truncateUserAgent(userAgent: string | undefined): string | null {
  const bounded = userAgent?.slice(0, USER_AGENT_MAX * 4);
  return safeText(bounded?.replace(TOKEN_ANYWHERE, (token) => tokenHint(token)), USER_AGENT_MAX);
}

/**
 * The address the platform's edge appended last (earlier entries are whatever the client claimed),
 * found from the end so a long header costs no more than its last entry.
 */
export function clientAddress(forwardedFor: string | undefined): string | null {
  if (!forwardedFor) return null;
  return safeText(forwardedFor.slice(forwardedFor.lastIndexOf(',') + 1), CLIENT_IP_MAX);
}

export function toAuditEvent(record: AuditRecord): AuditEvent {
  return { ...record, at: new Date(record.at).toISOString() };
}
