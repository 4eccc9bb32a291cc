/**
 * Every REST v1 answer the gateway gives follows the schema of Atlassian's v1 spec that its route
 * names (`v1Answer` in the route table), for every expansion the route documents, in strict mode.
 * Generated from the route table and the bench's one scenario per route: a new v1 route is covered by
 * declaring its schema, and a route without one fails here. Answers the stand-in builds itself
 * (search, labels, user, uploads) pass through the same check.
 */
import { ROUTE_SCENARIOS } from '../../scripts/bench/route-costs';
import { gateway, issueToken, withApp } from '../../scripts/bench/fixture';
import { ROUTES } from '../../src/use-cases/gateway/routes';
import { V1_SCHEMA_NAMES, v1SchemaProblems } from '../support/v1-schemas';

const V1_ROUTES = ROUTES.filter((route) => route.path.startsWith('/wiki/rest/api/'));
const routeOf = (key: string) => V1_ROUTES.find((route) => `${route.method} ${route.path}` === key);

describe('v1 answers against the v1 schemas of Atlassian’s spec', () => {
  it('every v1 route names the schema its answer follows, and the contract carries it', () => {
    const undeclared = V1_ROUTES.filter((route) => route.method !== 'DELETE' && !route.v1Answer).map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
    const unknown = V1_ROUTES.flatMap((route) => (route.v1Answer && !V1_SCHEMA_NAMES.includes(route.v1Answer.schema) ? [route.v1Answer.schema] : []));
    expect(unknown).toEqual([]);
  });

  it('every route × documented expansion (and all of them at once) validates, as do its refusals', async () => {
    const problems: string[] = [];
    let checked = 0;
    await withApp(async (app) => {
      const authorization = `Bearer ${(await issueToken(app, 'alice')).token}`;
      const made = {};
      for (const scenario of ROUTE_SCENARIOS) {
        const request = scenario.request(made);
        const response = await gateway(app, { ...request, authorization });
        const body = response.body ? JSON.parse(response.body) : undefined;
        scenario.keep?.(made, body ?? {});
        const route = routeOf(scenario.route);
        if (!route?.v1Answer) continue;
        const check = (label: string, status: number, value: unknown, schema = route.v1Answer!.schema) => {
          checked += 1;
          if (status >= 400) schema = 'Error';
          else if (status !== 200) return problems.push(`${label}: status ${status}`);
          problems.push(...v1SchemaProblems(schema, value).map((problem) => `${label} (${schema}): ${problem}`));
        };
        check(scenario.route, response.statusCode, body);
        if (route.method !== 'GET') continue;
        const expansions = route.v1Answer.expand ?? [];
        for (const expand of [...expansions, expansions.join(',')].filter(Boolean)) {
          const answer = await gateway(app, { ...request, query: { ...request.query, expand }, authorization });
          check(`${scenario.route}?expand=${expand}`, answer.statusCode, JSON.parse(answer.body ?? 'null'));
        }
        if (route.path.includes('{id}')) {
          const missing = await gateway(app, { ...request, path: request.path.replace(/\/content\/\d+/, '/content/999999'), authorization });
          check(`${scenario.route} (missing page)`, missing.statusCode, JSON.parse(missing.body ?? 'null'));
        }
      }
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(V1_ROUTES.length);
  });
});
