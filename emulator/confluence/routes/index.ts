/** The routes the stand-in implements, by method and spec path template. */
import type { RouteHandler } from './context';
import { getPage, getPageOperations, getPagesInSpace } from './pages-read';
import { createPage, deletePage, updatePage } from './pages-write';
import { getSpace, getSpaceOperations, listSpaces } from './spaces';
import { bulkUsers, currentUser, userByAccountId } from './users';

export const ROUTES: Record<string, RouteHandler> = {
  'GET /wiki/api/v2/spaces': listSpaces,
  'GET /wiki/api/v2/spaces/{id}': getSpace,
  'GET /wiki/api/v2/spaces/{id}/pages': getPagesInSpace,
  'GET /wiki/api/v2/spaces/{id}/operations': getSpaceOperations,
  'GET /wiki/api/v2/pages/{id}': getPage,
  'POST /wiki/api/v2/pages': createPage,
  'PUT /wiki/api/v2/pages/{id}': updatePage,
  'DELETE /wiki/api/v2/pages/{id}': deletePage,
  'GET /wiki/api/v2/pages/{id}/operations': getPageOperations,
  'POST /wiki/api/v2/users-bulk': bulkUsers,
  'GET /wiki/rest/api/user/current': currentUser,
  'GET /wiki/rest/api/user': userByAccountId,
};
