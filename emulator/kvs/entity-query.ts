import { compareValues, matchesCondition, matchesFilters, parseCondition, parseFilters, RANGE_CONDITIONS } from './conditions';
import { ok, presentItem, type KvsReply, type RequestContext } from './context';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import { badRequest } from './errors';
import type { StoredItem } from './types';
import { isRecord, parseLimit, parseMetadataFields, requireRecord } from './validation';

function attribute(item: StoredItem, name: string): unknown {
  return isRecord(item.value) ? item.value[name] : undefined;
}

/** Orders by the range attribute, then by key; DESC reverses both. */
function comparePositions(a: { range: unknown; key: string }, b: { range: unknown; key: string }): number {
  return compareValues(a.range, b.range) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * `kvs.entity(name).query().index(...)`: items that carry the index's range attribute (and match its
 * partition), ordered by range then key. Like the DynamoDB store behind Forge, `limit` bounds the items
 * read from the index and filters then drop some of them, so a page may hold fewer items than the
 * limit (even none) while a cursor still says more follow.
 */
export function queryEntity(ctx: RequestContext, raw: unknown): KvsReply {
  const body = requireRecord(raw, 'Request body');
  const entity = ctx.entities.get(body.entityName);
  const index = ctx.entities.index(entity, body.indexName);
  const rangeType = entity.attributes[index.range]!;

  const partition = body.partition === undefined ? [] : body.partition;
  if (!Array.isArray(partition) || partition.length !== index.partition.length) {
    throw badRequest(`Index '${index.name}' needs ${index.partition.length} partition value(s): ${index.partition.join(', ')}`);
  }
  const range = body.range === undefined ? undefined : parseCondition(body.range, RANGE_CONDITIONS, rangeType, 'where');
  const filters = parseFilters(body.filters, entity, 'filters');
  if (body.sort !== undefined && body.sort !== 'ASC' && body.sort !== 'DESC') throw badRequest('sort must be ASC or DESC');
  const direction = body.sort === 'DESC' ? -1 : 1;
  const limit = parseLimit(body.limit);
  const fields = parseMetadataFields(body.options);
  const scope = JSON.stringify(['entity', entity.name, index.name, direction, partition, range ?? null, filters ?? null]);
  const after: CursorPosition | undefined = decodeCursor(body.cursor, scope);

  const candidates = ctx.table
    .list('entity', entity.name)
    .filter((item) => attribute(item, index.range) !== undefined)
    .filter((item) => index.partition.every((name, i) => attribute(item, name) === partition[i]))
    .filter((item) => range === undefined || matchesCondition(attribute(item, index.range), range))
    .map((item) => ({ item, range: attribute(item, index.range), key: item.key }))
    .filter((entry) => after === undefined || direction * comparePositions(entry, { range: after.range, key: after.key }) > 0)
    .sort((a, b) => direction * comparePositions(a, b));

  const scanned = candidates.slice(0, limit);
  const last = scanned[scanned.length - 1];
  const page = scanned.filter(({ item }) => filters === undefined || matchesFilters(item.value, filters));
  // Filtered-out items were still read from the index, as Forge bills them.
  for (const { item } of scanned) ctx.usage.read(item.key, item.value);
  return ok({
    data: page.map(({ item }) => presentItem(item, fields)),
    ...(candidates.length > limit && last && { cursor: encodeCursor({ scope, range: last.range, key: last.key }) }),
  });
}
