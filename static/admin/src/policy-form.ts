import type { Operation, Policy } from '../../../src/contract/resolvers';
import { POLICY_BOUNDS as BOUNDS } from '../../../src/core/policy';

type NumberField =
  | 'maxLifetimeDays'
  | 'maxTokensPerUser'
  | 'auditRetentionDays'
  | 'maxGraceHours'
  | 'maxRequestsPerMinute'
  | 'maxRequestsPerOwnerPerMinute'
  | 'maxTokenCreationsPerDay';

/** The backend's own bounds (it checks again on save), with the unit a person reads. */
export const POLICY_BOUNDS: Record<NumberField, { min: number; max: number; unit: string }> = {
  maxLifetimeDays: { min: BOUNDS.maxLifetimeDays[0], max: BOUNDS.maxLifetimeDays[1], unit: 'days' },
  maxTokensPerUser: { min: BOUNDS.maxTokensPerUser[0], max: BOUNDS.maxTokensPerUser[1], unit: 'tokens' },
  auditRetentionDays: { min: BOUNDS.auditRetentionDays[0], max: BOUNDS.auditRetentionDays[1], unit: 'days' },
  maxGraceHours: { min: BOUNDS.maxGraceHours[0], max: BOUNDS.maxGraceHours[1], unit: 'hours' },
  maxRequestsPerMinute: { min: BOUNDS.maxRequestsPerMinute[0], max: BOUNDS.maxRequestsPerMinute[1], unit: 'requests' },
  maxRequestsPerOwnerPerMinute: { min: BOUNDS.maxRequestsPerOwnerPerMinute[0], max: BOUNDS.maxRequestsPerOwnerPerMinute[1], unit: 'requests' },
  maxTokenCreationsPerDay: { min: BOUNDS.maxTokenCreationsPerDay[0], max: BOUNDS.maxTokenCreationsPerDay[1], unit: 'tokens' },
};

/** Numbers as typed, so a half-typed value is not lost or coerced. */
export type PolicyFormValues = Record<NumberField, string> & {
  allowedOperations: Operation[];
  gatewayEnabled: boolean;
  requireIpAllowlist: boolean;
};

export type PolicyFormErrors = Partial<Record<NumberField | 'allowedOperations', string>>;

export function toPolicyForm(policy: Policy): PolicyFormValues {
  return {
    maxLifetimeDays: String(policy.maxLifetimeDays),
    maxTokensPerUser: String(policy.maxTokensPerUser),
    auditRetentionDays: String(policy.auditRetentionDays),
    maxRequestsPerMinute: String(policy.maxRequestsPerMinute),
    maxRequestsPerOwnerPerMinute: String(policy.maxRequestsPerOwnerPerMinute),
    maxTokenCreationsPerDay: String(policy.maxTokenCreationsPerDay),
    allowedOperations: [...policy.allowedOperations],
    gatewayEnabled: policy.gatewayEnabled,
    maxGraceHours: String(policy.maxGraceHours),
    requireIpAllowlist: policy.requireIpAllowlist,
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
  const maxGraceHours = wholeNumber(values, 'maxGraceHours', errors);
  const maxRequestsPerMinute = wholeNumber(values, 'maxRequestsPerMinute', errors);
  const maxRequestsPerOwnerPerMinute = wholeNumber(values, 'maxRequestsPerOwnerPerMinute', errors);
  const maxTokenCreationsPerDay = wholeNumber(values, 'maxTokenCreationsPerDay', errors);
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
      requireIpAllowlist: values.requireIpAllowlist,
      maxGraceHours,
      maxRequestsPerMinute,
      maxRequestsPerOwnerPerMinute,
      maxTokenCreationsPerDay,
    },
  };
}
