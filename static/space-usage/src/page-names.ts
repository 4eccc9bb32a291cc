import type { AuditEvent, AuditPage, AuditTokenName, PageSighting } from '../../../src/contract/resolvers';
import type { TokenNames } from './audit-csv';

/** How the log names an event's page: as the viewer found it, or `unknown` when Confluence could not be asked. */
export type PageName = PageSighting | { state: 'unknown' };

/** An audit event with its page's name; `page` is absent for events that name no page. */
export interface NamedEvent extends AuditEvent {
  page?: PageName;
  /** The token's label and owner, as the space's log names them (refused tokens too). */
  token?: AuditTokenName;
}

/** The events of one listAudit answer, each with its page's name and its token's. */
export function nameEvents(answer: AuditPage): NamedEvent[] {
  return answer.items.map((event) => {
    const token = answer.tokens?.[event.tokenId];
    const named: NamedEvent = token ? { ...event, token } : event;
    return event.pageId === null ? named : { ...named, page: answer.pages?.[event.pageId] ?? { state: 'unknown' } };
  });
}

/**
 * Each page of events is looked up on its own, and only the page holding a token's delete of a page that
 * was then purged knows it was deleted; the older pages loaded after it would call it restricted.
 */
export function settleDeleted(events: readonly NamedEvent[]): NamedEvent[] {
  const deleted = new Set(events.filter((event) => event.page?.state === 'deleted').map((event) => event.pageId));
  return events.map((event) =>
    event.page?.state === 'restricted' && deleted.has(event.pageId) ? { ...event, page: { state: 'deleted', title: null } } : event,
  );
}

/** The page's title when the viewer may know it. */
export function pageTitle(page: PageName | undefined): string | null {
  return page && (page.state === 'visible' || page.state === 'deleted') ? page.title : null;
}

/** The token's names: from the space's token list, or as the log's answer named it (refused tokens). */
export function eventToken(event: NamedEvent, tokens: ReadonlyMap<string, TokenNames>): TokenNames | undefined {
  return tokens.get(event.tokenId) ?? event.token;
}
