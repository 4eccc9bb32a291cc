import type { Policy } from '../contract/resolvers';
import { AppError } from './errors';
import { asRecord } from './input';
import { OPERATIONS, parseOperations } from './operations';

export type { Policy };

export const DEFAULT_POLICY: Policy = {
  maxLifetimeDays: 365,
  maxTokensPerUser: 25,
  allowedOperations: [...OPERATIONS],
  gatewayEnabled: true,
  auditRetentionDays: 90,
  requireIpAllowlist: false,
  maxGraceHours: 168,
  // 5 a second sustained, bursts of 300: a busy publishing job fits; one token alone spends at most
  // about 15% of an installation's 4,000 KVS writes a minute per function instance.
  maxRequestsPerMinute: 300,
  // Two busy tokens' worth: an owner with 25 tokens still spends at most 15% of the installation's
  // 4,000 KVS reads and writes a minute per function instance.
  maxRequestsPerOwnerPerMinute: 600,
  // Twice the default token count a day: enough to replace every token, too few for create/revoke
  // cycles to grow storage or mint ids for a flood.
  maxTokenCreationsPerDay: 50,
};

/** A rotation's grace period is 0 to 168 hours (a week), whatever the policy. */
export const MAX_GRACE_HOURS = 168;

export const POLICY_BOUNDS = {
  maxLifetimeDays: [1, 3650],
  maxTokensPerUser: [1, 1000],
  auditRetentionDays: [1, 3650],
  maxGraceHours: [0, MAX_GRACE_HOURS],
  maxRequestsPerMinute: [1, 10_000],
  maxRequestsPerOwnerPerMinute: [1, 10_000],
  maxTokenCreationsPerDay: [1, 1000],
} as const;

function boundedInteger(input: Record<string, unknown>, field: keyof typeof POLICY_BOUNDS, problems: string[]): number {
  const value = input[field];
  const [min, max] = POLICY_BOUNDS[field];
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    problems.push(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value as number;
}

/** A field newer than some clients: absent, it takes its default. */
function optionalInteger(input: Record<string, unknown>, field: keyof typeof POLICY_BOUNDS, problems: string[]): number {
  return input[field] === undefined ? DEFAULT_POLICY[field] : boundedInteger(input, field, problems);
}

/** Validates a whole policy as sent by a site admin. */
export function parsePolicy(input: unknown): Policy {
  const record = asRecord(input);
  const problems: string[] = [];
  const maxLifetimeDays = boundedInteger(record, 'maxLifetimeDays', problems);
  const maxTokensPerUser = boundedInteger(record, 'maxTokensPerUser', problems);
  const auditRetentionDays = boundedInteger(record, 'auditRetentionDays', problems);
  const allowedOperations = parseOperations(record.allowedOperations);
  if (!allowedOperations) problems.push(`allowedOperations must be a non-empty list of ${OPERATIONS.join(', ')}`);
  if (typeof record.gatewayEnabled !== 'boolean') problems.push('gatewayEnabled must be true or false');
  // Newer fields may be absent from an older client's policy: they then take their defaults.
  const requireIpAllowlist = record.requireIpAllowlist ?? DEFAULT_POLICY.requireIpAllowlist;
  if (typeof requireIpAllowlist !== 'boolean') problems.push('requireIpAllowlist must be true or false');
  const maxGraceHours = optionalInteger(record, 'maxGraceHours', problems);
  const maxRequestsPerMinute = optionalInteger(record, 'maxRequestsPerMinute', problems);
  const maxRequestsPerOwnerPerMinute = optionalInteger(record, 'maxRequestsPerOwnerPerMinute', problems);
  const maxTokenCreationsPerDay = optionalInteger(record, 'maxTokenCreationsPerDay', problems);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid policy: ${problems.join('; ')}.`, problems);
  return {
    maxLifetimeDays,
    maxTokensPerUser,
    allowedOperations: allowedOperations!,
    gatewayEnabled: record.gatewayEnabled as boolean,
    auditRetentionDays,
    requireIpAllowlist: requireIpAllowlist as boolean,
    maxGraceHours,
    maxRequestsPerMinute,
    maxRequestsPerOwnerPerMinute,
    maxTokenCreationsPerDay,
  };
}

/** A stored policy may predate a newer field: fill the gaps from the defaults. */
export function withDefaults(stored: Partial<Policy> | undefined): Policy {
  return { ...DEFAULT_POLICY, ...stored };
}
