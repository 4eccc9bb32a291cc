import { ok, presentItem, type KvsReply, type RequestContext } from './context';
import { badRequest, KvsError } from './errors';
import { buildItem, keyNotFound, resolveTarget, type Target } from './operations';
import type { ItemChange } from './types';
import { MAX_BATCH_ITEMS, parseMetadataFields, requireRecord } from './validation';

interface BatchItemError {
  key: unknown;
  entityName?: unknown;
  error: { code: string; message: string };
}

function batchItems(raw: unknown): Record<string, unknown>[] {
  if (!Array.isArray(raw)) throw badRequest('A batch request body must be a list of items');
  if (raw.length > MAX_BATCH_ITEMS) throw badRequest(`A batch holds at most ${MAX_BATCH_ITEMS} items`);
  return raw.map((item) => requireRecord(item, 'Batch item'));
}

function identity(item: Record<string, unknown>): { key: unknown; entityName?: unknown } {
  return { key: item.key, ...(item.entityName !== undefined && { entityName: item.entityName }) };
}

/**
 * Runs `each` on every item of a batch: an item that fails lands in failedKeys with its error, the
 * others succeed. Naming one item twice fails the whole request.
 */
function runBatch<T>(
  ctx: RequestContext,
  raw: unknown,
  each: (item: Record<string, unknown>, target: Target) => T,
): { results: Array<{ item: Record<string, unknown>; result: T }>; failedKeys: BatchItemError[] } {
  const items = batchItems(raw);
  const names = items.map((item) => JSON.stringify([item.entityName ?? null, item.key]));
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw badRequest(`The batch names ${repeated} more than once`);
  const results: Array<{ item: Record<string, unknown>; result: T }> = [];
  const failedKeys: BatchItemError[] = [];
  for (const item of items) {
    try {
      const target = resolveTarget(ctx, item.entityName === undefined ? 'kv' : 'entity', item);
      results.push({ item, result: each(item, target) });
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...identity(item), error: { code: error.code, message: error.message } });
    }
  }
  return { results, failedKeys };
}

export function batchGet(ctx: RequestContext, raw: unknown): KvsReply {
  const { results, failedKeys } = runBatch(ctx, raw, (item, target) => {
    const found = ctx.table.get(target.ref);
    if (!found) throw keyNotFound();
    ctx.usage.read(found.key, found.value);
    return { ...identity(item), ...presentItem(found, parseMetadataFields(item.options)) };
  });
  return ok({ successfulKeys: results.map(({ result }) => result), failedKeys });
}

export function batchSet(ctx: RequestContext, raw: unknown): KvsReply {
  const { results, failedKeys } = runBatch(ctx, raw, (item, target) => ({
    ref: target.ref,
    item: buildItem(ctx, target, item, ctx.table.get(target.ref)),
  }));
  const changes: ItemChange[] = results.map(({ result }) => result);
  ctx.table.commit(changes);
  for (const { item } of changes) ctx.usage.wrote(item!.key, item!.value);
  return ok({ successfulKeys: results.map(({ item }) => identity(item)), failedKeys });
}

export function batchDelete(ctx: RequestContext, raw: unknown): KvsReply {
  const { results, failedKeys } = runBatch(ctx, raw, (_item, target) => target.ref);
  const present = results.map(({ result }) => result).filter((ref) => ctx.table.get(ref) !== undefined);
  ctx.table.commit(present.map((ref) => ({ ref, item: null })));
  for (const ref of present) ctx.usage.wrote(ref.key);
  return ok({ successfulKeys: results.map(({ item }) => identity(item)), failedKeys });
}
