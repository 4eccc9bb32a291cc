import type { CreateTokenInput, Operation, PageRef, Policy } from '../../../src/contract/resolvers';
import { OPERATIONS } from '../../common/operations';

import { LABEL_MAX_LENGTH, MAX_ALLOWED_IPS, MAX_PAGE_TREES_PER_TOKEN, MAX_SPACES_PER_TOKEN } from '../../../src/core/token-limits';

export { LABEL_MAX_LENGTH, MAX_ALLOWED_IPS, MAX_PAGE_TREES_PER_TOKEN, MAX_SPACES_PER_TOKEN };
const EXPIRY_PRESET_DAYS = [7, 30, 90];

export type ExpiryChoice = number | 'custom';

export interface TokenFormValues {
  label: string;
  spaceKeys: string[];
  operations: Operation[];
  expiry: ExpiryChoice;
  /** As typed; only read when `expiry` is 'custom'. */
  customDays: string;
  /** Page-tree roots; only those in a chosen space count. */
  pages: PageRef[];
  /** Addresses and ranges as typed, one per line (commas and spaces separate too). */
  allowedIps: string;
}

export type TokenFormField = 'label' | 'spaces' | 'pages' | 'operations' | 'expiry' | 'allowedIps';
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
    pages: [],
    allowedIps: '',
  };
}

/** The entries of the allowlist field; the backend checks each one and names a bad one. */
export function allowlistEntries(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
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

  const pages = values.pages.filter((page) => values.spaceKeys.includes(page.spaceKey));
  if (pages.length > MAX_PAGE_TREES_PER_TOKEN) errors.pages = `A token can be limited to at most ${MAX_PAGE_TREES_PER_TOKEN} pages (${pages.length} chosen).`;

  const allowedIps = allowlistEntries(values.allowedIps);
  if (allowedIps.length > MAX_ALLOWED_IPS) errors.allowedIps = `List at most ${MAX_ALLOWED_IPS} addresses or ranges (${allowedIps.length} given).`;
  else if (policy.requireIpAllowlist && allowedIps.length === 0) errors.allowedIps = 'Your site requires an IP allowlist: list where the token will be used from.';

  const valid = Object.keys(errors).length === 0;
  const input: CreateTokenInput = {
    label,
    spaceKeys: values.spaceKeys,
    operations,
    expiresInDays,
    ...(allowedIps.length > 0 && { allowedIps }),
    ...(pages.length > 0 && { pageIds: pages.map((page) => page.id) }),
  };
  return { errors, input: valid ? input : null };
}
