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
  reads: number;
  writes: number;
}

interface Made {
  pageId?: string;
  propertyId?: string;
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

/** One scenario per route in the gateway's table, aimed at `target`. */
export function routeScenarios({ page: PAGE, parent }: RouteTarget): RouteScenario[] {
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
    { route: `DELETE ${v2}/pages/{id}/properties/{propertyId}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v2}/pages/${PAGE}/properties/${made.propertyId}` }) },
    { route: `DELETE ${v2}/pages/{id}`, status: 204, request: (made) => ({ method: 'DELETE', path: `${v2}/pages/${made.pageId}` }) },
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
  return { route: scenario.route, status: response.statusCode, upstreamCalls: app.platform.productCalls.length, reads: counters.readRequests, writes: counters.writeRequests };
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
