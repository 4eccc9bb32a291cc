import type { CreateTokenInput } from '../contract/resolvers';
import { AppError } from './errors';
import { asRecord, isSpaceKey } from './input';
import { parseOperations } from './operations';
import type { Policy } from './policy';

export const LABEL_MAX_LENGTH = 100;
export const MAX_SPACES_PER_TOKEN = 10;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Checks a create request on its own and against the policy; the owner's rights are checked later. */
export function parseCreateTokenInput(input: unknown, policy: Policy): CreateTokenInput {
  const record = asRecord(input);
  const problems: string[] = [];

  const label = typeof record.label === 'string' ? record.label.trim() : '';
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
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid token request: ${problems.join('; ')}.`, problems);

  if ((expiresInDays as number) > policy.maxLifetimeDays) {
    throw new AppError('POLICY_VIOLATION', `Tokens may last at most ${policy.maxLifetimeDays} days.`);
  }
  const forbidden = operations!.filter((operation) => !policy.allowedOperations.includes(operation));
  if (forbidden.length > 0) {
    throw new AppError('POLICY_VIOLATION', `Your site does not allow tokens to ${forbidden.join(', ')} pages.`, forbidden);
  }
  return { label, spaceKeys: spaceKeys as string[], operations: operations!, expiresInDays: expiresInDays as number };
}
