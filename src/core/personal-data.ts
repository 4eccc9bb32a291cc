import { DAY_MS } from './clock';
import type { AuditRecord } from './audit';

/**
 * Atlassian's personal data reporting (GDPR): an app that stores account ids reports each with the time
 * its data about the account last changed, and erases what belongs to accounts answered `closed`.
 * The rules here are pure; the job that applies them is use-cases/report-personal-data.ts.
 */

/** What replaces a closed account's id, and the address and user agent of its audit events. */
export const CLOSED_ACCOUNT = 'closed-account';

/** Accounts per report call: Atlassian's limit (@forge/api's privacy LIMIT). */
export const REPORT_BATCH_SIZE = 90;

/** The reporting cycle when the answer names none (Atlassian's default). */
export const DEFAULT_CYCLE_DAYS = 7;
/** A Cycle-Period beyond this is read as this: an account closed must not wait a season to be erased. */
const MAX_CYCLE_DAYS = 30;

/** Retries of one report call on 429 and 5xx, waiting BACKOFF_BASE_MS doubled each time (or Retry-After). */
export const REPORT_RETRIES = 4;
const BACKOFF_BASE_MS = 2_000;
/** A Retry-After beyond this is not waited for in this run: the next daily run reports again. */
export const MAX_RETRY_WAIT_MS = 60_000;

export type AccountStatus = 'closed' | 'updated';

export interface ReportedAccount {
  accountId: string;
  /** ISO 8601: when the app's data about the account last changed. */
  updatedAt: string;
}

export interface AccountUpdate {
  accountId: string;
  status: AccountStatus;
}

/**
 * The answer's `Cycle-Period` in days (Atlassian documents a period, default 7 days; read as a whole
 * number of days), bounded to 1..30; the default when absent or unreadable.
 */
export function cycleDays(header: string | null | undefined): number {
  const days = Number(header?.trim());
  if (!header || !Number.isFinite(days) || days <= 0) return DEFAULT_CYCLE_DAYS;
  return Math.min(Math.max(Math.round(days), 1), MAX_CYCLE_DAYS);
}

export function cycleMs(days: number): number {
  return days * DAY_MS;
}

/** Worth trying again: Atlassian's rate limit and its server errors. */
export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** How long to wait before retry `attempt` (0-based): Retry-After (seconds) when given, else exponential. */
export function backoffMs(attempt: number, retryAfter: string | null | undefined): number {
  const seconds = Number(retryAfter);
  if (retryAfter && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_WAIT_MS);
  return Math.min(BACKOFF_BASE_MS * 2 ** attempt, MAX_RETRY_WAIT_MS);
}

/**
 * A closed account's audit event: the facts stay (time, token, space, page, operation, outcome), the
 * account id, address and user agent become the marker. The same for events its tokens' users made.
 */
export function anonymizedEvent(record: AuditRecord): AuditRecord {
  return { ...record, ownerAccountId: CLOSED_ACCOUNT, clientIp: CLOSED_ACCOUNT, userAgent: CLOSED_ACCOUNT };
}
