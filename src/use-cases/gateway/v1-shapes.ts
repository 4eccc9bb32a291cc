/**
 * REST v2 answers re-shaped as REST v1 ones, for the v1 content routes Atlassian removed from its spec
 * but clients still send. Only what v2 tells is shown: a field the answer cannot fill is left in
 * `_expandable` (v1's own "not expanded"), never invented.
 */
import { STATUS_CODES } from 'node:http';
import type { UpstreamResponse } from '../../ports/confluence';
import { ok, type RouteDefinition } from './route';
import type { Person } from './user-directory';
import type { ContentExpansion } from './v1-expansions';

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
  authorId?: string;
  createdAt?: string;
  /** With `include-labels`. */
  labels?: { results?: Array<{ id?: unknown; name?: unknown; prefix?: unknown }> };
  body?: Record<string, { value?: string; representation?: string } | undefined>;
  _links?: Record<string, string | undefined>;
}

export interface V2Space {
  id: string;
  key: string;
  name?: string;
  type?: string;
  status?: string;
  homepageId?: string | null;
  _links?: Record<string, string | undefined>;
}

export function v1Space(space: V2Space, homepage?: unknown) {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name ?? space.key,
    type: space.type ?? 'global',
    status: space.status ?? 'current',
    ...(homepage ? { homepage } : {}),
    _expandable: { description: '', ...(homepage ? {} : { homepage: '' }) },
    _links: { webui: space._links?.webui ?? `/spaces/${space.key}` },
  };
}

/**
 * A person as v1's `User` has them: from the answer's one user look-up (user-directory.ts), or by
 * account id alone when Confluence did not describe them.
 */
export function v1User(accountId: string, people: ReadonlyMap<string, Person> | undefined) {
  const person = people?.get(accountId);
  const picture = person?.profilePicture;
  return {
    type: 'known',
    accountId,
    accountType: person?.accountType ?? 'atlassian',
    ...(person?.displayName !== undefined ? { displayName: person.displayName } : {}),
    ...(person?.publicName !== undefined ? { publicName: person.publicName } : {}),
    ...(picture?.path !== undefined
      ? { profilePicture: { path: picture.path, width: picture.width ?? 48, height: picture.height ?? 48, isDefault: picture.isDefault ?? false } }
      : {}),
    _expandable: { operations: '', personalSpace: '' },
  };
}

/** `version.by` names the account of the version's author: the token's owner for edits made through it. */
export function v1Version(version: V2Version, people?: ReadonlyMap<string, Person>) {
  return {
    by: v1User(version.authorId ?? '', people),
    when: version.createdAt ?? '',
    number: version.number ?? 1,
    message: version.message ?? '',
    minorEdit: version.minorEdit ?? false,
  };
}

/** A page named inside another answer (an ancestor, a child, a space's homepage): what v1 always shows of one. */
export function v1NestedPage(page: V2Page, spaceKey: string | undefined) {
  const webui = page._links?.webui ?? (spaceKey ? `/spaces/${spaceKey}/pages/${page.id}` : undefined);
  return {
    id: String(page.id),
    type: 'page',
    status: page.status ?? 'current',
    title: page.title ?? '',
    _links: { ...(webui ? { webui } : {}), ...(page._links?.tinyui ? { tinyui: page._links.tinyui } : {}) },
  };
}

/** What an answer fetched for a page's expansions (v1-expanded.ts); absent parts stay in `_expandable`. */
export interface V1ContentParts {
  served: ReadonlySet<ContentExpansion>;
  space?: V2Space;
  /** The space's homepage, when served and in scope. */
  homepage?: V2Page;
  /** Top-down, as v1 lists them, already trimmed to the token's scope. */
  ancestors?: V2Page[];
  children?: V2Page[];
  labels?: Array<{ id?: unknown; name?: unknown; prefix?: unknown }>;
  people?: ReadonlyMap<string, Person>;
  /** The page's space key, for links of nested pages that come without one. */
  spaceKey?: string;
}

/** A v2 page as v1 `Content`, with the expansions served; nothing is invented for what was not fetched. */
export function v1Content(page: V2Page, parts: V1ContentParts) {
  const { served, space, homepage, ancestors, children, labels, people, spaceKey } = parts;
  const body: Record<string, unknown> = {};
  for (const format of ['storage', 'atlas_doc_format'] as const) {
    const rendered = page.body?.[format];
    if (served.has(`body.${format}`) && rendered?.value !== undefined) body[format] = { value: rendered.value, representation: format, _expandable: {} };
  }
  const shown = {
    space: served.has('space') && space ? v1Space(space, served.has('space.homepage') && homepage ? v1NestedPage(homepage, space.key) : undefined) : undefined,
    container: served.has('container') && space ? v1Space(space) : undefined,
    version: served.has('version') && page.version ? v1Version(page.version, people) : undefined,
    history: served.has('history') ? v1History(page, served.has('history.lastUpdated'), people) : undefined,
    ancestors: served.has('ancestors') && ancestors ? ancestors.map((ancestor) => v1NestedPage(ancestor, spaceKey ?? space?.key)) : undefined,
    children: served.has('children.page') && children ? v1Children(page, children, spaceKey ?? space?.key) : undefined,
    metadata: served.has('metadata.labels') && labels ? { labels: { results: labels.map(v1Label), start: 0, limit: labels.length, size: labels.length, _links: {} }, _expandable: {} } : undefined,
    body: Object.keys(body).length > 0 ? body : undefined,
  };
  const expandable: Record<string, string> = {};
  for (const [name, value] of Object.entries(shown)) if (value === undefined) expandable[name] = '';
  return {
    id: String(page.id),
    type: 'page',
    status: page.status ?? 'current',
    title: page.title ?? '',
    ...Object.fromEntries(Object.entries(shown).filter(([, value]) => value !== undefined)),
    _expandable: expandable,
    _links: {
      ...(page._links?.webui ? { webui: page._links.webui } : {}),
      ...(page._links?.tinyui ? { tinyui: page._links.tinyui } : {}),
      ...(page._links?.editui ? { editui: page._links.editui } : {}),
      ...(page._links?.base ? { base: page._links.base } : {}),
    },
  };
}

/** v1 `ContentHistory` from what v2 tells of a page: who created it and when, and its current version. */
function v1History(page: V2Page & { authorId?: string; createdAt?: string }, lastUpdated: boolean, people?: ReadonlyMap<string, Person>) {
  return {
    latest: page.status !== 'historical',
    ...(page.authorId !== undefined ? { createdBy: v1User(page.authorId, people) } : {}),
    ...(page.createdAt !== undefined ? { createdDate: page.createdAt } : {}),
    ...(lastUpdated && page.version ? { lastUpdated: v1Version(page.version, people) } : {}),
    _expandable: { ...(lastUpdated ? {} : { lastUpdated: '' }), previousVersion: '', contributors: '', nextVersion: '' },
  };
}

function v1Children(page: V2Page, children: V2Page[], spaceKey: string | undefined) {
  return {
    page: { results: children.map((child) => v1NestedPage(child, spaceKey)), start: 0, limit: CHILDREN_LIMIT, size: children.length, _links: {} },
    _expandable: { attachment: `/rest/api/content/${page.id}/child/attachment`, comment: '' },
  };
}

/** How many child pages `children.page` lists, as Confluence's default page size. */
export const CHILDREN_LIMIT = 25;

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
