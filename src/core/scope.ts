import type { Operation, SpaceRef } from '../contract/resolvers';
import { AppError } from './errors';
import type { TokenRecord } from './token';

type Scope = Pick<TokenRecord, 'operations' | 'spaces'>;

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
