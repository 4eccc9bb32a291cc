/**
 * Links in Confluence's answers, made to keep a client on the gateway. Confluence gives `_links.base`
 * (`https://site/wiki`), relative `_links.next` (`/wiki/api/v2/…?cursor=`, relative to the site root,
 * which for a client of the gateway is the gateway's URL) and `Link: <next>; rel="next", <base>; rel="base"`.
 * The gateway answers with its own base, an absolute next link on itself in `Link` (a relative one
 * would resolve against the request's URL and leave the trigger's path), and people links (`webui`,
 * `tinyui`, `download`, …) relative to `_links.base`, as Confluence sends them: clients build
 * `_links.base + webui`, which lands on the gateway, and the gateway sends people on to the site
 * (`peopleRedirect`). Absolute API links on Confluence (v1's `self`) move to the gateway too.
 */
import type { UpstreamResponse } from '../../ports/confluence';

/** Links for people, relative to `_links.base` as Confluence sends them: never rewritten. */
const HUMAN_LINKS = new Set(['webui', 'editui', 'edituiv2', 'tinyui', 'download', 'webuiLink', 'downloadLink']);

/**
 * Where people links point below `/wiki`: the page, space, short-link, legacy display and download
 * paths of Confluence's own UI. A browser opening one on the gateway is sent to the site.
 */
const PEOPLE_PATH = /^\/wiki\/(?:spaces|pages|display|x|download)\/[^/\\]/;

/** Keys under which a body holds content rather than links: a property's value is whatever its author stored. */
const CONTENT_KEYS = new Set(['value']);

interface Rewrite {
  /** Confluence's base, e.g. `https://site.atlassian.net/wiki`, when the answer names it. */
  confluenceBase: string | undefined;
  /** The gateway's base, e.g. `https://…/public/<id>/wiki`; undefined when unknown (links are then dropped). */
  gatewayBase: string | undefined;
}

function parseLinkHeader(header: string): Array<{ url: string; rel: string }> {
  return [...header.matchAll(/<([^>]*)>\s*;\s*rel="?([^",;]+)"?/g)].map(([, url, rel]) => ({ url, rel }));
}

function rewriteValue(key: string, value: string, inLinks: boolean, { confluenceBase, gatewayBase }: Rewrite): string | undefined {
  if (HUMAN_LINKS.has(key)) return value;
  if (inLinks && confluenceBase && value.startsWith(confluenceBase)) {
    return gatewayBase ? gatewayBase + value.slice(confluenceBase.length) : undefined;
  }
  return value;
}

function rewriteTree(node: unknown, rewrite: Rewrite, inLinks = false): void {
  if (Array.isArray(node)) return node.forEach((item) => rewriteTree(item, rewrite));
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') {
      const rewritten = rewriteValue(key, value, inLinks, rewrite);
      if (rewritten === undefined) delete record[key];
      else record[key] = rewritten;
    } else if (!CONTENT_KEYS.has(key)) {
      rewriteTree(value, rewrite, key === '_links');
    }
  }
}

function parseObject(body: string): { _links?: Record<string, unknown> } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Only `next` and `base` are kept, both on the gateway; nothing when the gateway's URL is unknown. */
function rewriteLink(header: string, gatewayRoot: string | undefined, confluenceBase: string | undefined): string | undefined {
  if (!gatewayRoot) return undefined;
  const siteRoot = confluenceBase?.replace(/\/wiki$/, '');
  const links = parseLinkHeader(header).flatMap(({ url, rel }) => {
    if (rel === 'base') return [`<${gatewayRoot}/wiki>; rel="base"`];
    if (rel !== 'next') return [];
    if (url.startsWith('/')) return [`<${gatewayRoot}${url}>; rel="next"`];
    if (siteRoot && url.startsWith(`${siteRoot}/`)) return [`<${gatewayRoot}${url.slice(siteRoot.length)}>; rel="next"`];
    return [];
  });
  return links.length > 0 ? links.join(', ') : undefined;
}

/** Whether the answer has links to rewrite, so the gateway's own URL is looked up only when needed. */
export function hasLinks(response: UpstreamResponse): boolean {
  return response.link !== undefined || response.body.includes('"_links"');
}

/**
 * The answer with its links on the gateway at `gatewayRoot` (the web trigger's URL, no trailing
 * slash), or with its API links dropped when that is unknown: a client must never be sent to
 * Confluence with the gateway's token.
 */
export function rewriteLinks(response: UpstreamResponse, gatewayRoot: string | undefined): UpstreamResponse {
  const isJson = /\bjson\b/i.test(response.contentType ?? '');
  const parsed = isJson ? parseObject(response.body) : undefined;
  const base = parsed?._links?.base;
  const linkBase = response.link && parseLinkHeader(response.link).find((link) => link.rel === 'base')?.url;
  const confluenceBase = (typeof base === 'string' ? base : linkBase || undefined)?.replace(/\/$/, '');
  const gatewayBase = gatewayRoot && `${gatewayRoot}/wiki`;
  let body = response.body;
  if (parsed) {
    rewriteTree(parsed, { confluenceBase, gatewayBase });
    if (parsed._links && 'base' in parsed._links) {
      if (gatewayBase) parsed._links.base = gatewayBase;
      else delete parsed._links.base;
    }
    body = JSON.stringify(parsed);
  }
  const link = response.link === undefined ? undefined : rewriteLink(response.link, gatewayRoot, confluenceBase);
  return { ...response, body, link };
}

/** Whether a request opens a people link (answered without a token: it only sends the browser on to the site). */
export const isPeoplePath = (method: string, path: string) => ['GET', 'HEAD'].includes(method.toUpperCase()) && PEOPLE_PATH.test(path);

/**
 * Where a people link opened on the gateway (`GET <gateway>/wiki/spaces/…`) goes: the same path and
 * query on the site, whose base (`https://site/wiki`) comes from Confluence itself, never from the
 * request. Undefined for anything else, so only people paths redirect and only ever to the site:
 * the path is resolved against the site first (dot segments, encodings), and must still be a people
 * path of that site afterwards; backslashes and control characters are refused outright.
 */
export function peopleRedirect(method: string, path: string, query: URLSearchParams, siteBase: string): string | undefined {
  if (!isPeoplePath(method, path) || /[\\\u0000-\u001f\u007f]/.test(path)) return undefined;
  const base = new URL(siteBase.replace(/\/+$/, ''));
  const prefix = base.pathname.replace(/\/wiki$/, '');
  const target = new URL(`${prefix}${path}`, base.origin);
  const stays = target.origin === base.origin && target.pathname.startsWith(prefix) && PEOPLE_PATH.test(target.pathname.slice(prefix.length));
  if (!stays) return undefined;
  const search = query.toString();
  target.search = search ? `?${search}` : '';
  return target.href;
}
