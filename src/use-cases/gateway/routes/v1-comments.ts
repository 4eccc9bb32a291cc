/**
 * REST v1 `GET /content/{id}/child/comment`, which Atlassian removed from its spec and agents' "get
 * comments" tools still send: translated to v2's footer and inline comment lists of the page (the
 * page placed by the scope guard first: 1 call, then at most one call per list), answered in v1's shape.
 * v1 lists every location at once; here footer comments come first, then inline ones, and the cursor
 * in `_links.next` says which list goes on where.
 */
import { AppError } from '../../../core/errors';
import type { CommentLocation, UpstreamResponse } from '../../../ports/confluence';
import { isNumericId, listParam, ok, optionalId, type RouteContext, type RouteDefinition } from '../route';
import { aimAtComment, aimAtPage } from '../scope-guard';
import { bodyFormatOf, expandsOf, type ContentExpansion } from '../v1-expansions';
import { nextCursorOf, parsed, v1Content, v1List, v1Routes, type V2Page } from '../v1-shapes';

interface V2Comment extends V2Page {
  pageId?: string;
  resolutionStatus?: string;
  properties?: { inlineMarkerRef?: string; inlineOriginalSelection?: string };
}

const PATH = '/wiki/rest/api/content/{id}/child/comment';

/** The expansions a comment answer serves, all from the comment list or look-up itself (no call of their own). */
const COMMENT_EXPANSIONS: readonly ContentExpansion[] = ['body.storage', 'body.atlas_doc_format', 'version'];
const servedOf = (asked: ReadonlySet<string>): ReadonlySet<ContentExpansion> => new Set(COMMENT_EXPANSIONS.filter((name) => asked.has(name)));

/** v1's `location` values as v2 lists: `resolved` comments are inline ones. */
function locationsOf(query: URLSearchParams): CommentLocation[] {
  const asked = listParam(query, 'location');
  if (!asked || asked.length === 0) return ['footer', 'inline'];
  return (['footer', 'inline'] as const).filter((location) => asked.includes(location) || (location === 'inline' && asked.includes('resolved')));
}

/** `footer:<v2 cursor>` or `inline:<v2 cursor>` (empty: that list from its start). */
function cursorOf(query: URLSearchParams): { location: CommentLocation; cursor: string | undefined } | undefined {
  const raw = query.get('cursor');
  if (!raw) return undefined;
  const match = /^(footer|inline):(.*)$/.exec(raw);
  if (!match) throw new AppError('INVALID_REQUEST', 'Page through comments with the cursor in _links.next.');
  return { location: match[1] as CommentLocation, cursor: match[2] || undefined };
}

function v1Comment(comment: V2Comment, location: CommentLocation, page: V2Page, served: ReadonlySet<ContentExpansion>) {
  return {
    ...v1Content(comment, { served }),
    type: 'comment',
    container: { id: String(page.id), type: 'page', status: page.status ?? 'current', title: page.title ?? '' },
    extensions: {
      location,
      ...(location === 'inline'
        ? {
            inlineProperties: { originalSelection: comment.properties?.inlineOriginalSelection ?? '', markerRef: comment.properties?.inlineMarkerRef ?? '' },
            resolution: { status: comment.resolutionStatus ?? 'open' },
          }
        : {}),
    },
  };
}

async function childComments(context: RouteContext) {
  if (Number(context.query.get('start') ?? 0) > 0 && !context.query.get('cursor')) {
    throw new AppError('INVALID_REQUEST', 'Page through this list with its _links.next, not with start.');
  }
  const expand = expandsOf(context.query);
  const served = servedOf(expand);
  const limit = Math.min(Math.max(Number(context.query.get('limit')) || 25, 1), 250);
  const wanted = locationsOf(context.query);
  const resume = cursorOf(context.query);
  const found = await aimAtPage(context, context.params.id);
  if ('refusal' in found) return found.refusal;
  const page = JSON.parse(found.response.body) as V2Page;
  const format = bodyFormatOf(expand, served);
  const results: unknown[] = [];
  let next: string | undefined;
  let base: string | undefined;
  for (const location of resume ? wanted.slice(wanted.indexOf(resume.location)) : wanted) {
    const remaining = limit - results.length;
    if (remaining === 0) {
      next = `${location}:`;
      break;
    }
    const query = new URLSearchParams({ limit: String(remaining) });
    if (format) query.set('body-format', format);
    if (location === 'inline' && listParam(context.query, 'location')?.includes('resolved') && !listParam(context.query, 'location')?.includes('inline')) {
      query.set('resolution-status', 'resolved');
    }
    const cursor = resume?.location === location ? resume.cursor : undefined;
    if (cursor) query.set('cursor', cursor);
    const answer = parsed<{ results?: V2Comment[]; _links?: { next?: string; base?: string } }>(await context.confluence.listPageComments(context.params.id, location, query));
    if ('refusal' in answer) return answer.refusal;
    base ??= answer.value._links?.base;
    results.push(...(answer.value.results ?? []).map((comment) => v1Comment(comment, location, page, served)));
    const more = nextCursorOf(answer.value._links);
    if (more) {
      next = `${location}:${more}`;
      break;
    }
  }
  return v1List(results, context.query, PATH.replace('{id}', context.params.id), next, base);
}

/**
 * `GET /content/{id}` of a footer comment (the page look-up found no page by that id): the comment
 * (1 call) and its page, which places it (1 call), after the page look-up (1). Answers Confluence's
 * refusal when there is no such comment either.
 */
export async function getV1Comment(context: RouteContext, notAPage: UpstreamResponse): Promise<UpstreamResponse> {
  const expand = expandsOf(context.query);
  const served = servedOf(expand);
  const format = bodyFormatOf(expand, served);
  const found = await aimAtComment(context, context.params.id, new URLSearchParams(format ? { 'body-format': format } : {}));
  if ('refusal' in found) return found.refusal.status === 404 ? notAPage : found.refusal;
  if ('refusal' in found.page) return found.page.refusal;
  const page = JSON.parse(found.page.response.body) as V2Page;
  return ok(v1Comment(JSON.parse(found.response.body) as V2Comment, 'footer', page, served));
}

/** What v1 answers a write with: the version and the body as stored. */
const WRITE_EXPAND: ReadonlySet<ContentExpansion> = new Set(COMMENT_EXPANSIONS);

export interface V1CommentWrite {
  container?: { id?: unknown; type?: unknown };
  ancestors?: unknown;
  body?: unknown;
}

/**
 * `POST /content` with `type: comment`, v1's way to add a comment: a footer comment on the page its
 * `container` names (placed by the scope guard: 1 call), added through v2 (1). A reply (`ancestors`)
 * or a container other than a page is refused by name, as on v2.
 */
export async function createV1Comment(context: RouteContext, write: V1CommentWrite, body: { representation: string; value: string } | undefined): Promise<UpstreamResponse> {
  if (Array.isArray(write.ancestors) && write.ancestors.length > 0) throw new AppError('INVALID_REQUEST', 'Only footer comments on a page can be added through the gateway, not replies (ancestors).');
  if (write.container?.type !== undefined && write.container.type !== 'page') throw new AppError('INVALID_REQUEST', 'Only comments on a page (container.type page) can be added through the gateway.');
  const pageId = optionalId(write.container?.id);
  if (pageId === undefined || !isNumericId(pageId)) throw new AppError('INVALID_REQUEST', 'A comment needs the numeric id of its page in container.id.');
  if (!body) throw new AppError('INVALID_REQUEST', 'A comment needs a body: body.storage, body.atlas_doc_format or body.wiki.');
  const found = await aimAtPage(context, pageId);
  if ('refusal' in found) return found.refusal;
  const created = await context.confluence.createFooterComment(JSON.stringify({ pageId, body }));
  if (created.status !== 201 && created.status !== 200) return created;
  return ok(v1Comment(JSON.parse(created.body) as V2Comment, 'footer', JSON.parse(found.response.body) as V2Page, WRITE_EXPAND));
}

export const V1_COMMENT_ROUTES: RouteDefinition[] = v1Routes([
  { method: 'GET', path: PATH, operation: 'read', query: ['expand', 'start', 'limit', 'cursor', 'location', 'depth', 'parentVersion'], v1Answer: { schema: 'ContentArray', expand: COMMENT_EXPANSIONS }, handler: childComments },
]);

