import { MAX_GRACE_HOURS } from '../../../src/core/policy';

/** The grace periods offered when rotating, in hours; those over the site's maximum are left out. */
const GRACE_PRESETS = [0, 1, 24, 72, MAX_GRACE_HOURS];

export interface GraceOption {
  label: string;
  value: number;
}

/** A grace period in hours and, when it is whole days, in days too: the policy speaks in hours. */
export function describeGraceHours(hours: number): string {
  const inHours = hours === 1 ? '1 hour' : `${hours} hours`;
  if (hours === 0 || hours % 24 !== 0) return inHours;
  return `${hours === 24 ? '1 day' : `${hours / 24} days`} (${inHours})`;
}

function describe(hours: number): string {
  return hours === 0 ? 'None: the previous secret stops at once' : describeGraceHours(hours);
}

/** The hint under the grace choice, in the same units as the choices. */
export function graceHelper(maxGraceHours: number): string {
  return maxGraceHours === 0 ? 'Your site allows no grace period: the previous secret stops at once.' : `Your site allows up to ${describeGraceHours(maxGraceHours)}.`;
}

/** The presets the policy allows, plus the policy's own maximum when it is not a preset. */
export function graceOptions(maxGraceHours: number): GraceOption[] {
  const hours = [...new Set([...GRACE_PRESETS.filter((preset) => preset <= maxGraceHours), maxGraceHours])].sort((a, b) => a - b);
  return hours.map((value) => ({ label: describe(value), value }));
}

/** A day of grace when allowed (what /self/rotate gives too), else the most the site allows. */
export function defaultGrace(maxGraceHours: number): number {
  return Math.min(24, maxGraceHours);
}
