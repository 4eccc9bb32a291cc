import api, { route } from '@forge/api';
import type { ActAsOwner, OwnerConfluence } from '../../ports/confluence';
import { asOwner } from './upstream';

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/**
 * Offline impersonation: Confluence applies the owner's own current permissions and restrictions.
 * Every path is a literal `route` template, so the Forge linter can tell which scopes each call needs.
 */
export const actAsOwner: ActAsOwner = (accountId, deadline): OwnerConfluence => {
  const owner = api.asUser(accountId);
  type Init = NonNullable<Parameters<typeof owner.requestConfluence>[1]>;
  const call = (path: ReturnType<typeof route>, init: Init) => asOwner((signal) => owner.requestConfluence(path, { ...init, signal }), deadline);
  const get = (path: ReturnType<typeof route>) => call(path, { headers: JSON_HEADERS });
  const send = (method: 'POST' | 'PUT' | 'DELETE', path: ReturnType<typeof route>, body?: string) => call(path, { method, headers: JSON_HEADERS, body });
  const related = {
    children: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/children?${query}`),
    'direct-children': (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/direct-children?${query}`),
    descendants: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/descendants?${query}`),
    ancestors: (pageId: string, query: URLSearchParams) => get(route`/wiki/api/v2/pages/${pageId}/ancestors?${query}`),
  };
  return {
    listSpaces: (query) => get(route`/wiki/api/v2/spaces?${query}`),
    listSpacePages: (spaceId, query) => get(route`/wiki/api/v2/spaces/${spaceId}/pages?${query}`),
    getPage: (pageId, query) => get(route`/wiki/api/v2/pages/${pageId}?${query}`),
    createPage: (body, query) => send('POST', route`/wiki/api/v2/pages?${query}`, body),
    updatePage: (pageId, body, query) => send('PUT', route`/wiki/api/v2/pages/${pageId}?${query}`, body),
    deletePage: (pageId, query) => send('DELETE', route`/wiki/api/v2/pages/${pageId}?${query}`),
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
    usersBulk: (accountIds) => send('POST', route`/wiki/api/v2/users-bulk`, JSON.stringify({ accountIds })),
    listPageComments: (pageId, location, query) =>
      location === 'footer' ? get(route`/wiki/api/v2/pages/${pageId}/footer-comments?${query}`) : get(route`/wiki/api/v2/pages/${pageId}/inline-comments?${query}`),
    createFooterComment: (body) => send('POST', route`/wiki/api/v2/footer-comments`, body),
    getFooterComment: (commentId, query) => get(route`/wiki/api/v2/footer-comments/${commentId}?${query}`),

    currentUser: () => get(route`/wiki/rest/api/user/current`),
    addLabels: (pageId, labels) => send('POST', route`/wiki/rest/api/content/${pageId}/label`, labels),
    removeLabel: (pageId, name) => send('DELETE', route`/wiki/rest/api/content/${pageId}/label?${new URLSearchParams({ name })}`),
    search: (kind, query) => get(kind === 'search' ? route`/wiki/rest/api/search?${query}` : route`/wiki/rest/api/content/search?${query}`),
    uploadAttachments: (method, pageId, body, contentType, query) =>
      call(route`/wiki/rest/api/content/${pageId}/child/attachment?${query}`, {
        method,
        // Confluence refuses multipart POSTs without it (its XSRF check).
        headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check' },
        body,
      }),
  };
};
