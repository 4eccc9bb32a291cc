import api, { getAppContext, route } from '@forge/api';
import { AppError } from '../../core/errors';

/**
 * The site's Confluence base (`https://<site>.atlassian.net/wiki`), where the gateway sends people
 * links. Forge tells a web trigger nothing about its site, so it is read from Confluence itself: the
 * `_links.base` of a one-item space list asked as the app (any answer carries it, even an empty one),
 * never from the request. Looked up once per function instance and installation, like the gateway's
 * own URL; a failed look-up is dropped so the next request tries again.
 */
const bases = new Map<string, Promise<string>>();

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
  let base = bases.get(installation);
  if (!base) {
    base = lookUpSiteBase();
    bases.set(installation, base);
    base.catch(() => bases.delete(installation));
  }
  return base;
}
