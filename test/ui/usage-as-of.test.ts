import { formatAsOf } from '../../static/common/format';

describe('formatAsOf', () => {
  const now = new Date(2026, 2, 1, 15, 30);
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  it('shows only the time for counts from today', () => {
    const asOf = new Date(2026, 2, 1, 10, 42);
    expect(formatAsOf(asOf.toISOString(), now)).toBe(time.format(asOf));
  });

  it('adds the date when the counts are older than today', () => {
    const asOf = new Date(2026, 1, 28, 23, 58);
    expect(formatAsOf(asOf.toISOString(), now)).toBe(dateTime.format(asOf));
  });
});
