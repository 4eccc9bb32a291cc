/**
 * REST v1 routes on content: labels (`POST|DELETE /content/{id}/label`), CQL search
 * (`GET /search`, `GET /content/search`) and attachment upload (`POST|PUT /content/{id}/child/attachment`).
 */
import { ApiError, badRequest, notFound, notPermitted } from '../errors';
import { parseCql, sortByCql } from '../cql';
import type { StoredAttachment, StoredLabel, StoredPage } from '../model';
import { labelNamed } from './page-labels';

const PREFIXES: readonly StoredLabel['prefix'][] = ['global', 'my', 'team'];
import { canUpdatePage, canViewPage } from '../permissions';
import { v1AttachmentView, v1LabelView, v1PageView } from '../v1-views';
import { queryString, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';
import { visiblePage } from './pages-read';

/** A page the actor may edit, which labels and attachments need (404 otherwise, as for v2 writes). */
function editablePage(ctx: RouteContext): StoredPage {
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  if (page.status !== 'current') throw notFound();
  if (!canUpdatePage(ctx.state, page, ctx.actor)) throw notPermitted();
  return page;
}

const LABEL_NAME = /^[^\s:;,.!?&()[\]{}<>#"'|\\/]{1,255}$/u;

function labelArray(ctx: RouteContext, page: StoredPage) {
  const results = page.labelIds.flatMap((id) => (ctx.state.labels[id] ? [v1LabelView(ctx.state.labels[id])] : []));
  return { results, start: 0, limit: 200, size: results.length, _links: { base: ctx.base, context: '/wiki', self: `${ctx.base}/rest/api/content/${page.id}/label` } };
}

export function addLabels(ctx: RouteContext): RouteResult {
  const page = editablePage(ctx);
  const given = (Array.isArray(ctx.body) ? ctx.body : [ctx.body]) as Array<{ name?: unknown; prefix?: unknown } | null>;
  const labels = given.map((label) => ({ name: String(label?.name ?? '').toLowerCase(), prefix: label?.prefix === undefined ? 'global' : String(label.prefix) }));
  if (labels.some(({ name }) => !LABEL_NAME.test(name))) throw badRequest('Label names cannot contain spaces or punctuation such as : ; , . ! ? & ( ) [ ] { } < > # " \' | \\ /');
  if (labels.some(({ prefix }) => !PREFIXES.includes(prefix as StoredLabel['prefix']))) throw badRequest('A label prefix is one of global, my, team');
  for (const { name, prefix } of labels) {
    const label = labelNamed(ctx.state, name, prefix as StoredLabel['prefix']);
    if (!page.labelIds.includes(label.id)) page.labelIds.push(label.id);
  }
  return { status: 200, body: labelArray(ctx, page), mutated: true };
}

function removeLabel(ctx: RouteContext, name: string): RouteResult {
  const page = editablePage(ctx);
  const id = page.labelIds.find((labelId) => ctx.state.labels[labelId]?.name === name);
  if (id === undefined) throw notFound();
  page.labelIds = page.labelIds.filter((labelId) => labelId !== id);
  return { status: 204, mutated: true };
}

export const removeLabelByQuery = (ctx: RouteContext) => removeLabel(ctx, queryString(ctx, 'name') ?? '');
export const removeLabelByPath = (ctx: RouteContext) => removeLabel(ctx, ctx.pathParams.label ?? '');

/** The expansions asked below `prefix`, each with its own prefixes, as Confluence reads `a.b.c` (`a`, `a.b`, `a.b.c`). */
function expandList(ctx: RouteContext, prefix = ''): string[] {
  const raw = ctx.rawQuery.getAll('expand').flatMap((value) => value.split(',')).map((value) => value.trim());
  const below = raw.filter((value) => value.startsWith(prefix)).map((value) => value.slice(prefix.length)).filter(Boolean);
  return [...new Set(below.flatMap((name) => name.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'))))];
}

/** Search cursors are opaque to clients; the stand-in's encode the offset of the next result. */
function decodeOffset(cursor: string): number {
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid cursor');
  return offset;
}

function searchPages(ctx: RouteContext) {
  const cql = queryString(ctx, 'cql') ?? '';
  const parsed = parseCql(cql, ctx.state);
  const found = Object.values(ctx.state.pages).filter((page) => page.status === 'current' && canViewPage(ctx.state, page, ctx.actor) && parsed.matches(page));
  const cursor = queryString(ctx, 'cursor');
  const start = cursor !== undefined ? decodeOffset(cursor) : typeof ctx.query.start === 'number' ? ctx.query.start : 0;
  const limit = Math.min(typeof ctx.query.limit === 'number' ? ctx.query.limit : 25, 100);
  const sorted = sortByCql(found, parsed.order);
  const slice = sorted.slice(start, start + limit);
  const nextQuery = new URLSearchParams(ctx.rawQuery);
  nextQuery.delete('start');
  nextQuery.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
  nextQuery.set('limit', String(limit));
  const next = start + limit < sorted.length ? `${ctx.pathname.replace(/^\/wiki/, '')}?${nextQuery}` : undefined;
  return { cql, slice, start, limit, total: sorted.length, next };
}

const links = (ctx: RouteContext, next: string | undefined) => ({
  base: ctx.base,
  context: '/wiki',
  self: `${ctx.base}${ctx.pathname.replace(/^\/wiki/, '')}?${ctx.rawQuery}`,
  ...(next ? { next } : {}),
});

/** `GET /search`: results wrap the content, with `content.space` when `expand=content.space`. */
export function searchByCql(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['cql', 'start', 'cursor', 'limit', 'expand', 'excerpt']);
  const { cql, slice, start, limit, total, next } = searchPages(ctx);
  const expand = expandList(ctx, 'content.');
  const results = slice.map((page) => {
    const content = v1PageView(ctx.state, page, ctx.base, expand, ctx.actor);
    const space = ctx.state.spaces[page.spaceId]!;
    return {
      content,
      title: page.title,
      excerpt: '',
      url: content._links.webui,
      resultGlobalContainer: { title: space.name, displayUrl: `/spaces/${space.key}` },
      breadcrumbs: [],
      entityType: 'content',
      iconCssClass: 'aui-icon content-type-page',
      lastModified: page.version.createdAt,
      friendlyLastModified: page.version.createdAt.slice(0, 10),
      score: 0,
    };
  });
  return { status: 200, body: { results, start, limit, size: results.length, totalSize: total, cqlQuery: cql, searchDuration: 1, _links: links(ctx, next) } };
}

/** `GET /content/search`: a ContentArray of pages, expanded as asked. */
export function searchContentByCql(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['cql', 'cursor', 'limit', 'expand']);
  const { slice, start, limit, next } = searchPages(ctx);
  const expand = expandList(ctx);
  const results = slice.map((page) => v1PageView(ctx.state, page, ctx.base, expand, ctx.actor));
  return { status: 200, body: { results, start, limit, size: results.length, _links: links(ctx, next) } };
}

export interface UploadedFile {
  name: string;
  filename: string;
  mediaType: string;
  /** The part's bytes, base64, as the stand-in stores attachments. */
  base64: string;
}

/**
 * `POST` adds files (400 if one of that name exists), `PUT` adds or makes a new version. The files
 * arrive parsed from the multipart body (standin.ts); their bytes are kept as they came.
 */
function upload(ctx: RouteContext, replace: boolean): RouteResult {
  rejectUnsupportedQuery(ctx, ['status']);
  const page = editablePage(ctx);
  const form = ctx.body as { files?: UploadedFile[]; fields?: Record<string, string[]> } | undefined;
  const files = form?.files ?? [];
  if (files.length === 0) throw badRequest('At least one file part named "file" is required');
  const comments = form?.fields?.comment ?? [];
  const attachments = ctx.state.attachments;
  const minorEdit = form?.fields?.minorEdit?.[0] === 'true';
  const results = files.map((file, index) => {
    const existing = Object.values(attachments).find((a) => a.pageId === page.id && a.title === file.filename && a.status === 'current');
    if (existing && !replace) throw badRequest('Cannot add a new attachment with same file name as an existing object. Try updating with new version instead.');
    const version = { number: (existing?.version.number ?? 0) + 1, message: '', minorEdit, authorId: ctx.actor.accountId, createdAt: ctx.now };
    const id = existing?.id ?? `att${ctx.state.nextId++}`;
    const stored: StoredAttachment = {
      id,
      pageId: page.id,
      title: file.filename,
      mediaType: file.mediaType,
      comment: comments[index] ?? '',
      fileId: existing?.fileId ?? `file-${id}`,
      status: 'current',
      createdAt: existing?.createdAt ?? ctx.now,
      version,
      data: file.base64,
    };
    attachments[stored.id] = stored;
    return v1AttachmentView(ctx.state, stored, ctx.base);
  });
  return { status: 200, body: { results, start: 0, limit: results.length, size: results.length, _links: links(ctx, undefined) }, mutated: true };
}

export const createAttachment = (ctx: RouteContext) => upload(ctx, false);
export const createOrUpdateAttachments = (ctx: RouteContext) => upload(ctx, true);

/** Thrown for a multipart body the stand-in cannot read. */
export const malformedMultipart = () => new ApiError(400, 'The multipart body could not be read');
