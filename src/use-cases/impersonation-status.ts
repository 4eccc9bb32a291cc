import type { ImpersonationEvent, ImpersonationStatus } from '../contract/resolvers';
import type { AuditRecord } from '../core/audit';
import type { AuditFilter } from '../ports/audit-log';
import { requireSiteAdmin } from './admin-access';
import type { Actor, Deps } from './deps';

/** Index pages of the audit log's by-time index read per question, and events per page (KVS's query maximum). */
const PAGES = 5;
const PAGE_SIZE = 100;
export const IMPERSONATION_SEARCHED_EVENTS = PAGES * PAGE_SIZE;

/**
 * A request Confluence answered as the token's owner: a page or space route that succeeded. `/self`
 * and rotations never reach Confluence, and `GET /wiki/rest/api/user/current` shares `/self`'s
 * operation, so `self` events are left out rather than counted as impersonations they may not be.
 */
const ANSWERED_AS_OWNER: AuditFilter = { outcome: 'ok', notOperations: ['self', 'rotate'] };
const REFUSED: AuditFilter = { code: 'IMPERSONATION_REFUSED' };

/** The newest event matching `filter`, reading at most PAGES index pages (filters drop items after the read). */
async function newest(deps: Deps, filter: AuditFilter): Promise<AuditRecord | null> {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const { items, cursor: next } = await deps.audit.list({ by: 'all' }, filter, cursor, PAGE_SIZE);
    if (items[0]) return items[0];
    if (!next) return null;
    cursor = next;
  }
  return null;
}

/**
 * For the site admin's policy page: does Forge act as tokens' owners here? Read from the audit log the
 * gateway writes anyway, so it costs requests nothing: at most 2 × 5 index queries per look, fewer
 * when both are recent, and one Confluence call for the owners' names.
 */
export async function impersonationStatus(deps: Deps, actor: Actor): Promise<ImpersonationStatus> {
  await requireSiteAdmin(actor);
  const [success, refusal] = await Promise.all([newest(deps, ANSWERED_AS_OWNER), newest(deps, REFUSED)]);
  const owners = [...new Set([success, refusal].flatMap((record) => (record ? [record.ownerAccountId] : [])))];
  const names = owners.length > 0 ? await actor.confluence.displayNames(owners) : new Map<string, string>();
  const shown = (record: AuditRecord | null): ImpersonationEvent | null =>
    record && {
      at: new Date(record.at).toISOString(),
      tokenId: record.tokenId,
      owner: { accountId: record.ownerAccountId, displayName: names.get(record.ownerAccountId) ?? record.ownerAccountId },
      status: record.status,
    };
  return { lastSuccess: shown(success), lastRefusal: shown(refusal), searchedEvents: IMPERSONATION_SEARCHED_EVENTS };
}
