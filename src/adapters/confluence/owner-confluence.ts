import api, { route } from '@forge/api';
import type { ActAsOwner, OwnerConfluence } from '../../ports/confluence';
import { asOwner } from './upstream';

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/**
 * Offline impersonation: Confluence applies the owner's own current permissions and restrictions.
 * Every path is a literal `route` template, so the Forge linter can tell which scopes each call needs.
 */
export const actAsOwner: ActAsOwner = (accountId: string): OwnerConfluence => {
  const owner = api.asUser(accountId);
  const get = (path: ReturnType<typeof route>) => asOwner(() => owner.requestConfluence(path, { headers: JSON_HEADERS }));
  const send = (method: 'POST' | 'PUT' | 'DELETE', path: ReturnType<typeof route>, body?: string) =>
    asOwner(() => owner.requestConfluence(path, { method, headers: JSON_HEADERS, body }));
  const related = {
    children: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/children?${query}`),
    'direct-children': (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/direct-children?${query}`),
    descendants: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/descendants?${query}`),
    ancestors: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/ancestors?${query}`),
  };
  return {
    listSpaces: (query) => asOwner(() => owner.requestConfluence(route`/wiki/api/v2/spaces?${query}`, { headers: JSON_HEADERS })),
    listSpacePages: (spaceId, query) =>
      asOwner(() => owner.requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/pages?${query}`, { headers: JSON_HEADERS })),
    getPage: (pageId, query) => asOwner(() => owner.requestConfluence(route`/wiki/api/v2/pages/${pageId}?${query}`, { headers: JSON_HEADERS })),
    createPage: (body, query) =>
      asOwner(() => owner.requestConfluence(route`/wiki/api/v2/pages?${query}`, { method: 'POST', headers: JSON_HEADERS, body })),
    updatePage: (pageId, body, query) =>
      asOwner(() => owner.requestConfluence(route`/wiki/api/v2/pages/${pageId}?${query}`, { method: 'PUT', headers: JSON_HEADERS, body })),
    deletePage: (pageId, query) =>
      asOwner(() => owner.requestConfluence(route`/wiki/api/v2/pages/${pageId}?${query}`, { method: 'DELETE', headers: JSON_HEADERS })),
    listPages: (query) => get(route`/wiki/api/v2/pages?${query}`),
    getSpace: (spaceId, query) => get(route`/wiki/api/v2/spaces/${spaceId}?${query}`),
    listRelatedPages: (pageId, relation, query) => related[relation](pageId, query),
    listPageLabels: (pageId, query) => get(route`/wiki/api/v2/pages/${pageId}/labels?${query}`),
    listPageAttachments: (pageId, query) => get(route`/wiki/api/v2/pages/${pageId}/attachments?${query}`),
    listPageProperties: (pageId, query) => get(route`/wiki/api/v2/pages/${pageId}/properties?${query}`),
    createPageProperty: (pageId, body) => send('POST', route`/wiki/api/v2/pages/${pageId}/properties`, body),
    getPageProperty: (pageId, propertyId) => get(route`/wiki/api/v2/pages/${pageId}/properties/${propertyId}`),
    updatePageProperty: (pageId, propertyId, body) => send('PUT', route`/wiki/api/v2/pages/${pageId}/properties/${propertyId}`, body),
    deletePageProperty: (pageId, propertyId) => send('DELETE', route`/wiki/api/v2/pages/${pageId}/properties/${propertyId}`),
    usersBulk: (accountIds) => asOwner(() => owner.requestConfluence(route`/wiki/api/v2/users-bulk`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ accountIds }) })),

    currentUser: () => get(route`/wiki/rest/api/user/current`),
    addLabels: (pageId, labels) => send('POST', route`/wiki/rest/api/content/${pageId}/label`, labels),
    removeLabel: (pageId, name) => send('DELETE', route`/wiki/rest/api/content/${pageId}/label?${new URLSearchParams({ name })}`),
    search: (kind, query) => get(kind === 'search' ? route`/wiki/rest/api/search?${query}` : route`/wiki/rest/api/content/search?${query}`),
    uploadAttachments: (method, pageId, body, contentType, query) =>
      asOwner(() =>
        owner.requestConfluence(route`/wiki/rest/api/content/${pageId}/child/attachment?${query}`, {
          method,
          // Confluence refuses multipart POSTs without it (its XSRF check).
          headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check' },
          body,
        }),
      ),
  };
};
