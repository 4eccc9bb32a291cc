import { presentItem, NO_CONTENT, ok, type KvsReply, type RequestContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { validateEntityValue, type EntityDefinition } from './entities';
import { badRequest, KvsError, KvsErrorCode } from './errors';
import type { ItemRef, StoreKind, StoredItem } from './types';
import {
  MAX_SECRET_BYTES,
  MAX_VALUE_BYTES,
  optionalRecord,
  parseLimit,
  parseMetadataFields,
  parseTtl,
  requireRecord,
  validateKey,
  validateValue,
} from './validation';

export interface Target {
  ref: ItemRef;
  entity?: EntityDefinition;
}

/** Validates the key (and the entity, for the entity store) a request names. */
export function resolveTarget(ctx: RequestContext, store: StoreKind, body: Record<string, unknown>): Target {
  const entity = store === 'entity' ? ctx.entities.get(body.entityName) : undefined;
  const key = validateKey(body.key);
  return { ref: { store, entityName: entity?.name, key }, entity };
}

/** Validates a value for `target` and builds the item that replaces `existing`. */
export function buildItem(
  ctx: RequestContext,
  target: Target,
  body: Record<string, unknown>,
  existing: StoredItem | undefined,
): StoredItem {
  validateValue(body, target.ref.store === 'secret' ? MAX_SECRET_BYTES : MAX_VALUE_BYTES);
  if (target.entity) validateEntityValue(target.entity, body.value);
  const ttlMs = parseTtl(optionalRecord(body.options, 'options'));
  const now = ctx.table.now();
  return {
    ...target.ref,
    value: body.value,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    ...(ttlMs !== undefined && { expiresAt: now + ttlMs }),
  };
}

export function keyNotFound(): KvsError {
  return new KvsError(KvsErrorCode.KEY_NOT_FOUND, 'Provided key does not exist');
}

export function getItem(ctx: RequestContext, store: StoreKind, raw: unknown): KvsReply {
  const body = requireRecord(raw, 'Request body');
  const { ref } = resolveTarget(ctx, store, body);
  const fields = parseMetadataFields(body.options);
  const item = ctx.table.get(ref);
  if (!item) throw keyNotFound();
  ctx.usage.read(item.key, item.value);
  return ok(presentItem(item, fields));
}

interface SetPolicy {
  failIfExists: boolean;
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnFields: ReturnType<typeof parseMetadataFields>;
}

function parseSetPolicy(options: Record<string, unknown> | undefined): SetPolicy {
  const keyPolicy = options?.keyPolicy;
  const returnValue = options?.returnValue;
  if (keyPolicy !== undefined && keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') {
    throw badRequest('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
  }
  if (returnValue !== undefined && (keyPolicy !== 'OVERRIDE' || (returnValue !== 'PREVIOUS' && returnValue !== 'LATEST'))) {
    throw badRequest("returnValue must be PREVIOUS or LATEST and needs keyPolicy 'OVERRIDE'");
  }
  return {
    failIfExists: keyPolicy === 'FAIL_IF_EXISTS',
    returnValue,
    returnFields: parseMetadataFields(options, 'returnMetadataFields'),
  };
}

export function setItem(ctx: RequestContext, store: StoreKind, raw: unknown): KvsReply {
  const body = requireRecord(raw, 'Request body');
  const target = resolveTarget(ctx, store, body);
  const policy = parseSetPolicy(optionalRecord(body.options, 'options'));
  const existing = ctx.table.get(target.ref);
  const item = buildItem(ctx, target, body, existing);
  if (policy.failIfExists && existing) {
    throw new KvsError(KvsErrorCode.KEY_ALREADY_EXISTS, 'Provided key already exists');
  }
  ctx.table.commit([{ ref: target.ref, item }]);
  ctx.usage.wrote(item.key, item.value);
  const returned = policy.returnValue === 'LATEST' ? item : policy.returnValue === 'PREVIOUS' ? existing : undefined;
  return returned ? ok(presentItem(returned, policy.returnFields)) : NO_CONTENT;
}

export function deleteItem(ctx: RequestContext, store: StoreKind, raw: unknown): KvsReply {
  const { ref } = resolveTarget(ctx, store, requireRecord(raw, 'Request body'));
  if (ctx.table.get(ref)) {
    ctx.table.commit([{ ref, item: null }]);
    ctx.usage.wrote(ref.key);
  }
  return NO_CONTENT;
}

function parseKeyPrefix(where: unknown): string {
  if (where === undefined) return '';
  const conditions = Array.isArray(where) ? where : [];
  const [condition] = conditions;
  if (conditions.length > 1 || (condition !== undefined && !isKeyPrefixCondition(condition))) {
    throw badRequest("query supports a single where('key', beginsWith(prefix)) condition");
  }
  return condition === undefined ? '' : String((condition as { values: unknown[] }).values[0]);
}

function isKeyPrefixCondition(condition: unknown): boolean {
  const c = condition as Record<string, unknown>;
  return (
    typeof c === 'object' &&
    c !== null &&
    c.property === 'key' &&
    c.condition === 'BEGINS_WITH' &&
    Array.isArray(c.values) &&
    c.values.length === 1 &&
    typeof c.values[0] === 'string'
  );
}

/** `kvs.query()`: plain KVS keys (never secrets or entities), in key order. */
export function queryItems(ctx: RequestContext, raw: unknown): KvsReply {
  const body = requireRecord(raw, 'Request body');
  const prefix = parseKeyPrefix(body.where);
  const limit = parseLimit(body.limit);
  const fields = parseMetadataFields(body.options);
  const scope = `kv:${prefix}`;
  const after = decodeCursor(body.after, scope);
  const matching = ctx.table
    .list('kv')
    .filter((item) => item.key.startsWith(prefix) && (after === undefined || item.key > after.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = matching.slice(0, limit);
  for (const item of page) ctx.usage.read(item.key, item.value);
  const last = page[page.length - 1];
  return ok({
    data: page.map((item) => presentItem(item, fields)),
    ...(matching.length > limit && last && { cursor: encodeCursor({ scope, key: last.key }) }),
  });
}
