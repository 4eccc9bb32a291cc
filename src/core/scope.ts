import type { Operation, SpaceRef } from '../contract/resolvers';
import { DAY_MS } from './clock';
import { AppError } from './errors';
import type { Policy } from './policy';
import type { TokenRecord } from './token';

type Scope = Pick<TokenRecord, 'operations' | 'spaces'>;

/**
 * What a token may do now: the site policy narrows every token at use, not only at issue. Its
 * operations are those the policy still allows, and it stops at its creation plus the policy's
 * longest lifetime when that comes before its own expiry.
 */
export function narrowedByPolicy(token: TokenRecord, policy: Pick<Policy, 'allowedOperations' | 'maxLifetimeDays'>): TokenRecord {
  return { ...token, ...effectiveRights(token, policy) };
}

/** The rule itself, on plain values, so the UI shows exactly what the gateway enforces. */
export function effectiveRights(
  token: { operations: readonly Operation[]; createdAt: number; expiresAt: number },
  policy: Pick<Policy, 'allowedOperations' | 'maxLifetimeDays'>,
): { operations: Operation[]; expiresAt: number } {
  return {
    operations: token.operations.filter((operation) => policy.allowedOperations.includes(operation)),
    expiresAt: Math.min(token.expiresAt, token.createdAt + policy.maxLifetimeDays * DAY_MS),
  };
}

export function requireOperation(scope: Scope, operation: Operation): void {
  if (!scope.operations.includes(operation)) {
    throw new AppError('OPERATION_NOT_GRANTED', `This token may not ${operation} pages.`);
  }
}

export function grantedSpace(scope: Scope, spaceId: string | undefined): SpaceRef | undefined {
  return spaceId === undefined ? undefined : scope.spaces.find((space) => space.id === String(spaceId));
}

export function requireSpace(scope: Scope, spaceId: string | undefined): SpaceRef {
  const space = grantedSpace(scope, spaceId);
  if (!space) throw new AppError('SPACE_NOT_GRANTED', 'This token does not reach that space.');
  return space;
}

export interface SpaceRights {
  space: SpaceRef;
  operations: ReadonlySet<Operation>;
}

export interface MissingRight {
  spaceKey: string;
  operations: Operation[];
}

/** What the owner asks for but does not hold: a token can never exceed its owner's rights. */
export function missingRights(requested: Operation[], granted: SpaceRights[]): MissingRight[] {
  return granted
    .map(({ space, operations }) => ({
      spaceKey: space.key,
      operations: requested.filter((operation) => !operations.has(operation)),
    }))
    .filter((missing) => missing.operations.length > 0);
}
