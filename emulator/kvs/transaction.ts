import { matchesFilters, parseFilters, type Filters } from './conditions';
import { NO_CONTENT, type KvsReply, type RequestContext } from './context';
import { badRequest, KvsError, KvsErrorCode } from './errors';
import { buildItem, resolveTarget, type Target } from './operations';
import { itemId, type ItemChange } from './types';
import { isRecord, MAX_TRANSACTION_OPERATIONS, requireRecord } from './validation';

type Kind = 'set' | 'delete' | 'check';

interface Operation {
  kind: Kind;
  body: Record<string, unknown>;
  target: Target;
  conditions?: Filters;
}

function parseOperations(ctx: RequestContext, body: Record<string, unknown>): Operation[] {
  const operations: Operation[] = [];
  for (const kind of ['set', 'delete', 'check'] as const) {
    const list = body[kind] ?? [];
    if (!Array.isArray(list)) throw badRequest(`transaction.${kind} must be a list`);
    for (const raw of list) {
      const op = requireRecord(raw, `transaction.${kind} item`);
      const target = resolveTarget(ctx, op.entityName === undefined ? 'kv' : 'entity', op);
      if (kind === 'check' && op.conditions === undefined) throw badRequest('A transaction check needs conditions');
      if (op.conditions !== undefined && !target.entity) throw badRequest('Transaction conditions need an entityName');
      const conditions = target.entity && parseFilters(op.conditions, target.entity, `${kind} conditions`);
      operations.push({ kind, body: op, target, conditions });
    }
  }
  if (operations.length === 0) throw badRequest('A transaction needs at least one operation');
  if (operations.length > MAX_TRANSACTION_OPERATIONS) {
    throw badRequest(`A transaction holds at most ${MAX_TRANSACTION_OPERATIONS} operations`);
  }
  const ids = operations.map((op) => itemId(op.target.ref));
  const repeated = operations.find((_op, i) => ids.indexOf(ids[i]!) !== i);
  if (repeated) throw badRequest(`A transaction can touch '${repeated.target.ref.key}' only once`);
  return operations;
}

/**
 * `kvs.transact()...execute()`: all checks and conditions are evaluated against the current items,
 * then every set and delete is applied as one atomic, durable unit; if anything fails, nothing is.
 */
export function transact(ctx: RequestContext, raw: unknown): KvsReply {
  const operations = parseOperations(ctx, requireRecord(raw, 'Request body'));
  const changes: ItemChange[] = [];
  const failed: Array<{ key: string; entityName?: string }> = [];
  for (const op of operations) {
    const current = ctx.table.get(op.target.ref);
    if (op.kind === 'check') ctx.usage.read(op.target.ref.key, current?.value);
    if (op.conditions && !matchesFilters(isRecord(current?.value) ? current.value : undefined, op.conditions)) {
      failed.push({ key: op.target.ref.key, ...(op.target.ref.entityName && { entityName: op.target.ref.entityName }) });
    }
    if (op.kind === 'set') changes.push({ ref: op.target.ref, item: buildItem(ctx, op.target, op.body, current) });
    if (op.kind === 'delete' && current) changes.push({ ref: op.target.ref, item: null });
  }
  if (failed.length > 0) {
    throw new KvsError(KvsErrorCode.CONDITIONAL_CHECK_FAILED, 'Transaction cancelled: a condition was not met', {
      failedKeys: failed,
    });
  }
  ctx.table.commit(changes);
  for (const { ref, item } of changes) ctx.usage.wrote(ref.key, item?.value);
  return NO_CONTENT;
}
