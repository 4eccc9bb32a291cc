import type { RequestUsage } from './counters';
import type { EntityCatalog } from './entities';
import type { ItemTable } from './item-table';
import type { StoredItem } from './types';
import type { MetadataField } from './validation';

/** What a request handler works with. */
export interface RequestContext {
  table: ItemTable;
  entities: EntityCatalog;
  usage: RequestUsage;
}

/** A handler's answer: an HTTP status and a JSON body, or no body. */
export interface KvsReply {
  status: number;
  body?: unknown;
}

export const NO_CONTENT: KvsReply = { status: 204 };

export function ok(body: unknown): KvsReply {
  return { status: 200, body };
}

/** An item as the KVS API returns it, with the metadata fields asked for. */
export function presentItem(item: StoredItem, fields: readonly MetadataField[]): Record<string, unknown> {
  return {
    key: item.key,
    value: item.value,
    // Forge's own SDK fixtures give createdAt/updatedAt as Unix seconds and expireTime as ISO 8601.
    ...(fields.includes('CREATED_AT') && { createdAt: Math.floor(item.createdAt / 1000) }),
    ...(fields.includes('UPDATED_AT') && { updatedAt: Math.floor(item.updatedAt / 1000) }),
    ...(fields.includes('EXPIRE_TIME') &&
      item.expiresAt !== undefined && { expireTime: new Date(item.expiresAt).toISOString() }),
  };
}
