/**
 * The rendered-body rule at the gateway: a rendered body (core/rendered-body.ts says which formats are
 * rendered and what may not be in them) reaches the client only when the page's storage body, at the
 * very version rendered, holds nothing that pulls in other content. Every call a route makes to
 * Confluence passes here (scope-guard.ts's guardedConfluence), whatever its route or expansion, so a
 * new route or expansion that asks for a rendering is checked without knowing of this rule.
 *
 * Cost: at most one extra Confluence call per request. A single page's storage is often already at
 * hand (the scope look-up reads it instead of the rendering); otherwise one `GET /pages/{id}` with
 * `body-format=storage` (same version), or for a list one `GET /pages?id=…` for all its pages.
 */
import { AppError } from '../../core/errors';
import { foreignContentIn, isRenderedFormat, renderedFormatsAsked, type ForeignContent } from '../../core/rendered-body';
import { MAX_PAGE_IDS, type UpstreamResponse } from '../../ports/confluence';
import type { GuardState, RouteContext } from './route';

/** What a page's storage at one version holds that would pull in other content (undefined: nothing), by `id@version`. */
type Checked = Map<string, ForeignContent | undefined>;

/** Storage bodies this request has read already: a rendering of the same version needs no other call. */
const checkedByRequest = new WeakMap<GuardState, Checked>();

const keyOf = (id: string, version: number | undefined) => `${id}@${version ?? '?'}`;

function checked(context: RouteContext): Checked {
  let known = checkedByRequest.get(context.guard);
  if (!known) checkedByRequest.set(context.guard, (known = new Map()));
  return known;
}

interface StoragePage {
  id?: unknown;
  version?: { number?: unknown };
  body?: { storage?: { value?: unknown } };
}

const versionOf = (page: { version?: { number?: unknown } }) => (typeof page.version?.number === 'number' ? page.version.number : undefined);

function remember(context: RouteContext, page: StoragePage): void {
  const storage = page.body?.storage?.value;
  if (page.id === undefined || typeof storage !== 'string') return;
  checked(context).set(keyOf(String(page.id), versionOf(page)), foreignContentIn(storage));
}

/** Does this query ask Confluence for a rendering? */
export function asksRendering(query: URLSearchParams): boolean {
  return renderedFormatsAsked(query).length > 0;
}

/**
 * What a scope look-up asks instead of a rendering: the page's storage body, which the rule reads.
 * The look-up then serves as the check, and the rendering is asked for once the page is in scope.
 */
export function storageInstead(query: URLSearchParams): URLSearchParams {
  if (!query.getAll('body-format').some(isRenderedFormat)) return query;
  const storage = new URLSearchParams(query);
  storage.set('body-format', 'storage');
  return storage;
}

/** Records the storage body a look-up brought back, so the rendering that follows costs no check call. */
export function rememberStorageOf(context: RouteContext, response: UpstreamResponse): void {
  if (response.status === 200) remember(context, JSON.parse(response.body) as StoragePage);
}

/**
 * The query to send when it asks for a rendering: every rendered page must come with its version, so
 * that the check reads the same version. `include-version` is left to its default (true), and each
 * v1 expansion path that renders a body also expands that content's `version`.
 */
export function withVersions(query: URLSearchParams): URLSearchParams {
  if (!asksRendering(query)) return query;
  const sent = new URLSearchParams(query);
  sent.delete('include-version');
  const expands = sent.getAll('expand').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (expands.length > 0) {
    const versions = expands.map((path) => path.split('.')).filter((steps) => steps.includes('body')).map((steps) => [...steps.slice(0, steps.indexOf('body')), 'version'].join('.'));
    sent.set('expand', [...new Set([...expands, ...versions])].join(','));
  }
  return sent;
}

interface Rendered {
  id: string;
  version: number | undefined;
}

/** Every object of the answer that carries a rendered body, wherever it is nested (v1 expansions nest content). */
function renderedIn(value: unknown, formats: ReadonlySet<string>, found: Rendered[] = []): Rendered[] {
  if (Array.isArray(value)) {
    for (const item of value) renderedIn(item, formats, found);
  } else if (typeof value === 'object' && value !== null) {
    const object = value as { id?: unknown; body?: Record<string, unknown>; version?: { number?: unknown } };
    const body = object.body;
    if (typeof body === 'object' && body !== null && Object.keys(body).some((format) => formats.has(format))) {
      found.push({ id: String(object.id), version: versionOf(object) });
    }
    for (const child of Object.values(object)) renderedIn(child, formats, found);
  }
  return found;
}

const refused = (message: string) =>
  new AppError('RENDERED_BODY_REFUSED', `${message} Read the page's source with body-format=storage (REST v1: expand=body.storage) instead.`);

/** The storage bodies of the pages not already checked, in one call: the page itself, or a list by ids. */
async function fetchStorage(context: RouteContext, query: URLSearchParams, pages: Rendered[], single: boolean): Promise<void> {
  if (pages.length === 0) return;
  if (pages.length > MAX_PAGE_IDS) throw refused(`More than ${MAX_PAGE_IDS} rendered pages cannot be checked in one call; ask for fewer.`);
  if (single) {
    const storage = new URLSearchParams();
    for (const name of ['version', 'status', 'get-draft']) for (const value of query.getAll(name)) storage.append(name, value);
    storage.set('body-format', 'storage');
    const answer = await context.guard.lookups.getPage(pages[0]!.id, storage);
    if (answer.status === 200) rememberStorageOf(context, answer);
    return;
  }
  const ids = [...new Set(pages.map((page) => page.id))];
  const answer = await context.guard.lookups.listPages(
    new URLSearchParams({ id: ids.join(','), 'body-format': 'storage', status: 'current,archived', limit: String(MAX_PAGE_IDS) }),
  );
  if (answer.status !== 200) return;
  for (const page of (JSON.parse(answer.body) as { results?: StoragePage[] }).results ?? []) remember(context, page);
}

/**
 * Confluence's answer to a call that asked for a rendering, let through only when each rendered page's
 * storage, at the version rendered, pulls in nothing from elsewhere; otherwise `RENDERED_BODY_REFUSED`
 * naming the page and what is in it. A page whose storage cannot be read, or that changed between the
 * two reads, is refused too: the rule never lets a rendering through unchecked.
 */
export async function checkRendering(context: RouteContext, query: URLSearchParams, response: UpstreamResponse): Promise<UpstreamResponse> {
  const formats = new Set(renderedFormatsAsked(query));
  if (formats.size === 0 || response.status !== 200) return response;
  const answer = JSON.parse(response.body) as unknown;
  const pages = renderedIn(answer, formats);
  const single = !Array.isArray((answer as { results?: unknown }).results);
  const unchecked = (page: Rendered) => page.version === undefined || !checked(context).has(keyOf(page.id, page.version));
  await fetchStorage(context, query, pages.filter(unchecked), single);
  for (const page of pages) {
    if (unchecked(page)) {
      throw refused(`Page ${page.id} could not be checked at the version rendered (it changed meanwhile, or is not a page), so it is not rendered; try again.`);
    }
    const foreign = checked(context).get(keyOf(page.id, page.version));
    if (foreign) throw refused(`Page ${page.id} holds ${foreign}; Confluence would render it with content from outside this token's scope.`);
  }
  return response;
}
