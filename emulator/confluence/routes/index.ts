/** The routes the stand-in implements, by method and spec path template. */
import type { RouteHandler } from './context';
import { getPageAttachments } from './page-attachments';
import { createFooterComment, getFooterComment, getPageFooterComments, getPageInlineComments } from './page-comments';
import { getPageLabels } from './page-labels';
import { createPageProperty, deletePageProperty, getPageProperties, getPageProperty, updatePageProperty } from './page-properties';
import { getAncestors, getChildPages, getDescendants, getDirectChildren } from './page-tree';
import { getPage, getPageOperations, getPages, getPagesInSpace } from './pages-read';
import { createPage, deletePage, updatePage } from './pages-write';
import { getSpace, getSpaceOperations, listSpaces } from './spaces';
import { bulkUsers, currentUser, userByAccountId } from './users';
import { addLabels, createAttachment, createOrUpdateAttachments, removeLabelByPath, removeLabelByQuery, searchByCql, searchContentByCql } from './v1-content';

export const ROUTES: Record<string, RouteHandler> = {
  'GET /wiki/api/v2/spaces': listSpaces,
  'GET /wiki/api/v2/spaces/{id}': getSpace,
  'GET /wiki/api/v2/spaces/{id}/pages': getPagesInSpace,
  'GET /wiki/api/v2/spaces/{id}/operations': getSpaceOperations,
  'GET /wiki/api/v2/pages/{id}': getPage,
  'GET /wiki/api/v2/pages': getPages,
  'POST /wiki/api/v2/pages': createPage,
  'PUT /wiki/api/v2/pages/{id}': updatePage,
  'DELETE /wiki/api/v2/pages/{id}': deletePage,
  'GET /wiki/api/v2/pages/{id}/operations': getPageOperations,
  'GET /wiki/api/v2/pages/{id}/children': getChildPages,
  'GET /wiki/api/v2/pages/{id}/direct-children': getDirectChildren,
  'GET /wiki/api/v2/pages/{id}/descendants': getDescendants,
  'GET /wiki/api/v2/pages/{id}/ancestors': getAncestors,
  'GET /wiki/api/v2/pages/{id}/labels': getPageLabels,
  'GET /wiki/api/v2/pages/{id}/attachments': getPageAttachments,
  'GET /wiki/api/v2/pages/{id}/footer-comments': getPageFooterComments,
  'GET /wiki/api/v2/pages/{id}/inline-comments': getPageInlineComments,
  'POST /wiki/api/v2/footer-comments': createFooterComment,
  'GET /wiki/api/v2/footer-comments/{comment-id}': getFooterComment,
  'GET /wiki/api/v2/pages/{page-id}/properties': getPageProperties,
  'POST /wiki/api/v2/pages/{page-id}/properties': createPageProperty,
  'GET /wiki/api/v2/pages/{page-id}/properties/{property-id}': getPageProperty,
  'PUT /wiki/api/v2/pages/{page-id}/properties/{property-id}': updatePageProperty,
  'DELETE /wiki/api/v2/pages/{page-id}/properties/{property-id}': deletePageProperty,
  'POST /wiki/api/v2/users-bulk': bulkUsers,
  'GET /wiki/rest/api/user/current': currentUser,
  'GET /wiki/rest/api/user': userByAccountId,
  'POST /wiki/rest/api/content/{id}/label': addLabels,
  'DELETE /wiki/rest/api/content/{id}/label': removeLabelByQuery,
  'DELETE /wiki/rest/api/content/{id}/label/{label}': removeLabelByPath,
  'GET /wiki/rest/api/search': searchByCql,
  'GET /wiki/rest/api/content/search': searchContentByCql,
  'POST /wiki/rest/api/content/{id}/child/attachment': createAttachment,
  'PUT /wiki/rest/api/content/{id}/child/attachment': createOrUpdateAttachments,
};
