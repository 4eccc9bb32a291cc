import type { Operation, Policy, TokenInfo, TokenStatus } from '../../src/contract/resolvers';
import { effectiveRights as narrowed } from '../../src/core/scope';

export interface EffectiveRights {
  status: TokenStatus;
  operations: Operation[];
  /** ISO 8601. */
  expiresAt: string;
  /** Issued but no longer allowed by the policy. */
  removed: Operation[];
  /** The policy's longest lifetime ends the token before its own expiry. */
  shortened: boolean;
}

/**
 * What a token may do now, by the same rule the gateway applies at use (src/core/scope.ts); without
 * the policy, what it was issued with.
 */
export function effectiveRights(
  token: Pick<TokenInfo, 'status' | 'operations' | 'createdAt' | 'expiresAt'>,
  policy: Pick<Policy, 'allowedOperations' | 'maxLifetimeDays'> | undefined,
  now = Date.now(),
): EffectiveRights {
  if (!policy) return { status: token.status, operations: token.operations, expiresAt: token.expiresAt, removed: [], shortened: false };
  const ownExpiry = Date.parse(token.expiresAt);
  const rights = narrowed({ operations: token.operations, createdAt: Date.parse(token.createdAt), expiresAt: ownExpiry }, policy);
  return {
    // Past the policy's lifetime the gateway refuses the token, as it does an expired one.
    status: token.status === 'active' && now >= rights.expiresAt ? 'expired' : token.status,
    operations: rights.operations,
    expiresAt: new Date(rights.expiresAt).toISOString(),
    removed: token.operations.filter((operation) => !rights.operations.includes(operation)),
    shortened: rights.expiresAt < ownExpiry,
  };
}
