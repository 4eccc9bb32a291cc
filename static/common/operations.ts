import type { Operation } from '../../src/contract/resolvers';

/** Every operation a token can carry, with how a person reads it (a Record, so none is forgotten). */
export const OPERATION_LABELS: Record<Operation, string> = {
  read: 'Read pages',
  create: 'Create pages',
  update: 'Update pages',
  delete: 'Delete pages',
};

/** In the contract's order: read, create, update, delete. */
export const OPERATIONS = Object.keys(OPERATION_LABELS) as Operation[];
