import api, { route } from '@forge/api';
import type { Operation, VisibleSpace } from '../../contract/resolvers';
import { MAX_PAGE_IDS, type FoundPage, type PageSummary, type UserConfluence } from '../../ports/confluence';
import { expectJson } from './upstream';

interface SpacesPage {
  results: VisibleSpace[];
  _links?: { next?: string };
}
interface PagesPage {
  results: Array<{ id: string; spaceId: string; title: string; status: string; _links?: { webui?: string } }>;
  _links?: { base?: string; next?: string };
}
interface OperationsResponse {
  operations?: Array<{ operation?: string; targetType?: string }>;
}

const HEADERS = { Accept: 'application/json' };
/** Enough for a picker; a site with more visible spaces shows the first ones. */
const MAX_SPACE_PAGES = 4;
const PAGE_OPERATIONS: Operation[] = ['create', 'update', 'delete'];

/** Statuses an admin's lookup asks for: the trash too, so a deleted page is told apart from one they cannot see. */
const LOOKUP_STATUSES = ['current', 'archived', 'trashed'];

const visible = ({ id, key, name }: VisibleSpace): VisibleSpace => ({ id: String(id), key, name });
/** A title search reads at most this many pages of 250 per space (v2 has no title search; CQL would need v1 search). */
const MAX_TITLE_SCAN_PAGES = 4;

const nextCursor = (links: { next?: string } | undefined) =>
  (links?.next && new URL(links.next, 'https://confluence.invalid').searchParams.get('cursor')) || undefined;

/** Confluence as the signed-in user (present, so `asUser()` needs no impersonation). */
export function userConfluence(): UserConfluence {
  const user = api.asUser();
  let siteAdmin: Promise<boolean> | undefined;
  return {
    async spacesByKeys(keys) {
      const query = new URLSearchParams({ keys: keys.join(','), limit: '250' });
      const page = await expectJson<SpacesPage>(await user.requestConfluence(route`/wiki/api/v2/spaces?${query}`, { headers: HEADERS }), 'list spaces');
      return page.results.map(visible);
    },

    async visibleSpaces() {
      const spaces: VisibleSpace[] = [];
      let query = new URLSearchParams({ limit: '250', sort: 'name' });
      for (let pages = 0; pages < MAX_SPACE_PAGES; pages++) {
        const page = await expectJson<SpacesPage>(await user.requestConfluence(route`/wiki/api/v2/spaces?${query}`, { headers: HEADERS }), 'list spaces');
        spaces.push(...page.results.map(visible));
        const cursor = nextCursor(page._links);
        if (!cursor) break;
        query = new URLSearchParams({ limit: '250', sort: 'name', cursor });
      }
      return spaces;
    },

    async spaceRights(spaceId) {
      const response = await user.requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/operations`, { headers: HEADERS });
      const { operations = [] } = await expectJson<OperationsResponse>(response, 'read your permissions');
      const has = (operation: string, targetType: string) =>
        operations.some((entry) => entry.operation === operation && entry.targetType === targetType);
      // The space is visible to the user (it was listed), which is what reading its pages needs.
      const granted = new Set<Operation>(['read', ...PAGE_OPERATIONS.filter((operation) => has(operation, 'page'))]);
      return { operations: granted, administer: has('administer', 'space') };
    },

    isSiteAdmin() {
      siteAdmin ??= (async () => {
        const response = await user.requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: HEADERS });
        const { operations = [] } = await expectJson<OperationsResponse>(response, 'read your permissions');
        return operations.some((entry) => entry.operation === 'administer' && entry.targetType === 'application');
      })();
      return siteAdmin;
    },

    async displayNames(accountIds) {
      if (accountIds.length === 0) return new Map();
      const response = await user.requestConfluence(route`/wiki/api/v2/users-bulk`, {
        method: 'POST',
        headers: { ...HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ accountIds }),
      });
      const { results = [] } = await expectJson<{ results?: Array<{ accountId?: string; displayName?: string }> }>(response, 'look up users');
      return new Map(results.filter((user) => user.accountId && user.displayName).map((user) => [user.accountId!, user.displayName!]));
    },

    async findPages(ids) {
      if (ids.length === 0) return [];
      if (ids.length > MAX_PAGE_IDS) throw new Error(`findPages takes at most ${MAX_PAGE_IDS} ids`);
      const query = new URLSearchParams({ id: ids.join(','), status: LOOKUP_STATUSES.join(','), limit: String(MAX_PAGE_IDS) });
      const page = await expectJson<PagesPage>(await user.requestConfluence(route`/wiki/api/v2/pages?${query}`, { headers: HEADERS }), 'look up pages');
      const base = page._links?.base ?? '';
      return page.results
        .filter((found): found is PagesPage['results'][number] & { status: FoundPage['status'] } => LOOKUP_STATUSES.includes(found.status))
        .map((found) => ({ id: String(found.id), spaceId: String(found.spaceId), title: found.title, status: found.status, url: `${base}${found._links?.webui ?? `/pages/${found.id}`}` }));
    },

    async pagesByTitle(spaceIds, text, limit) {
      const needle = text.trim().toLowerCase();
      const matches: PageSummary[] = [];
      for (const spaceId of spaceIds) {
        let query = new URLSearchParams({ limit: '250', sort: 'title', status: 'current' });
        for (let pages = 0; pages < MAX_TITLE_SCAN_PAGES && matches.length < limit; pages++) {
          const response = await user.requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/pages?${query}`, { headers: HEADERS });
          const page = await expectJson<PagesPage>(response, 'list pages');
          const found = page.results.filter((result) => result.title.toLowerCase().includes(needle));
          matches.push(...found.map((result) => ({ id: String(result.id), spaceId: String(result.spaceId), title: result.title })));
          const cursor = nextCursor(page._links);
          if (!cursor) break;
          query = new URLSearchParams({ limit: '250', sort: 'title', status: 'current', cursor });
        }
      }
      return matches.slice(0, limit);
    },
  };
}
