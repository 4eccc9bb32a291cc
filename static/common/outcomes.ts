import type { AuditOutcome } from '../../src/contract/resolvers';

/** How the UI names a request's outcome, in the log, its filters and the activity charts. */
export const OUTCOME_LABELS: Record<AuditOutcome, string> = { ok: 'OK', denied: 'Denied', failed: 'Failed', unconfirmed: 'Unconfirmed' };

/** In the order charts stack them, bottom up. */
export const OUTCOMES = Object.keys(OUTCOME_LABELS) as AuditOutcome[];
