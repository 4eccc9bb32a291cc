import type { AuditOutcome, DayActivity } from '../../../src/contract/resolvers';
import { pluralize } from '../format';
import { OUTCOMES } from '../outcomes';

/** Days are UTC days, so their labels are too, wherever the viewer is. */
const dayLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayLongLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export const formatDay = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));
export const formatDayLong = (date: string) => dayLongLabel.format(new Date(`${date}T00:00:00Z`));

export const dayTotal = (day: DayActivity) => day.ok + day.denied + day.failed + day.unconfirmed;

export function outcomeTotals(days: readonly DayActivity[]): Record<AuditOutcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, days.reduce((sum, day) => sum + day[outcome], 0)])) as Record<AuditOutcome, number>;
}

/**
 * The outcomes a legend and a table list: always OK, denied and failed; unconfirmed changes (a function
 * that died before recording a change's result) only when there are any, as they are rare.
 */
export function listedOutcomes(days: readonly DayActivity[]): AuditOutcome[] {
  return OUTCOMES.filter((outcome) => outcome !== 'unconfirmed' || days.some((day) => day.unconfirmed > 0));
}

/** One sentence a screen reader can say instead of a sparkline. */
export function activitySummary(days: readonly DayActivity[]): string {
  const total = days.reduce((sum, day) => sum + dayTotal(day), 0);
  if (total === 0) return 'no requests';
  const busiest = days.reduce((best, day) => (dayTotal(day) > dayTotal(best) ? day : best));
  const { denied, failed, unconfirmed } = outcomeTotals(days);
  const problems = [denied > 0 ? `${denied} denied` : '', failed > 0 ? `${failed} failed` : '', unconfirmed > 0 ? `${unconfirmed} unconfirmed` : '']
    .filter(Boolean)
    .join(', ');
  return `${pluralize(total, 'request')}${problems ? ` (${problems})` : ''}, most on ${formatDay(busiest.date)} (${dayTotal(busiest)})`;
}
