import { AppError } from '../../core/errors';
import type { Operation } from '../../core/operations';
import type { TokenRecord } from '../../core/token';
import type { OwnerConfluence, UpstreamResponse } from '../../ports/confluence';
import type { GatewayDeps } from '../deps';
import type { Authenticated } from './authenticate';
import type { PageTrees } from './page-trees';

export interface RouteContext {
  token: TokenRecord;
  confluence: OwnerConfluence;
  /** The path's parameters by the names in the route's template, e.g. `{id}`: validated already. */
  params: Record<string, string>;
  /** Only the parameters the route allows. */
  query: URLSearchParams;
  body: string;
  /** What the audit event records about the target, filled in as it becomes known. */
  target: { spaceId: string | null; spaceKey: string | null; pageId: string | null };
  /** The token's page trees for this request; only scope-guard.ts asks them. */
  trees: PageTrees;
  /** Which secret authenticated, and the policy read with the token: for the app's own routes (rotation). */
  auth: Authenticated;
  deps: GatewayDeps;
}

/**
 * One gateway route: everything the gateway needs to know about it in one place. Every handler makes
 * its scope decisions through scope-guard.ts, never on its own.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/wiki/api/v2/pages/{id}`: each `{name}` matches a numeric id only (Confluence's ids are numeric). */
  path: string;
  /** The token operation the route needs; `self` and `rotate` routes need none beyond a valid token. */
  operation: Operation | 'self' | 'rotate';
  /** The query parameters Confluence's spec defines for the route; others are dropped, as Confluence ignores them. */
  query: readonly string[];
  handler: (context: RouteContext) => Promise<UpstreamResponse>;
}

export function ok(body: unknown): UpstreamResponse {
  return { status: 200, body: JSON.stringify(body), contentType: 'application/json' };
}

export function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', 'The request body must be JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('INVALID_REQUEST', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export const isNumericId = (id: string) => /^\d{1,20}$/.test(id);

export const optionalId = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

/** An array query parameter, given comma-separated or repeated as Confluence accepts both; undefined when absent. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  if (!query.has(name)) return undefined;
  return query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}
