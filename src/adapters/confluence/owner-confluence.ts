import api, { route } from '@forge/api';
import type { ActAsOwner, OwnerConfluence } from '../../ports/confluence';
import { asOwner } from './upstream';

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** Offline impersonation: Confluence applies the owner's own current permissions and restrictions. */
export const actAsOwner: ActAsOwner = (accountId: string): OwnerConfluence => {
  const owner = api.asUser(accountId);
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
  };
};
