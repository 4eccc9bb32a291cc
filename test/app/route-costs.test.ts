import { measureRouteCosts, ROUTE_SCENARIOS, type RouteCost } from '../../scripts/bench/route-costs';
import { EXPANSION_CALL_BUDGET } from '../../src/use-cases/gateway/v1-expansions';
import { ROUTES } from '../../src/use-cases/gateway/routes';

describe('what each gateway route costs (npm run bench measures the same)', () => {
  it('has a bench scenario for every route in the gateway’s table', () => {
    const routes = ROUTES.map((route) => `${route.method} ${route.path}`).sort();
    expect(ROUTE_SCENARIOS.map((scenario) => scenario.route).sort()).toEqual(routes);
  });

  it('makes at most 3 Confluence calls (v1 expansions: the one more their table names, and one user look-up), 1 storage read and 1 storage write per read, 2 per change (a rotation writes the token too)', async () => {
    const costs = await measureRouteCosts();
    // A change writes its audit record before Confluence is asked, then its result (issue 10, item 2).
    const writes = (route: string) => (route === 'POST /self/rotate' || !route.startsWith('GET ') ? 2 : 1);
    const calls = (cost: RouteCost) => (cost.expands ? EXPANSION_CALL_BUDGET : 3);
    const over = costs.filter((cost) => cost.upstreamCalls - cost.userLookUps > calls(cost) || cost.userLookUps > 1 || cost.reads > 1 || cost.writes > writes(cost.route));
    expect(over).toEqual([]);
  });
});
