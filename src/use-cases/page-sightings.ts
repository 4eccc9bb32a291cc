import type { PageSighting } from '../contract/resolvers';
import type { AuditRecord } from '../core/audit';
import { isAppError } from '../core/errors';
import { MAX_PAGE_IDS } from '../ports/confluence';
import type { Actor } from './deps';

/** Confluence page ids are int64: anything else (the gateway records up to 20 digits) cannot name a page. */
const INT64_MAX = 9223372036854775807n;
const isPageId = (id: string) => /^\d{1,19}$/.test(id) && BigInt(id) <= INT64_MAX;

/**
 * The pages `events` name, looked up as the viewing user in one Confluence call (never as a token's owner
 * or the app, so nobody learns a title they could not read in Confluence). A page the user finds in the
 * trash is deleted; a page they cannot find at all is deleted if one of these events deleted it through
 * a token (it was then purged), and restricted otherwise, since Confluence answers the same for a page
 * hidden from the user and a page that does not exist. Null when Confluence fails: titles are a
 * convenience and the log stays readable by id.
 */
export async function sightPages(actor: Actor, events: readonly AuditRecord[]): Promise<Record<string, PageSighting> | null> {
  const ids = [...new Set(events.flatMap((event) => (event.pageId === null ? [] : [event.pageId])))];
  const lookable = ids.filter(isPageId).slice(0, MAX_PAGE_IDS);
  let found;
  try {
    found = await actor.confluence.findPages(lookable);
  } catch (error) {
    if (isAppError(error) && error.code === 'UPSTREAM_ERROR') return null;
    throw error;
  }
  const byId = new Map(found.map((page) => [page.id, page]));
  const deletedByToken = new Set(
    events.filter((event) => event.operation === 'delete' && event.outcome === 'ok').map((event) => event.pageId),
  );
  const sightings: Record<string, PageSighting> = {};
  for (const id of ids) {
    const page = byId.get(id);
    if (page && page.status !== 'trashed') sightings[id] = { state: 'visible', title: page.title, url: page.url };
    else if (page) sightings[id] = { state: 'deleted', title: page.title };
    else sightings[id] = deletedByToken.has(id) ? { state: 'deleted', title: null } : { state: 'restricted' };
  }
  return sightings;
}
