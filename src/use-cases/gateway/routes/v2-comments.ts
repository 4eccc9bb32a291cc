/**
 * REST v2 comments of a page: its footer and inline comments (read), and a new footer comment on it
 * (create). A comment belongs to its page, so the page's scope is the comment's: the page is looked
 * up and placed by the scope guard before anything about its comments is asked or sent.
 */
import { AppError } from '../../../core/errors';
import { isNumericId, jsonObject, optionalId, type RouteDefinition } from '../route';
import { aimAtPage } from '../scope-guard';
import { onPage } from './v2-page-content';

const LIST_QUERY = ['body-format', 'status', 'sort', 'cursor', 'limit'];

/** What a comment may be attached to besides a page: each would need its own scope look-up, so none is forwarded. */
const OTHER_CONTAINERS = ['parentCommentId', 'blogPostId', 'attachmentId', 'customContentId'];

/**
 * A new footer comment: a page (`pageId`) and a body, nothing else forwarded. Replies and comments on
 * other content are refused by name rather than sent without their container.
 */
function footerCommentBody(text: string): string {
  const sent = jsonObject(text);
  const other = OTHER_CONTAINERS.find((field) => sent[field] !== undefined && sent[field] !== null);
  if (other) throw new AppError('INVALID_REQUEST', `Only footer comments on a page (pageId) can be added through the gateway, not with ${other}.`);
  const pageId = optionalId(sent.pageId);
  if (pageId === undefined || !isNumericId(pageId)) throw new AppError('INVALID_REQUEST', 'A footer comment needs the numeric pageId of its page.');
  return JSON.stringify({ pageId, ...(Object.hasOwn(sent, 'body') ? { body: sent.body } : {}) });
}

export const V2_COMMENT_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}/footer-comments',
    operation: 'read',
    query: LIST_QUERY,
    handler: onPage((confluence, { params, query }) => confluence.listPageComments(params.id, 'footer', query)),
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}/inline-comments',
    operation: 'read',
    query: [...LIST_QUERY, 'resolution-status'],
    handler: onPage((confluence, { params, query }) => confluence.listPageComments(params.id, 'inline', query)),
  },
  {
    method: 'POST',
    path: '/wiki/api/v2/footer-comments',
    operation: 'create',
    query: [],
    body: footerCommentBody,
    /** The page must be in scope (1 call), then the comment is added (1). */
    async handler(context) {
      const { pageId } = jsonObject(context.body) as { pageId: string };
      const found = await aimAtPage(context, pageId);
      if ('refusal' in found) return found.refusal;
      return context.confluence.createFooterComment(context.body);
    },
  },
];
