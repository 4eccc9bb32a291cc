import type { CreateTokenInput, Operation, Policy } from '../../../src/contract/resolvers';
import { OPERATIONS } from '../../common/operations';

import { LABEL_MAX_LENGTH, MAX_SPACES_PER_TOKEN } from '../../../src/core/token-request';

export { LABEL_MAX_LENGTH, MAX_SPACES_PER_TOKEN };
const EXPIRY_PRESET_DAYS = [7, 30, 90];

export type ExpiryChoice = number | 'custom';

export interface TokenFormValues {
  label: string;
  spaceKeys: string[];
  operations: Operation[];
  expiry: ExpiryChoice;
  /** As typed; only read when `expiry` is 'custom'. */
  customDays: string;
}

export type TokenFormField = 'label' | 'spaces' | 'operations' | 'expiry';
export type TokenFormErrors = Partial<Record<TokenFormField, string>>;

/** The presets the policy allows; none when even a week is too long. */
export function expiryPresets(policy: Policy): number[] {
  return EXPIRY_PRESET_DAYS.filter((days) => days <= policy.maxLifetimeDays);
}

export function allowedOperations(policy: Policy): Operation[] {
  return OPERATIONS.filter((operation) => policy.allowedOperations.includes(operation));
}

export function initialTokenForm(policy: Policy): TokenFormValues {
  const presets = expiryPresets(policy);
  return {
    label: '',
    spaceKeys: [],
    operations: policy.allowedOperations.includes('read') ? ['read'] : [],
    expiry: presets.includes(30) ? 30 : (presets.at(-1) ?? 'custom'),
    customDays: String(Math.min(30, policy.maxLifetimeDays)),
  };
}

/** Checks the form against the policy; `input` is what createToken gets when nothing is wrong. */
export function validateTokenForm(
  values: TokenFormValues,
  policy: Policy,
): { errors: TokenFormErrors; input: CreateTokenInput | null } {
  const errors: TokenFormErrors = {};
  const label = values.label.trim();
  if (label.length === 0) errors.label = 'Give the token a label, so you can recognise it later.';
  else if (label.length > LABEL_MAX_LENGTH) {
    errors.label = `Keep the label to ${LABEL_MAX_LENGTH} characters or fewer (it has ${label.length}).`;
  }

  if (values.spaceKeys.length === 0) errors.spaces = 'Choose at least one space.';
  else if (values.spaceKeys.length > MAX_SPACES_PER_TOKEN) {
    errors.spaces = `A token can reach at most ${MAX_SPACES_PER_TOKEN} spaces (${values.spaceKeys.length} chosen).`;
  }

  const operations = values.operations.filter((operation) => policy.allowedOperations.includes(operation));
  if (operations.length === 0) errors.operations = 'Choose at least one thing the token may do.';

  const expiresInDays = values.expiry === 'custom' ? Number(values.customDays.trim()) : values.expiry;
  const customIsValid = values.customDays.trim() !== '' && Number.isInteger(expiresInDays);
  if (values.expiry === 'custom' && (!customIsValid || expiresInDays < 1 || expiresInDays > policy.maxLifetimeDays)) {
    errors.expiry = `Enter a whole number of days from 1 to ${policy.maxLifetimeDays}.`;
  }

  const valid = Object.keys(errors).length === 0;
  return { errors, input: valid ? { label, spaceKeys: values.spaceKeys, operations, expiresInDays } : null };
}
