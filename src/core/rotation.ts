import { AppError } from './errors';
import { MAX_GRACE_HOURS, type Policy } from './policy';
import type { SecretHash } from './secret-hash';
import type { TokenRecord } from './token';

export const HOUR_MS = 3_600_000;

/**
 * A rotation's grace period in whole hours, 0 to 168 and at most the policy's maxGraceHours. When the
 * caller gives none, `whenMissing` applies, cut to the policy's maximum: a script that does not choose
 * must not fail because the site allows less.
 */
export function parseGraceHours(value: unknown, policy: Policy, whenMissing?: number): number {
  if (value === undefined && whenMissing !== undefined) return Math.min(whenMissing, policy.maxGraceHours);
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_GRACE_HOURS) {
    throw new AppError('VALIDATION_FAILED', `graceHours must be a whole number of hours from 0 to ${MAX_GRACE_HOURS}.`);
  }
  if ((value as number) > policy.maxGraceHours) {
    throw new AppError('POLICY_VIOLATION', `Your site allows a grace period of at most ${policy.maxGraceHours} hours.`);
  }
  return value as number;
}

/**
 * The token with a new secret: id, label, scope and expiry stay. The replaced secret keeps working for
 * the grace period; a secret replaced earlier stops at once (only one previous secret is kept).
 */
export function rotated(token: TokenRecord, next: { secretHash: SecretHash; hint: string }, graceHours: number, now: number): TokenRecord {
  return {
    ...token,
    secretHash: next.secretHash,
    hint: next.hint,
    previousSecret: graceHours > 0 ? { secretHash: token.secretHash, rotatedAt: now, validUntil: now + graceHours * HOUR_MS } : null,
    version: token.version + 1,
  };
}
