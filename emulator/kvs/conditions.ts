import type { AttributeType, EntityDefinition } from './entities';
import { badRequest } from './errors';
import { isRecord } from './validation';

/** Conditions `where()` accepts on an index's range attribute (@forge/kvs WhereConditions). */
export const RANGE_CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;

/** Conditions `filters()` and transaction conditions accept (@forge/kvs FilterConditions). */
export const FILTER_CONDITIONS = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'EXISTS',
  'NOT_EXISTS',
  'NOT_EQUAL_TO',
] as const;

export type ConditionName = (typeof FILTER_CONDITIONS)[number];

export interface Condition {
  condition: ConditionName;
  values: unknown[];
}

export interface PropertyCondition extends Condition {
  property: string;
}

export interface Filters {
  operator: 'and' | 'or';
  conditions: PropertyCondition[];
}

function valueFits(value: unknown, type: AttributeType): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'number' && Number.isFinite(value);
}

/** Validates a condition's shape and that its values can be compared with an attribute of `type`. */
export function parseCondition(raw: unknown, allowed: readonly string[], type: AttributeType, what: string): Condition {
  if (!isRecord(raw) || typeof raw.condition !== 'string' || !allowed.includes(raw.condition)) {
    throw badRequest(`${what}: condition must be one of ${allowed.join(', ')}`);
  }
  const condition = raw.condition as ConditionName;
  const values = raw.values;
  const arity = condition === 'BETWEEN' ? 2 : 1;
  if (!Array.isArray(values) || values.length !== arity) {
    throw badRequest(`${what}: ${condition} takes ${arity} value${arity > 1 ? 's' : ''}`);
  }
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') return { condition, values };
  const textual = condition === 'BEGINS_WITH' || condition === 'CONTAINS' || condition === 'NOT_CONTAINS';
  const fits = textual ? type === 'string' && typeof values[0] === 'string' : values.every((v) => valueFits(v, type));
  const ordered = condition === 'EQUAL_TO' || condition === 'NOT_EQUAL_TO' || type !== 'boolean';
  if (!fits || !ordered) throw badRequest(`${what}: ${condition} cannot be applied to a ${type} attribute with these values`);
  return { condition, values };
}

export function parseFilters(raw: unknown, entity: EntityDefinition, what: string): Filters | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest(`${what} must be an object`);
  const operators = Object.keys(raw).filter((key) => raw[key] !== undefined);
  const operator = operators[0];
  if (operators.length !== 1 || (operator !== 'and' && operator !== 'or')) {
    throw badRequest(`${what} must have exactly one of 'and' or 'or'`);
  }
  const list = raw[operator];
  if (!Array.isArray(list) || list.length === 0) throw badRequest(`${what}.${operator} must be a non-empty list`);
  const conditions = list.map((item): PropertyCondition => {
    const property = isRecord(item) ? item.property : undefined;
    const type = typeof property === 'string' ? entity.attributes[property] : undefined;
    if (typeof property !== 'string' || type === undefined) {
      throw badRequest(`${what}: '${String(property)}' is not an attribute of ${entity.name}`);
    }
    if (type === 'any') throw badRequest(`${what}: 'any' attribute '${property}' cannot be filtered`);
    return { property, ...parseCondition(item, FILTER_CONDITIONS, type, `${what} on ${property}`) };
  });
  return { operator, conditions };
}

/** Orders two attribute values of the same type; strings by UTF-16 code units, as keys are ordered. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function matchesCondition(value: unknown, { condition, values }: Condition): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return value !== undefined;
    case 'NOT_EXISTS':
      return value === undefined;
    case 'NOT_EQUAL_TO':
      return value !== first;
    case 'NOT_CONTAINS':
      return typeof value !== 'string' || !value.includes(String(first));
    default:
      break;
  }
  if (value === undefined || typeof value !== typeof first) return false;
  switch (condition) {
    case 'EQUAL_TO':
      return value === first;
    case 'BEGINS_WITH':
      return (value as string).startsWith(first as string);
    case 'CONTAINS':
      return (value as string).includes(first as string);
    case 'BETWEEN':
      return compareValues(value, first) >= 0 && compareValues(value, second) <= 0;
    case 'GREATER_THAN':
      return compareValues(value, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compareValues(value, first) >= 0;
    case 'LESS_THAN':
      return compareValues(value, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compareValues(value, first) <= 0;
  }
}

/** Evaluates filters against an entity value; a missing item is an entity with no attributes. */
export function matchesFilters(value: unknown, filters: Filters): boolean {
  const attributes = isRecord(value) ? value : {};
  const test = (c: PropertyCondition) => matchesCondition(attributes[c.property], c);
  return filters.operator === 'and' ? filters.conditions.every(test) : filters.conditions.some(test);
}
