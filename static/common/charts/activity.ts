import type { AuditOutcome, DayActivity } from '../../../src/contract/resolvers';
import { pluralize } from '../format';
import { OUTCOMES } from '../outcomes';

/** Days are UTC days, so their labels are too, wherever the viewer is. */
const dayLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayLongLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export const formatDay = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));
export const formatDayLong = (date: string) => dayLongLabel.format(new Date(`${date}T00:00:00Z`));

export const dayTotal = (day: DayActivity) => day.ok + day.denied + day.failed;

export function outcomeTotals(days: readonly DayActivity[]): Record<AuditOutcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, days.reduce((sum, day) => sum + day[outcome], 0)])) as Record<AuditOutcome, number>;
}

/** One sentence a screen reader can say instead of a sparkline. */
export function activitySummary(days: readonly DayActivity[]): string {
  const total = days.reduce((sum, day) => sum + dayTotal(day), 0);
  if (total === 0) return 'no requests';
  const busiest = days.reduce((best, day) => (dayTotal(day) > dayTotal(best) ? day : best));
  const { denied, failed } = outcomeTotals(days);
  const problems = [denied > 0 ? `${denied} denied` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean).join(', ');
  return `${pluralize(total, 'request')}${problems ? ` (${problems})` : ''}, most on ${formatDay(busiest.date)} (${dayTotal(busiest)})`;
}
