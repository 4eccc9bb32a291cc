import type { CreateTokenInput } from '../contract/resolvers';
import { AppError } from './errors';
import { asRecord, isSpaceKey } from './input';
import { parseAllowedIps } from './ip-allowlist';
import { parseOperations } from './operations';
import { withoutFormatControls } from './safe-text';
import type { Policy } from './policy';

import { LABEL_MAX_LENGTH, MAX_PAGE_TREES_PER_TOKEN, MAX_SPACES_PER_TOKEN } from './token-limits';

const PAGE_ID = /^\d{1,20}$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Checks a create request on its own and against the policy; the owner's rights are checked later. */
export function parseCreateTokenInput(input: unknown, policy: Policy): CreateTokenInput {
  const record = asRecord(input);
  const problems: string[] = [];

  // Bidi and other invisible format controls are dropped, as from audit text: a label cannot pose as another.
  const label = typeof record.label === 'string' ? withoutFormatControls(record.label).trim() : '';
  if (label.length < 1 || label.length > LABEL_MAX_LENGTH || CONTROL_CHARACTERS.test(label)) {
    problems.push(`label must be 1 to ${LABEL_MAX_LENGTH} characters of text`);
  }

  const spaceKeys = Array.isArray(record.spaceKeys) ? record.spaceKeys : [];
  const validKeys = spaceKeys.every(isSpaceKey);
  if (!validKeys || spaceKeys.length < 1 || spaceKeys.length > MAX_SPACES_PER_TOKEN || new Set(spaceKeys).size !== spaceKeys.length) {
    problems.push(`spaceKeys must list 1 to ${MAX_SPACES_PER_TOKEN} distinct space keys`);
  }

  const operations = parseOperations(record.operations);
  if (!operations) problems.push('operations must be a non-empty list of read, create, update, delete');

  const expiresInDays = record.expiresInDays;
  if (!Number.isInteger(expiresInDays) || (expiresInDays as number) < 1) {
    problems.push('expiresInDays must be a whole number of days, at least 1');
  }
  const pageIds = record.pageIds ?? [];
  if (
    !Array.isArray(pageIds) ||
    pageIds.length > MAX_PAGE_TREES_PER_TOKEN ||
    !pageIds.every((id) => typeof id === 'string' && PAGE_ID.test(id)) ||
    new Set(pageIds).size !== pageIds.length
  ) {
    problems.push(`pageIds must list at most ${MAX_PAGE_TREES_PER_TOKEN} distinct page ids`);
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid token request: ${problems.join('; ')}.`, problems);
  const allowedIps = parseAllowedIps(record.allowedIps);
  requireAllowlistIfPolicyDoes(policy, allowedIps);

  if ((expiresInDays as number) > policy.maxLifetimeDays) {
    throw new AppError('POLICY_VIOLATION', `Tokens may last at most ${policy.maxLifetimeDays} days.`);
  }
  const forbidden = operations!.filter((operation) => !policy.allowedOperations.includes(operation));
  if (forbidden.length > 0) {
    throw new AppError('POLICY_VIOLATION', `Your site does not allow tokens to ${forbidden.join(', ')} pages.`, forbidden);
  }
  return {
    label,
    spaceKeys: spaceKeys as string[],
    operations: operations!,
    expiresInDays: expiresInDays as number,
    allowedIps,
    pageIds: pageIds as string[],
  };
}

/** The policy's requireIpAllowlist, for new and rotated tokens alike. */
export function requireAllowlistIfPolicyDoes(policy: Policy, allowedIps: readonly string[]): void {
  if (policy.requireIpAllowlist && allowedIps.length === 0) {
    throw new AppError('POLICY_VIOLATION', 'Your site requires every token to have an IP allowlist: list the addresses or ranges it may be used from.');
  }
}
