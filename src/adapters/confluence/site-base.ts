import api, { getAppContext, route } from '@forge/api';
import { AppError } from '../../core/errors';

/**
 * The site's Confluence base (`https://<site>.atlassian.net/wiki`), where the gateway sends people
 * links. Forge tells a web trigger nothing about its site, so it is read from Confluence itself: the
 * `_links.base` of a one-item space list asked as the app (any answer carries it, even an empty one),
 * never from the request. Looked up once per function instance and installation, like the gateway's
 * own URL. A failed look-up is kept for RETRY_AFTER_MS before the next request tries again: people
 * links are answered without a token, so a flood of them must not become a flood of Confluence calls.
 */
const RETRY_AFTER_MS = 30_000;
const bases = new Map<string, { base: Promise<string>; failedAt?: number }>();

async function lookUpSiteBase(): Promise<string> {
  const response = await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?limit=1`, { headers: { Accept: 'application/json' } });
  const base = response.ok ? ((await response.json()) as { _links?: { base?: unknown } })._links?.base : undefined;
  if (typeof base !== 'string' || !/^https?:\/\/[^/]+(?:\/[^?#]*)?$/.test(base)) {
    throw new AppError('UPSTREAM_UNAVAILABLE', 'The site address could not be had from Confluence; try again shortly.', { retryAfterSeconds: 5 });
  }
  return base.replace(/\/+$/, '');
}

export function siteBase(): Promise<string> {
  const installation = getAppContext().installationAri.toString();
  const known = bases.get(installation);
  if (known && (known.failedAt === undefined || Date.now() - known.failedAt < RETRY_AFTER_MS)) return known.base;
  const entry: { base: Promise<string>; failedAt?: number } = { base: lookUpSiteBase() };
  bases.set(installation, entry);
  entry.base.catch(() => (entry.failedAt = Date.now()));
  return entry.base;
}
