import { AppError } from '../../core/errors';
import type { Operation } from '../../core/operations';
import type { TokenRecord } from '../../core/token';
import type { OwnerConfluence, UpstreamResponse } from '../../ports/confluence';
import type { GatewayDeps } from '../deps';
import type { Authenticated } from './authenticate';
import type { PageTrees } from './page-trees';

/** What the audit event records about the target, filled in as it becomes known. */
export interface AuditTarget {
  spaceId: string | null;
  spaceKey: string | null;
  pageId: string | null;
}

/** The scope guard's bookkeeping for one request (scope-guard.ts reads and writes it; routes do not). */
export interface GuardState {
  /** Confluence as the owner, unguarded: only the guard's own look-ups use it. */
  lookups: OwnerConfluence;
  /** Spaces the owner was seen to reach (a page in them came back to a look-up as the owner). */
  seenSpaces: Set<string>;
  /** Spaces (of the token) whose pages a list or search answer carries: the request is filed under each. */
  returnedSpaces?: Set<string>;
  operationChecked: boolean;
  /** A change route has aimed at a space in scope, so its changes may be sent (after the audit intent). */
  aimed: boolean;
  /** Writes the audit record of an intended change; called once, before the first call of a change route. */
  beforeChange: () => Promise<void>;
}

export interface RouteContext {
  /** The token as it may act now: narrowed by the site policy. */
  token: TokenRecord;
  operation: RouteDefinition['operation'];
  /**
   * Confluence as the owner. Every call first passes the scope guard: the operation must be granted,
   * and on a change route the request must have aimed at a space in scope and its audit intent be
   * written. Look pages up before aiming with the guard's `lookUp`.
   */
  confluence: OwnerConfluence;
  /** The path's parameters by the names in the route's template, e.g. `{id}`: validated already. */
  params: Record<string, string>;
  /** Only the parameters the route allows. */
  query: URLSearchParams;
  /** The query as the client sent it, for refusing what must never be asked (purge); never forwarded. */
  sentQuery: URLSearchParams;
  /** Re-serialized from the fields the route allows; empty for routes that take no body. */
  body: string;
  /** The request's Content-Type header (multipart uploads forward it with its boundary). */
  contentType: string | undefined;
  target: AuditTarget;
  guard: GuardState;
  /** The token's page trees for this request; only scope-guard.ts asks them. */
  trees: PageTrees;
  /** Which secret authenticated, the token as stored, and the policy read with it: for the app's own routes (rotation). */
  auth: Authenticated;
  deps: GatewayDeps;
}

/**
 * One gateway route: everything the gateway needs to know about it in one place. Every handler makes
 * its scope decisions through scope-guard.ts, never on its own.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/wiki/api/v2/pages/{id}`: each `{name}` matches a numeric id only (Confluence's ids are numeric)... */
  path: string;
  /** ...unless named here with the pattern it must match instead (a space key, a label name). */
  paramPatterns?: Record<string, RegExp>;
  /** The token operation the route needs; `self` and `rotate` routes need none beyond a valid token. */
  operation: Operation | 'self' | 'rotate';
  /** The query parameters Confluence's spec defines for the route; others are dropped, as Confluence ignores them. */
  query: readonly string[];
  /**
   * The top-level JSON fields forwarded to Confluence: the body is parsed and re-serialized from these
   * only, so nothing else (owner, restrictions, unknown fields) ever reaches it. Omitted: no body is
   * forwarded. A body that is not a JSON object (v1's label arrays, multipart uploads) is checked
   * and re-serialized by the route's own parser instead.
   */
  body?: readonly string[] | ((body: string) => string);
  /**
   * REST v1 routes: the schema of Atlassian's v1 spec a successful answer follows (a component of
   * emulator/confluence/contract.json), and the expansions it serves (v1-expansions.ts). The answer
   * schema test (test/app/v1-answer-schemas.test.ts) checks every route × expansion against it.
   */
  v1Answer?: { schema: string; expand?: readonly string[] };
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
