/** What a route handler gets and returns. */
import { ApiError, badRequest } from '../errors';
import type { ConfluenceState } from '../model';
import { linkHeader, paginate, type SortOrder } from '../paging';
import type { Actor } from '../permissions';

export interface RouteContext {
  state: ConfluenceState;
  actor: Actor;
  pathParams: Record<string, string>;
  /** Query parameters typed as the spec says (already validated against it). */
  query: Record<string, unknown>;
  /** The raw query, for building `_links.next`. */
  rawQuery: URLSearchParams;
  pathname: string;
  /** Parsed JSON body, `undefined` when none was sent. */
  body: unknown;
  /** The acting time, ISO 8601. */
  now: string;
  /** Site base URL ending in `/wiki`. */
  base: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The call changed the state (the stand-in then reports it through onChange). */
  mutated?: boolean;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult;

/**
 * Parameters the spec has but the stand-in does not model answer 501 rather than being ignored, so a
 * client never gets silently wrong results. Boolean parameters set to false change nothing and pass.
 */
export function rejectUnsupportedQuery(ctx: RouteContext, supported: readonly string[]): void {
  for (const [name, value] of Object.entries(ctx.query)) {
    if (!supported.includes(name) && value !== false) {
      throw new ApiError(501, `The Confluence stand-in does not implement the query parameter "${name}" here`);
    }
  }
}

export const queryString = (ctx: RouteContext, name: string): string | undefined => {
  const value = ctx.query[name];
  return typeof value === 'string' ? value : undefined;
};

export const queryList = (ctx: RouteContext, name: string): string[] | undefined => {
  const value = ctx.query[name];
  return Array.isArray(value) ? value.map(String) : undefined;
};

export const queryBoolean = (ctx: RouteContext, name: string): boolean | undefined => {
  const value = ctx.query[name];
  return typeof value === 'boolean' ? value : undefined;
};

export function queryLimit(ctx: RouteContext): number {
  const value = ctx.query.limit;
  return typeof value === 'number' ? value : 25;
}

/** Sort parameter `field` or `-field`. */
export function querySort(ctx: RouteContext, fallback: string): { field: string; descending: boolean } {
  const raw = queryString(ctx, 'sort') ?? fallback;
  return raw.startsWith('-') ? { field: raw.slice(1), descending: true } : { field: raw, descending: false };
}

export function requireObjectBody(ctx: RouteContext): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) throw badRequest('A JSON object body is required');
  return ctx.body as Record<string, unknown>;
}

/**
 * A list an include-* parameter adds to a single entity: at most 50 results, `meta.hasMore`, and in
 * `_links.self` the list's own route, for the rest (the v2 spec's OptionalField shape).
 */
export function includedList<T>(items: T[], self: string) {
  return { results: items.slice(0, 50), meta: { hasMore: items.length > 50 }, _links: { self } };
}

/** A v2 list answer: one page of `items` in the caller's sort, cursor link in `_links.next` and `Link`. */
export function pagedList<T extends { id: string }>(
  ctx: RouteContext,
  items: T[],
  order: SortOrder<T>,
  view: (item: T) => unknown,
): RouteResult {
  const listed = paginate(items, order, {
    limit: queryLimit(ctx),
    cursor: queryString(ctx, 'cursor'),
    path: ctx.pathname,
    query: ctx.rawQuery,
  });
  return {
    status: 200,
    body: {
      results: listed.results.map(view),
      _links: { ...(listed.next ? { next: listed.next } : {}), base: ctx.base },
    },
    headers: { link: linkHeader(listed.next, ctx.base) },
  };
}
