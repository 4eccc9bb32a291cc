import { EXPANSION_CALL_BUDGET, expandsOf, planExpansions, servedAlone } from '../../src/use-cases/gateway/v1-expansions';

const asked = (expand: string) => expandsOf(new URLSearchParams({ expand }));

describe('v1 expansions', () => {
  it('reads a.b.c as a, a.b and a.b.c, comma-separated or repeated', () => {
    expect([...asked('history.lastUpdated.by, space')]).toEqual(['history', 'history.lastUpdated', 'history.lastUpdated.by', 'space']);
    expect([...expandsOf(new URLSearchParams('expand=version&expand=body.storage'))]).toEqual(['version', 'body', 'body.storage']);
  });

  it('serves only what the table names; anything else is ignored', () => {
    expect([...planExpansions(asked('restrictions.read,nonsense,version'), 1).served]).toEqual(['version']);
  });

  it('grants needs in table order within the budget, and serves an expansion only with all its needs', () => {
    const plan = planExpansions(asked('space,ancestors,children.page'), 1);
    expect([...plan.needs].sort()).toEqual(['ancestors', 'space', 'titles']);
    expect(plan.served.has('children.page')).toBe(false);
    expect(planExpansions(asked('children.page'), 1).served.has('children.page')).toBe(true);
    expect(planExpansions(asked('space'), EXPANSION_CALL_BUDGET).served.size).toBe(0);
  });

  it('lists, per route, what is served when asked alone', () => {
    expect(servedAlone(2, { unavailable: ['ancestors', 'children', 'labels', 'users', 'body'] })).toEqual(['space', 'container', 'space.homepage']);
  });
});
