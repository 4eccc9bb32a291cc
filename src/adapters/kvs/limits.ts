/** Forge KVS request limits: items per batch call and per query page. */
export const BATCH_LIMIT = 25;
export const PAGE_LIMIT = 100;

export function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
