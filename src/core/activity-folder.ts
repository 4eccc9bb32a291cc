import type { AuditOutcome, DayActivity } from '../contract/resolvers';
import { countsAsRequest, countsAsUse, type AuditRecord } from './audit';
import { DAY_MS } from './clock';
import type { Folder } from './fold';

/** Charts show this many UTC days, today included. */
export const ACTIVITY_DAYS = 30;

/**
 * Requests by outcome, in this order. `unconfirmed` is a change whose function died between recording it
 * and recording its result: rare, and neither a success nor a failure that anyone saw.
 */
const OUTCOME_ORDER: readonly AuditOutcome[] = ['ok', 'denied', 'failed', 'unconfirmed'];
type OutcomeCounts = [ok: number, denied: number, failed: number, unconfirmed: number];
const NONE: OutcomeCounts = [0, 0, 0, 0];

/**
 * One folded cell of daily counts: requests per UTC day (`YYYY-MM-DD`) and outcome, for the last
 * ACTIVITY_DAYS days of the cell's newest event. At most 30 × 4 numbers, about 1 KB, however busy.
 */
export interface DailyCounts {
  days: Record<string, OutcomeCounts>;
}

/** A token's counts over all spaces, with its owner, the only person its sparkline is shown to. */
export interface TokenDailyCounts extends DailyCounts {
  owner: string;
}

/** Every request aimed at a space, whatever token made it: the space's chart. */
export const spaceActivityCell = (spaceId: string) => `activity-space:${spaceId}`;
/** One token's requests aimed at a space: the space's chart filtered by that token. */
export const spaceTokenActivityCell = (spaceId: string, tokenId: string) => `activity-space-token:${spaceId}:${tokenId}`;
/** Every request of a token: its sparkline in the owner's list. */
export const tokenActivityCell = (tokenId: string) => `activity-token:${tokenId}`;

export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A cell unchanged for longer has no day left in any chart's window. */
const ACTIVITY_TTL_DAYS = ACTIVITY_DAYS + 1;

function addEvents(current: DailyCounts | undefined, events: readonly AuditRecord[]): DailyCounts['days'] {
  const days: DailyCounts['days'] = { ...current?.days };
  for (const event of events) {
    const day = utcDay(event.at);
    const counts: OutcomeCounts = [...(days[day] ?? NONE)];
    counts[OUTCOME_ORDER.indexOf(event.outcome)] += 1;
    days[day] = counts;
  }
  // Events arrive in time order, so the newest day is the last one's; days before the window go.
  const newest = Math.max(...Object.keys(days).map((day) => Date.parse(day)));
  const oldestKept = utcDay(newest - (ACTIVITY_DAYS - 1) * DAY_MS);
  for (const day of Object.keys(days)) if (day < oldestKept) delete days[day];
  return days;
}

/**
 * The space charts' folder: each event aimed at a space (refused ones included, as the audit log files
 * them) counts in the space's cell and in the cell of that space and token; a read of several spaces
 * counts in each of them, through its copies.
 */
export const spaceActivityFolder: Folder<DailyCounts> = {
  cellsOf: (event) =>
    event.spaceId === null || !countsAsUse(event) ? [] : [spaceActivityCell(event.spaceId), spaceTokenActivityCell(event.spaceId, event.tokenId)],
  add: (_cell, current, events) => ({ days: addEvents(current, events) }),
  ttlDays: ACTIVITY_TTL_DAYS,
};

/** The sparklines' folder: every request of a token once, in any space or none (e.g. `/self`); not its rotations in the app. */
export const tokenActivityFolder: Folder<TokenDailyCounts> = {
  cellsOf: (event) => (countsAsRequest(event) ? [tokenActivityCell(event.tokenId)] : []),
  add: (_cell, current, events) => ({ owner: events[0].ownerAccountId, days: addEvents(current, events) }),
  ttlDays: ACTIVITY_TTL_DAYS,
};

/** The ACTIVITY_DAYS days ending with `now`'s UTC day, oldest first, with zeros for days without requests. */
export function activityWindow(counts: DailyCounts | undefined, now: number): DayActivity[] {
  return Array.from({ length: ACTIVITY_DAYS }, (_, index) => {
    const date = utcDay(now - (ACTIVITY_DAYS - 1 - index) * DAY_MS);
    const [ok, denied, failed, unconfirmed] = counts?.days[date] ?? NONE;
    return { date, ok, denied, failed, unconfirmed };
  });
}
