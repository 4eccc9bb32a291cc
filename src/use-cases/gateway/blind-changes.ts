/**
 * A token that may change pages but not read them gets nothing read back from its changes: the
 * answer to a create, update or upload carries each item's id, type, status, title and version only
 * (no body, no space, no ancestors), adding labels answers with the labels it added (not the page's
 * others), and a version conflict says so without the page's current version or body. The rule is
 * here, once, for v1 and v2 answers alike.
 */
import { STATUS_CODES } from 'node:http';
import type { UpstreamResponse } from '../../ports/confluence';
import type { RouteContext } from './route';
import { v1ErrorBody } from './v1-shapes';

const KEPT = ['id', 'type', 'status', 'title'] as const;
const KEPT_VERSION = ['number', 'when', 'createdAt', 'minorEdit', 'message', 'authorId', 'by'] as const;

const CONFLICT_MESSAGE = 'The page has changed since the version this update was based on. Send the next version number; this token cannot read the page to find it.';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether this request's answer must not read anything back: a change by a token without `read`. */
export function answersBlind(context: Pick<RouteContext, 'operation' | 'token'>): boolean {
  return ['create', 'update', 'delete'].includes(context.operation) && !context.token.operations.includes('read');
}

function trimmed(item: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = Object.fromEntries(KEPT.filter((key) => key in item).map((key) => [key, item[key]]));
  if (isRecord(item.version)) {
    const version = item.version;
    kept.version = Object.fromEntries(KEPT_VERSION.filter((key) => key in version).map((key) => [key, version[key]]));
  }
  return kept;
}

function conflict(body: unknown): string {
  if (isRecord(body) && 'statusCode' in body) return JSON.stringify(v1ErrorBody(409, CONFLICT_MESSAGE));
  return JSON.stringify({ errors: [{ status: 409, code: 'CONFLICT', title: STATUS_CODES[409], detail: CONFLICT_MESSAGE }] });
}

/** The answer as a token without `read` may see it (see the file's comment); other answers unchanged. */
/** The label names a label-adding request sent (`[{prefix, name}]`, re-serialized by its route). */
function sentLabelNames(body: string): Set<string> {
  try {
    const sent = JSON.parse(body) as unknown;
    return new Set((Array.isArray(sent) ? sent : []).map((label) => String((label as { name?: unknown })?.name)));
  } catch {
    return new Set();
  }
}

const isLabel = (item: unknown) => isRecord(item) && 'name' in item && 'prefix' in item && !('type' in item);

export function blindChangeAnswer(context: Pick<RouteContext, 'operation' | 'token' | 'body'>, response: UpstreamResponse): UpstreamResponse {
  if (!answersBlind(context)) return response;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return response;
  }
  if (response.status === 409) return { ...response, body: conflict(body) };
  if (response.status < 200 || response.status >= 300 || !isRecord(body)) return response;
  if (Array.isArray(body.results)) {
    // Content uploaded (attachments) is trimmed; of a page's labels, only those just sent are told.
    const sent = sentLabelNames(context.body);
    const results = body.results
      .filter((item) => !isLabel(item) || sent.has(String((item as { name: unknown }).name)))
      .map((item) => (isRecord(item) && 'type' in item && 'id' in item ? trimmed(item) : item));
    return { ...response, body: JSON.stringify({ ...body, results, ...(typeof body.size === 'number' ? { size: results.length } : {}) }) };
  }
  return 'id' in body ? { ...response, body: JSON.stringify(trimmed(body)) } : response;
}
