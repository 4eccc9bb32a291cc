import { measureCrossBranchMove, measurePageTreeCosts, measureTreeLists } from '../../scripts/bench/page-tree-costs';
import { ROUTES } from '../../src/use-cases/gateway/routes';

describe('what page-tree scope costs in Confluence calls (npm run bench measures the same)', () => {
  it('costs every route at most one call over the same route for a whole-space token', async () => {
    const costs = await measurePageTreeCosts();
    expect(costs.map((cost) => cost.route).sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    expect(costs.filter((cost) => cost.extra > 1)).toEqual([]);
    // Measured, so it must show: the page routes do pay for ancestry here.
    expect(costs.find((cost) => cost.route === 'GET /wiki/api/v2/pages/{id}')?.extra).toBe(1);
  });

  it('costs a move across branches two calls (the page’s ancestors and the new parent’s)', async () => {
    expect((await measureCrossBranchMove()).extra).toBe(2);
  });

  it('costs a page list at most 3 calls whatever its size: the list, then one search placing every page its own parent links do not (issue 16, item 6)', async () => {
    const lists = await measureTreeLists();
    expect(lists.map((list) => list.route)).toEqual(['GET /wiki/api/v2/pages', 'GET /wiki/api/v2/spaces/{id}/pages', 'GET /wiki/rest/api/content']);
    expect(lists.filter((list) => list.calls > 3)).toEqual([]);
    // Measured, so it must show: the v2 lists (newest first) do have pages to place.
    expect(lists[0]!.calls).toBe(2);
  });
});
