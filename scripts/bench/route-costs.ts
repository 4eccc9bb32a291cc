/**
 * What each gateway route costs per successful request: Confluence calls (what Forge meters and
 * Confluence rate-limits) and KVS requests. Every route in the gateway's table has one scenario here;
 * routes run in order on one app, so later ones can use what earlier ones created.
 */
import type { EmulatedApp } from '../../emulator/app';
import { gateway, issueToken, pageBody, SEED, withApp, type GatewayRequest } from './fixture';

export interface RouteCost {
  route: string;
  status: number;
  upstreamCalls: number;
  /** Of those, the batched user look-up (v2 users-bulk; remembered per instance for a few minutes). */
  userLookUps: number;
  /** Whether the request asked for v1 expansions (they may cost the one call more the expansions table names). */
  expands: boolean;
  reads: number;
  writes: number;
}

interface Made {
  pageId?: string;
  propertyId?: string;
  v1PageId?: string;
}

interface RouteScenario {
  /** The route as in the gateway's table: method and path template. */
  route: string;
  status: number;
  request: (made: Made) => Omit<GatewayRequest, 'authorization'>;
  /** Keeps what the answer created, for later scenarios. */
  keep?: (made: Made, body: any) => void;
}

const DOCS = SEED.spaces.DOCS.id;
const v2 = '/wiki/api/v2';
const json = (value: unknown) => JSON.stringify(value);

/** The page the page routes work on, and the parent new pages go under. */
export interface RouteTarget {
  page: string;
  parent: string;
}

const DEFAULT_TARGET: RouteTarget = { page: SEED.pages.gettingStarted.id, parent: SEED.pages.docsHome.id };

const v1 = '/wiki/rest/api';
/** v1 expansions that cost calls (v1-expansions.ts), so a scenario measures its route's worst case. */
const EXPAND_ALL = 'body.storage,version,history.lastUpdated,space.homepage,container,ancestors,children.page,metadata.labels';
const BOUNDARY = 'benchBoundary';
const multipart = [`--${BOUNDARY}`, 'Content-Disposition: form-data; name="file"; filename="bench.txt"', 'Content-Type: text/plain', '', 'bench', `--${BOUNDARY}--`, ''].join('\r\n');
const upload = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'x-atlassian-token': 'no-check' };
const v1Page = (fields: Record<string, unknown>) => json({ type: 'page', space: { key: 'DOCS' }, body: { storage: { value: '<p>bench</p>', representation: 'storage' } }, ...fields });

/** REST v1, after the v2 routes: the same token, a page of its own under `parent`. */
function v1Scenarios({ parent }: RouteTarget): RouteScenario[] {
  return [
    { route: `GET ${v1}/user/current`, status: 200, request: () => ({ path: `${v1}/user/current` }) },
    {
      route: `POST ${v1}/content`,
      status: 200,
      request: () => ({ method: 'POST', path: `${v1}/content`, body: v1Page({ title: 'Route cost v1', ancestors: [{ id: parent }] }) }),
      keep: (made, body) => (made.v1PageId = body.id),
    },
    { route: `GET ${v1}/content`, status: 200, request: () => ({ path: `${v1}/content`, query: { spaceKey: 'DOCS', title: 'Route cost v1', expand: EXPAND_ALL } }) },
    { route: `GET ${v1}/content/{id}`, status: 200, request: (made) => ({ path: `${v1}/content/${made.v1PageId}`, query: { expand: EXPAND_ALL } }) },
    {
      route: `PUT ${v1}/content/{id}`,
      status: 200,
      request: (made) => ({ method: 'PUT', path: `${v1}/content/${made.v1PageId}`, body: v1Page({ title: 'Route cost v1 (2)', ancestors: [{ id: parent }], version: { number: 2 } }) }),
    },
    { route: `GET ${v1}/content/{id}/child/page`, status: 200, request: () => ({ path: `${v1}/content/${parent}/child/page` }) },
    { route: `POST ${v1}/content/{id}/label`, status: 200, request: (made) => ({ method: 'POST', path: `${v1}/content/${made.v1PageId}/label`, body: json([{ prefix: 'global', name: 'bench' }, { prefix: 'global', name: 'cost' }]) }) },
    { route: `GET ${v1}/content/{id}/label`, status: 200, request: (made) => ({ path: `${v1}/content/${made.v1PageId}/label` }) },
    { route: `DELETE ${v1}/content/{id}/label`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v1}/content/${made.v1PageId}/label`, query: { name: 'bench' } }) },
    { route: `DELETE ${v1}/content/{id}/label/{label}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v1}/content/${made.v1PageId}/label/cost` }) },
    { route: `POST ${v1}/content/{id}/child/attachment`, status: 200, request: (made) => ({ method: 'POST', path: `${v1}/content/${made.v1PageId}/child/attachment`, headers: upload, body: multipart }) },
    { route: `PUT ${v1}/content/{id}/child/attachment`, status: 200, request: (made) => ({ method: 'PUT', path: `${v1}/content/${made.v1PageId}/child/attachment`, headers: upload, body: multipart }) },
    { route: `GET ${v1}/content/{id}/child/comment`, status: 200, request: () => ({ path: `${v1}/content/${parent}/child/comment`, query: { expand: 'body.storage,version' } }) },
    { route: `GET ${v1}/content/{id}/child/attachment`, status: 200, request: (made) => ({ path: `${v1}/content/${made.v1PageId}/child/attachment` }) },
    { route: `GET ${v1}/search`, status: 200, request: () => ({ path: `${v1}/search`, query: { cql: 'title ~ "Route" OR space = ENG ORDER BY title', limit: '10' } }) },
    { route: `GET ${v1}/content/search`, status: 200, request: () => ({ path: `${v1}/content/search`, query: { cql: 'type = page', expand: 'version' } }) },
    { route: `GET ${v1}/space/{key}`, status: 200, request: () => ({ path: `${v1}/space/DOCS` }) },
    { route: `GET ${v1}/space`, status: 200, request: () => ({ path: `${v1}/space`, query: { spaceKey: 'DOCS' } }) },
    { route: `DELETE ${v1}/content/{id}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v1}/content/${made.v1PageId}` }) },
  ];
}

/** One scenario per route in the gateway's table, aimed at `target`. */
export function routeScenarios(target: RouteTarget): RouteScenario[] {
  const { page: PAGE, parent } = target;
  return [
    { route: 'GET /self', status: 200, request: () => ({ path: '/self' }) },
    { route: `GET ${v2}/spaces`, status: 200, request: () => ({ path: `${v2}/spaces` }) },
    { route: `GET ${v2}/spaces/{id}`, status: 200, request: () => ({ path: `${v2}/spaces/${DOCS}` }) },
    { route: `GET ${v2}/spaces/{id}/pages`, status: 200, request: () => ({ path: `${v2}/spaces/${DOCS}/pages` }) },
    { route: `GET ${v2}/pages`, status: 200, request: () => ({ path: `${v2}/pages`, query: { title: 'Installation' } }) },
    {
      route: `POST ${v2}/pages`,
      status: 200,
      request: () => ({ method: 'POST', path: `${v2}/pages`, body: pageBody({ spaceId: DOCS, parentId: parent, title: 'Route cost' }) }),
      keep: (made, body) => (made.pageId = body.id),
    },
    { route: `GET ${v2}/pages/{id}`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}`, query: { 'body-format': 'storage' } }) },
    { route: `PUT ${v2}/pages/{id}`, status: 200, request: (made) => ({ method: 'PUT', path: `${v2}/pages/${made.pageId}`, body: pageBody({ id: made.pageId, title: 'Route cost v2', version: 2 }) }) },
    ...(['children', 'direct-children', 'descendants', 'ancestors'] as const).map((relation) => ({
      route: `GET ${v2}/pages/{id}/${relation}`,
      status: 200,
      request: () => ({ path: `${v2}/pages/${PAGE}/${relation}` }),
    })),
    { route: `GET ${v2}/pages/{id}/labels`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}/labels` }) },
    { route: `GET ${v2}/pages/{id}/attachments`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}/attachments` }) },
    {
      route: `POST ${v2}/pages/{id}/properties`,
      status: 200,
      request: () => ({ method: 'POST', path: `${v2}/pages/${PAGE}/properties`, body: json({ key: 'bench', value: 1 }) }),
      keep: (made, body) => (made.propertyId = body.id),
    },
    { route: `GET ${v2}/pages/{id}/properties`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}/properties` }) },
    { route: `GET ${v2}/pages/{id}/properties/{propertyId}`, status: 200, request: (made) => ({ path: `${v2}/pages/${PAGE}/properties/${made.propertyId}` }) },
    {
      route: `PUT ${v2}/pages/{id}/properties/{propertyId}`,
      status: 200,
      request: (made) => ({ method: 'PUT', path: `${v2}/pages/${PAGE}/properties/${made.propertyId}`, body: json({ key: 'bench', value: 2, version: { number: 2 } }) }),
    },
    { route: `POST ${v2}/footer-comments`, status: 201, request: () => ({ method: 'POST', path: `${v2}/footer-comments`, body: json({ pageId: PAGE, body: { representation: 'storage', value: '<p>bench</p>' } }) }) },
    { route: `GET ${v2}/pages/{id}/footer-comments`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}/footer-comments`, query: { 'body-format': 'storage' } }) },
    { route: `GET ${v2}/pages/{id}/inline-comments`, status: 200, request: () => ({ path: `${v2}/pages/${PAGE}/inline-comments` }) },
    { route: `DELETE ${v2}/pages/{id}/properties/{propertyId}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v2}/pages/${PAGE}/properties/${made.propertyId}` }) },
    { route: `DELETE ${v2}/pages/{id}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v2}/pages/${made.pageId}` }) },
    ...v1Scenarios(target),
    // Last: the token's secret changes (the old one keeps working for the default 24 hours of grace).
    { route: 'POST /self/rotate', status: 200, request: () => ({ method: 'POST', path: '/self/rotate', body: '{}' }) },
  ];
}

export const ROUTE_SCENARIOS: RouteScenario[] = routeScenarios(DEFAULT_TARGET);

async function measure(app: EmulatedApp, authorization: string, scenario: RouteScenario, made: Made): Promise<RouteCost> {
  app.kvs.resetCounters();
  app.platform.clearRecords();
  const response = await gateway(app, { ...scenario.request(made), authorization });
  if (response.statusCode !== scenario.status) {
    throw new Error(`${scenario.route}: expected ${scenario.status}, got ${response.statusCode} ${response.body}`);
  }
  const counters = app.kvs.counters();
  scenario.keep?.(made, JSON.parse(response.body ?? '{}'));
  const userLookUps = app.platform.productCalls.filter((call) => call.path.startsWith('/wiki/api/v2/users-bulk')).length;
  const expands = Boolean(scenario.request(made).query?.expand);
  return { route: scenario.route, status: response.statusCode, upstreamCalls: app.platform.productCalls.length, userLookUps, expands, reads: counters.readRequests, writes: counters.writeRequests };
}

/**
 * One successful request per route, alice's token for DOCS with every operation; `pageIds` limits the
 * token to page trees (which must hold the target).
 */
export function measureRouteCosts(target: RouteTarget = DEFAULT_TARGET, pageIds?: string[]): Promise<RouteCost[]> {
  return withApp(async (app) => {
    const authorization = `Bearer ${(await issueToken(app, 'alice', pageIds ? { pageIds } : {})).token}`;
    // The first request of a function instance also loads per-instance state (checksum key, gateway URL); measure warm.
    await gateway(app, { path: `${v2}/pages/${target.page}`, authorization });
    const made: Made = {};
    const costs: RouteCost[] = [];
    for (const scenario of routeScenarios(target)) costs.push(await measure(app, authorization, scenario, made));
    return costs;
  });
}
