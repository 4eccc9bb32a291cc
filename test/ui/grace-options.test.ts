import { graceHelper, graceOptions } from '../../static/tokens/src/grace-options';

describe('rotation grace choices and their hint', () => {
  it('speak in the same units: days with their hours, as the policy sets hours', () => {
    expect(graceOptions(168).map((option) => option.label)).toEqual([
      'None: the previous secret stops at once',
      '1 hour',
      '1 day (24 hours)',
      '3 days (72 hours)',
      '7 days (168 hours)',
    ]);
    expect(graceHelper(168)).toBe('Your site allows up to 7 days (168 hours).');
    expect(graceHelper(36)).toBe('Your site allows up to 36 hours.');
    expect(graceHelper(0)).toBe('Your site allows no grace period: the previous secret stops at once.');
  });
});
