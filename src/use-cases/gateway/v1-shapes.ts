/**
 * REST v2 answers re-shaped as REST v1 ones, for the v1 content routes Atlassian removed from its spec
 * but clients still send. Only what v2 tells is shown: a field the answer cannot fill is left in
 * `_expandable` (v1's own "not expanded"), never invented.
 */
import { STATUS_CODES } from 'node:http';
import type { UpstreamResponse } from '../../ports/confluence';
import { ok, type RouteDefinition } from './route';

export interface V2Version {
  number?: number;
  message?: string;
  minorEdit?: boolean;
  authorId?: string;
  createdAt?: string;
}

export interface V2Page {
  id: string;
  status?: string;
  title?: string;
  spaceId?: string;
  parentId?: string | null;
  type?: string;
  version?: V2Version;
  body?: Record<string, { value?: string; representation?: string } | undefined>;
  _links?: Record<string, string | undefined>;
}

export interface V2Space {
  id: string;
  key: string;
  name?: string;
  type?: string;
  status?: string;
  _links?: Record<string, string | undefined>;
}

/** The `expand` values the v1 translations fill in. */
export const BODY_EXPANDS = ['body.storage', 'body.atlas_doc_format'] as const;

export function expandsOf(query: URLSearchParams): Set<string> {
  return new Set(query.getAll('expand').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean));
}

/** v2 can render one body format per call; the first one asked for is the one fetched. */
export function bodyFormatOf(expand: ReadonlySet<string>): 'storage' | 'atlas_doc_format' | undefined {
  const first = [...expand].find((value) => (BODY_EXPANDS as readonly string[]).includes(value));
  return first?.slice('body.'.length) as 'storage' | 'atlas_doc_format' | undefined;
}

export function v1Space(space: V2Space) {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name ?? space.key,
    type: space.type ?? 'global',
    status: space.status ?? 'current',
    _expandable: { description: '', homepage: '' },
    _links: { webui: space._links?.webui ?? `/spaces/${space.key}` },
  };
}

/** `version.by` names the account of the version's author: the token's owner for edits made through it. */
function v1Version(version: V2Version) {
  return {
    by: { type: 'known', accountId: version.authorId ?? '', accountType: 'atlassian' },
    when: version.createdAt ?? '',
    number: version.number ?? 1,
    message: version.message ?? '',
    minorEdit: version.minorEdit ?? false,
  };
}

export interface V1ContentParts {
  expand: ReadonlySet<string>;
  space?: V2Space;
  /** Top-down, as v1 lists them; `undefined` when not fetched. */
  ancestors?: Array<{ id: string; title?: string }>;
}

/** A v2 page as v1 `Content`. */
export function v1Content(page: V2Page, { expand, space, ancestors }: V1ContentParts) {
  const body: Record<string, unknown> = {};
  for (const format of ['storage', 'atlas_doc_format']) {
    const rendered = page.body?.[format];
    if (expand.has(`body.${format}`) && rendered?.value !== undefined) body[format] = { value: rendered.value, representation: format, _expandable: {} };
  }
  const expandable: Record<string, string> = {};
  if (!space) expandable.space = '';
  if (!ancestors) expandable.ancestors = '';
  if (Object.keys(body).length === 0) expandable.body = '';
  if (!page.version) expandable.version = '';
  return {
    id: String(page.id),
    type: 'page',
    status: page.status ?? 'current',
    title: page.title ?? '',
    ...(space ? { space: v1Space(space) } : {}),
    ...(page.version && (expand.has('version') || expand.has('version.by')) ? { version: v1Version(page.version) } : {}),
    ...(ancestors ? { ancestors: ancestors.map((a) => ({ id: String(a.id), type: 'page', status: 'current', ...(a.title ? { title: a.title } : {}) })) } : {}),
    ...(Object.keys(body).length > 0 ? { body } : {}),
    _expandable: expandable,
    _links: {
      ...(page._links?.webui ? { webui: page._links.webui } : {}),
      ...(page._links?.tinyui ? { tinyui: page._links.tinyui } : {}),
      ...(page._links?.editui ? { editui: page._links.editui } : {}),
      ...(page._links?.base ? { base: page._links.base } : {}),
    },
  };
}

/** A v1 list: `{results, start, limit, size, _links}`, with v2's cursor carried in `_links.next`. */
export function v1List(results: unknown[], query: URLSearchParams, path: string, nextCursor: string | undefined, base?: string): UpstreamResponse {
  const limit = Number(query.get('limit') ?? 25);
  const next = new URLSearchParams(query);
  next.delete('start');
  if (nextCursor) next.set('cursor', nextCursor);
  return ok({
    results,
    start: Number(query.get('start') ?? 0),
    limit,
    size: results.length,
    _links: { ...(base ? { base } : {}), context: '/wiki', ...(nextCursor ? { next: `${path.replace(/^\/wiki/, '')}?${next}` } : {}) },
  });
}

/** The cursor in a v2 list's `_links.next`, if there is a next page. */
export function nextCursorOf(links: { next?: string } | undefined): string | undefined {
  return links?.next ? (new URL(links.next, 'https://confluence.invalid').searchParams.get('cursor') ?? undefined) : undefined;
}

export function v1Label(label: { id?: unknown; name?: unknown; prefix?: unknown }) {
  return { prefix: String(label.prefix ?? 'global'), name: String(label.name ?? ''), id: String(label.id ?? ''), label: String(label.name ?? '') };
}

export interface V2Attachment {
  id: string;
  status?: string;
  title?: string;
  mediaType?: string;
  fileSize?: number;
  comment?: string;
  version?: V2Version;
  downloadLink?: string;
  webuiLink?: string;
  _links?: Record<string, string | undefined>;
}

export function v1Attachment(attachment: V2Attachment) {
  return {
    id: attachment.id,
    type: 'attachment',
    status: attachment.status ?? 'current',
    title: attachment.title ?? '',
    ...(attachment.version ? { version: v1Version(attachment.version) } : {}),
    metadata: { mediaType: attachment.mediaType ?? 'application/octet-stream', comment: attachment.comment ?? '' },
    extensions: { mediaType: attachment.mediaType ?? 'application/octet-stream', fileSize: attachment.fileSize ?? 0, comment: attachment.comment ?? '' },
    _expandable: {},
    _links: {
      ...(attachment.downloadLink ?? attachment._links?.download ? { download: attachment.downloadLink ?? attachment._links?.download } : {}),
      ...(attachment.webuiLink ?? attachment._links?.webui ? { webui: attachment.webuiLink ?? attachment._links?.webui } : {}),
    },
  };
}

/** Parses a 200 answer's JSON, or hands Confluence's own refusal back as it is. */
export function parsed<T>(response: UpstreamResponse): { value: T } | { refusal: UpstreamResponse } {
  return response.status === 200 ? { value: JSON.parse(response.body) as T } : { refusal: response };
}

/**
 * Confluence v1's error envelope (`statusCode`, `message`, `reason`, `data.successful: false`). Some
 * clients read a 4xx answer as if it were the page they asked for (mcp-atlassian 2.1.0 accepts every
 * status under 500 and prints the body's `title` and `id` under its own "Page created successfully").
 * So the body has no field a page has (`id`, `type`, `space`, `version`) and spells the refusal out in
 * `title`, the one page field such a client prints. `code` is the gateway's own, when it refused.
 */
export function v1ErrorBody(status: number, message: string, code?: string) {
  const reason = STATUS_CODES[status] ?? 'Error';
  return {
    statusCode: status,
    ...(code ? { code } : {}),
    message,
    reason,
    title: `NOT DONE: ${status} ${code ?? reason}. ${message}`,
    data: {
      authorized: status !== 401 && status !== 403,
      valid: status !== 400,
      errors: code ? [{ message: { key: code, translation: message, args: [] } }] : [],
      successful: false,
    },
  };
}

/**
 * A page that does not exist or the owner cannot see, on a v1 route. Out-of-scope targets answer with
 * exactly these bytes too (see the web trigger's error response), so a refusal tells nothing about
 * what exists outside the token's scope.
 */
export function v1MissingPage(): string {
  return JSON.stringify(v1ErrorBody(404, 'Confluence answered: Not Found'));
}

const V1_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Confluence's refusal on a v1 route, whichever API answered it upstream, in v1's envelope. */
function asV1Refusal(response: UpstreamResponse): UpstreamResponse {
  if (response.status < 400) return response;
  if (response.status === 404) return { ...response, body: v1MissingPage(), contentType: V1_CONTENT_TYPE };
  let upstream: { errors?: Array<{ title?: string; detail?: string | null }>; message?: string } = {};
  try {
    upstream = JSON.parse(response.body) as typeof upstream;
  } catch {
    // not JSON: described by its status alone
  }
  const first = upstream.errors?.[0];
  const message = `Confluence answered: ${upstream.message ?? first?.detail ?? first?.title ?? STATUS_CODES[response.status] ?? response.status}`;
  return { ...response, body: JSON.stringify(v1ErrorBody(response.status, message)), contentType: V1_CONTENT_TYPE };
}

/** REST v1 routes: Confluence's own refusals (v1's, or v2's behind a translation) reach the client in v1's envelope. */
export function v1Routes(routes: RouteDefinition[]): RouteDefinition[] {
  return routes.map((route) => ({ ...route, handler: async (context) => asV1Refusal(await route.handler(context)) }));
}
