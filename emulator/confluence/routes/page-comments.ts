/**
 * Comments on pages: v2 `GET /pages/{id}/footer-comments`, `GET /pages/{id}/inline-comments`,
 * `GET /footer-comments/{comment-id}` and `POST /footer-comments` (a top-level footer comment on a page). Reading needs the page to be
 * viewable; adding one needs the page viewable and, standing in for Confluence's own "add comments"
 * space permission (not modelled), the right to create in its space. Bodies are stored as written and
 * read in storage or atlas_doc_format, like page bodies. Replies, and comments on blog posts or
 * attachments, answer 501.
 */
import { bodyFromRequest, renderBody } from '../bodies';
import { ApiError, badRequest, notFound, notPermitted } from '../errors';
import type { StoredComment, StoredRepresentation } from '../model';
import { can } from '../permissions';
import { pagedList, queryList, querySort, rejectUnsupportedQuery, requireObjectBody, type RouteContext, type RouteResult } from './context';
import { bodyFormat, spaceKeyOf, visiblePage } from './pages-read';

function commentView(ctx: RouteContext, comment: StoredComment, format: StoredRepresentation | undefined) {
  const page = ctx.state.pages[comment.pageId]!;
  const webui = `/spaces/${spaceKeyOf(ctx.state, page)}/pages/${page.id}/${encodeURIComponent(page.title.replace(/ /g, '+'))}?focusedCommentId=${comment.id}`;
  return {
    id: comment.id,
    status: comment.status,
    title: `Re: ${page.title}`,
    pageId: comment.pageId,
    version: { ...comment.version },
    body: format ? { [format]: renderBody(comment.body, format) } : {},
    ...(comment.inline
      ? {
          resolutionStatus: comment.inline.resolutionStatus,
          properties: { inlineMarkerRef: comment.inline.markerRef, inlineOriginalSelection: comment.inline.originalSelection },
        }
      : {}),
    _links: { webui },
  };
}

function listComments(ctx: RouteContext, location: StoredComment['location'], extra: readonly string[]): RouteResult {
  rejectUnsupportedQuery(ctx, ['body-format', 'status', 'sort', 'cursor', 'limit', ...extra]);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  const format = bodyFormat(ctx);
  const statuses = queryList(ctx, 'status') ?? ['current'];
  const resolutions = queryList(ctx, 'resolution-status');
  const comments = Object.values(ctx.state.comments).filter(
    (comment) =>
      comment.pageId === page.id &&
      comment.location === location &&
      statuses.includes(comment.status) &&
      (!resolutions || resolutions.includes(comment.inline?.resolutionStatus ?? '')),
  );
  const sort = querySort(ctx, 'created-date');
  const key = (comment: StoredComment) => (sort.field === 'modified-date' ? comment.version.createdAt : comment.createdAt);
  return pagedList(ctx, comments, { key, descending: sort.descending }, (comment) => commentView(ctx, comment, format));
}

export const getPageFooterComments = (ctx: RouteContext) => listComments(ctx, 'footer', []);
export const getPageInlineComments = (ctx: RouteContext) => listComments(ctx, 'inline', ['resolution-status']);

/** One footer comment: found when its page is viewable (a comment is as visible as its page). */
export function getFooterComment(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['body-format', 'include-version']);
  const comment = ctx.state.comments[ctx.pathParams['comment-id'] ?? ''];
  if (!comment || comment.location !== 'footer' || comment.status !== 'current') throw notFound();
  visiblePage(ctx, comment.pageId);
  const view = commentView(ctx, comment, bodyFormat(ctx));
  return { status: 200, body: { ...view, _links: { ...view._links, base: ctx.base } } };
}

export function createFooterComment(ctx: RouteContext): RouteResult {
  const input = requireObjectBody(ctx);
  for (const field of ['parentCommentId', 'blogPostId', 'attachmentId', 'customContentId']) {
    if (input[field] !== undefined) throw new ApiError(501, `The Confluence stand-in adds footer comments to pages only, not with "${field}"`);
  }
  if (typeof input.pageId !== 'string' || input.pageId === '') throw badRequest('A footer comment needs a pageId');
  const page = ctx.state.pages[input.pageId];
  if (!page || page.status !== 'current') throw notFound();
  visiblePage(ctx, page.id);
  if (!can(ctx.state.spaces[page.spaceId]!, ctx.actor, 'create')) throw notPermitted();
  if (input.body === undefined) throw badRequest('A comment needs a body');
  const body = bodyFromRequest(input.body);
  const comment: StoredComment = {
    id: String(ctx.state.nextId++),
    pageId: page.id,
    location: 'footer',
    status: 'current',
    body,
    createdAt: ctx.now,
    version: { number: 1, message: '', minorEdit: false, authorId: ctx.actor.accountId, createdAt: ctx.now },
  };
  ctx.state.comments[comment.id] = comment;
  return {
    status: 201,
    body: { ...commentView(ctx, comment, body.representation), _links: { ...commentView(ctx, comment, undefined)._links, base: ctx.base } },
    headers: { location: `${ctx.base}/api/v2/footer-comments/${comment.id}` },
    mutated: true,
  };
}
