/** A page's attachments: v2 `GET /pages/{id}/attachments`. */
import type { StoredAttachment } from '../model';
import { pagedList, queryList, querySort, queryString, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';
import { visiblePage } from './pages-read';

export function attachmentView(attachment: StoredAttachment) {
  const download = `/download/attachments/${attachment.pageId}/${encodeURIComponent(attachment.title)}?version=${attachment.version.number}&api=v2`;
  const webui = `/pages/viewpageattachments.action?pageId=${attachment.pageId}&preview=${encodeURIComponent(`/${attachment.pageId}/${attachment.title}`)}`;
  return {
    id: attachment.id,
    status: attachment.status,
    title: attachment.title,
    createdAt: attachment.createdAt,
    pageId: attachment.pageId,
    mediaType: attachment.mediaType,
    comment: attachment.comment,
    fileId: attachment.fileId,
    fileSize: Buffer.from(attachment.data, 'base64').length,
    webuiLink: webui,
    downloadLink: download,
    version: { ...attachment.version },
    _links: { webui, download },
  };
}

export function getPageAttachments(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['sort', 'cursor', 'status', 'mediaType', 'filename', 'limit']);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  const statuses = queryList(ctx, 'status') ?? ['current'];
  const mediaType = queryString(ctx, 'mediaType');
  const filename = queryString(ctx, 'filename');
  const attachments = Object.values(ctx.state.attachments).filter(
    (attachment) =>
      attachment.pageId === page.id &&
      statuses.includes(attachment.status) &&
      (!mediaType || attachment.mediaType === mediaType) &&
      (!filename || attachment.title === filename),
  );
  const sort = querySort(ctx, 'created-date');
  const key = (attachment: StoredAttachment) => (sort.field === 'modified-date' ? attachment.version.createdAt : attachment.createdAt);
  return pagedList(ctx, attachments, { key, descending: sort.descending }, attachmentView);
}
