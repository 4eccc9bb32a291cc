/**
 * The docs' Policy section names every policy field with its default, taken from the code: a field
 * added to the policy (as maxRequestsPerMinute was) without a word in the docs fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../src/core/policy';

const LIMITS = fs.readFileSync(path.join(__dirname, '../../docs/limits-and-errors.md'), 'utf8');
const policySection = LIMITS.slice(LIMITS.indexOf('## Policy'), LIMITS.indexOf('\n## ', LIMITS.indexOf('## Policy') + 1));

/** How the section writes a default: numbers as numbers, switches as on/off, operations as "all". */
function shown(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return 'all';
  return String(value);
}

it.each(Object.entries(DEFAULT_POLICY))('names the policy field %s with its default', (field, value) => {
  const at = policySection.indexOf(`\`${field}\``);
  expect(at).toBeGreaterThanOrEqual(0);
  // The default follows the field, in brackets, before the next field.
  const next = policySection.indexOf('`', policySection.indexOf('`', at + 1) + 1);
  const between = policySection.slice(at, next === -1 ? undefined : next);
  expect(between).toMatch(new RegExp(`\\((default )?${shown(value)}[ );]`));
});
