import { MAX_GRACE_HOURS } from '../../../src/core/policy';

/** The grace periods offered when rotating, in hours; those over the site's maximum are left out. */
const GRACE_PRESETS = [0, 1, 24, 72, MAX_GRACE_HOURS];

export interface GraceOption {
  label: string;
  value: number;
}

function describe(hours: number): string {
  if (hours === 0) return 'None: the previous secret stops at once';
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
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
