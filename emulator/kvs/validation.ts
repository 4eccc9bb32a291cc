import { badRequest, KvsError, KvsErrorCode } from './errors';

export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_SECRET_BYTES = 128 * 1024;
export const MAX_QUERY_LIMIT = 100;
/** What Forge answers when a query sets no limit. */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;

// Forge's documented key pattern, verbatim.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw badRequest(`${what} must be an object`);
  return value;
}

export function validateKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new KvsError(KvsErrorCode.INVALID_KEY, 'Key must be a non-empty string');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsError(KvsErrorCode.INVALID_KEY, `Key is longer than ${MAX_KEY_LENGTH} characters`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError(KvsErrorCode.INVALID_KEY, `Key does not match ${KEY_PATTERN.source}`);
  }
  return key;
}

/** Checks the value's size as serialized JSON and returns that size in bytes. */
export function validateValue(body: Record<string, unknown>, maxBytes: number): number {
  if (!('value' in body) || body.value === undefined) throw badRequest('Request has no value');
  const bytes = Buffer.byteLength(JSON.stringify(body.value), 'utf8');
  if (bytes > maxBytes) {
    throw new KvsError(KvsErrorCode.VALUE_TOO_LARGE, `Value is ${bytes} bytes; the limit is ${maxBytes} bytes`);
  }
  return bytes;
}

/** Returns the TTL in milliseconds, or undefined when none was given. */
export function parseTtl(options: Record<string, unknown> | undefined): number | undefined {
  const ttl = options?.ttl;
  if (ttl === undefined) return undefined;
  const { value, unit } = requireRecord(ttl, 'ttl');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw badRequest('ttl.value must be a positive integer');
  }
  if (typeof unit !== 'string' || !(unit in TTL_UNIT_MS)) {
    throw badRequest(`ttl.unit must be one of ${Object.keys(TTL_UNIT_MS).join(', ')}`);
  }
  return value * TTL_UNIT_MS[unit as keyof typeof TTL_UNIT_MS];
}

export function parseLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw badRequest(`limit must be an integer from 1 to ${MAX_QUERY_LIMIT}`);
  }
  return limit;
}

export function parseMetadataFields(options: unknown, field = 'metadataFields'): MetadataField[] {
  if (options === undefined) return [];
  const fields = requireRecord(options, 'options')[field];
  if (fields === undefined) return [];
  if (!Array.isArray(fields) || !fields.every((f) => (METADATA_FIELDS as readonly unknown[]).includes(f))) {
    throw badRequest(`${field} must list some of ${METADATA_FIELDS.join(', ')}`);
  }
  return fields as MetadataField[];
}

export function optionalRecord(value: unknown, what: string): Record<string, unknown> | undefined {
  return value === undefined ? undefined : requireRecord(value, what);
}
