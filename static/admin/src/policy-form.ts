import type { Operation, Policy } from '../../../src/contract/resolvers';

type NumberField = 'maxLifetimeDays' | 'maxTokensPerUser' | 'auditRetentionDays';

/** The same bounds as the backend's (src/core/policy.ts), which checks again on save. */
export const POLICY_BOUNDS: Record<NumberField, { min: number; max: number; unit: string }> = {
  maxLifetimeDays: { min: 1, max: 3650, unit: 'days' },
  maxTokensPerUser: { min: 1, max: 1000, unit: 'tokens' },
  auditRetentionDays: { min: 1, max: 3650, unit: 'days' },
};

/** Numbers as typed, so a half-typed value is not lost or coerced. */
export type PolicyFormValues = Record<NumberField, string> & {
  allowedOperations: Operation[];
  gatewayEnabled: boolean;
};

export type PolicyFormErrors = Partial<Record<NumberField | 'allowedOperations', string>>;

export function toPolicyForm(policy: Policy): PolicyFormValues {
  return {
    maxLifetimeDays: String(policy.maxLifetimeDays),
    maxTokensPerUser: String(policy.maxTokensPerUser),
    auditRetentionDays: String(policy.auditRetentionDays),
    allowedOperations: [...policy.allowedOperations],
    gatewayEnabled: policy.gatewayEnabled,
  };
}

function wholeNumber(values: PolicyFormValues, field: NumberField, errors: PolicyFormErrors): number {
  const { min, max, unit } = POLICY_BOUNDS[field];
  const text = values[field].trim();
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < min || value > max) {
    errors[field] = `Enter a whole number of ${unit} from ${min} to ${max}.`;
  }
  return value;
}

/** `policy` is what setPolicy gets when nothing is wrong. */
export function validatePolicyForm(values: PolicyFormValues): { errors: PolicyFormErrors; policy: Policy | null } {
  const errors: PolicyFormErrors = {};
  const maxLifetimeDays = wholeNumber(values, 'maxLifetimeDays', errors);
  const maxTokensPerUser = wholeNumber(values, 'maxTokensPerUser', errors);
  const auditRetentionDays = wholeNumber(values, 'auditRetentionDays', errors);
  if (values.allowedOperations.length === 0) errors.allowedOperations = 'Allow at least one operation.';
  if (Object.keys(errors).length > 0) return { errors, policy: null };
  return {
    errors,
    policy: {
      maxLifetimeDays,
      maxTokensPerUser,
      allowedOperations: values.allowedOperations,
      gatewayEnabled: values.gatewayEnabled,
      auditRetentionDays,
    },
  };
}
