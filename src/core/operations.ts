import { OPERATIONS, type Operation } from '../contract/resolvers';

export { OPERATIONS, type Operation };

export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && (OPERATIONS as readonly string[]).includes(value);
}

/** A non-empty list of distinct operations, in canonical order; undefined when the input is not one. */
export function parseOperations(value: unknown): Operation[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isOperation)) return undefined;
  if (new Set(value).size !== value.length) return undefined;
  return OPERATIONS.filter((operation) => value.includes(operation));
}
