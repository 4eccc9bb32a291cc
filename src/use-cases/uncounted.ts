import type { UncountedRequests } from '../contract/resolvers';
import type { AuditIndex, AuditLog } from '../ports/audit-log';

/** One audit query's page: a hint needs no exact count past it ("100 or more"). */
export const UNCOUNTED_LIMIT = 100;

/**
 * Requests the background fold has not counted yet: the audit events after its position (`asOf`), newest
 * first, rotations aside (they are not uses). Without this, a token used a minute ago read "Never" and
 * a busy space "No requests in the last 30 days" above a log listing them. One storage query.
 */
export async function uncountedSince(audit: AuditLog, index: AuditIndex, asOf: number | null, tokenId?: string): Promise<UncountedRequests> {
  const page = await audit.list(index, tokenId === undefined ? {} : { tokenId }, undefined, UNCOUNTED_LIMIT);
  const after = page.items.filter((event) => asOf === null || event.at >= asOf);
  const requests = after.filter((event) => event.operation !== 'rotate');
  const byToken: Record<string, number> = {};
  for (const event of requests) byToken[event.tokenId] = (byToken[event.tokenId] ?? 0) + 1;
  // Every event of the page is after the fold's position and there are more: the count is a floor.
  const more = after.length === page.items.length && page.cursor !== null;
  return { count: requests.length, more, byToken };
}
