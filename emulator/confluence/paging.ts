/**
 * Cursor paging as Confluence v2 does it: an opaque cursor, `_links.next` holding the relative URL of
 * the next page, and the same URL in a `Link: <…>; rel="next"` header.
 * The cursor records the last item's sort key and id, so paging survives inserts and deletes.
 */
import { badRequest } from './errors';

export interface SortOrder<T> {
  key: (item: T) => string | number;
  descending: boolean;
}

export interface PagedResult<T> {
  results: T[];
  /** Relative URL of the next page, when there is one. */
  next?: string;
}

interface Cursor {
  key: string | number;
  id: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'key' in parsed && 'id' in parsed) {
      const { key, id } = parsed as Record<string, unknown>;
      if ((typeof key === 'string' || typeof key === 'number') && typeof id === 'number') return { key, id };
    }
  } catch {
    // fall through: an unreadable cursor is the caller's error
  }
  throw badRequest('Invalid cursor');
}

function compare<T>(order: SortOrder<T>, a: Cursor, b: Cursor): number {
  const byKey = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  const sign = order.descending ? -1 : 1;
  return byKey !== 0 ? sign * byKey : sign * (a.id - b.id);
}

export function paginate<T extends { id: string }>(
  items: T[],
  order: SortOrder<T>,
  options: { limit: number; cursor?: string; path: string; query: URLSearchParams },
): PagedResult<T> {
  // Attachment ids carry a prefix (`att123`): ties are broken by the number.
  const position = (item: T): Cursor => ({ key: order.key(item), id: Number(item.id.replace(/^\D+/, '')) });
  const sorted = [...items].sort((a, b) => compare(order, position(a), position(b)));
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const remaining = after ? sorted.filter((item) => compare(order, position(item), after) > 0) : sorted;
  const results = remaining.slice(0, options.limit);
  if (remaining.length <= options.limit) return { results };
  const query = new URLSearchParams(options.query);
  query.set('cursor', encodeCursor(position(results[results.length - 1])));
  return { results, next: `${options.path}?${query.toString()}` };
}

/** The `Link` header Confluence sends with a list: the next page (if any) and the site base. */
export function linkHeader(next: string | undefined, base: string): string {
  return [next ? `<${next}>; rel="next"` : undefined, `<${base}>; rel="base"`].filter(Boolean).join(', ');
}
