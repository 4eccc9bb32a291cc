/**
 * No title from outside the token's scope in any answer (issue 16, item 7): pages above a page-tree
 * token's root and in other spaces get planted titles, then every route of the gateway's table (the
 * bench's one scenario per route) runs with that token, v1 reads also with every expansion they
 * document, and every string of every answer is searched for the planted titles.
 */
import { routeScenarios } from '../../scripts/bench/route-costs';
import { gateway, issueToken, SEED, withApp } from '../../scripts/bench/fixture';
import { ROUTES } from '../../src/use-cases/gateway/routes';

const PLANTED = 'Planted outside the scope';
const { docsHome, gettingStarted, installation, engHome } = SEED.pages;

/** Every string in a JSON value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  return [];
}

const rename = (id: string, title: string) => JSON.stringify({ id, status: 'current', title, body: { representation: 'storage', value: '<p>x</p>' }, version: { number: 2 } });

it('no answer of any route, with any documented expansion, names a page outside a page-tree token’s scope', async () => {
  const leaks: string[] = [];
  let answers = 0;
  await withApp(async (app) => {
    // Above the tree's root (same space), and in a space the owner reads but the token does not reach.
    const docsAdmin = `Bearer ${(await issueToken(app, 'alice')).token}`;
    const engAdmin = `Bearer ${(await issueToken(app, 'bob', { spaceKeys: ['ENG'] })).token}`;
    for (const [authorization, id] of [[docsAdmin, docsHome.id], [engAdmin, engHome.id]] as const) {
      const renamed = await gateway(app, { method: 'PUT', path: `/wiki/api/v2/pages/${id}`, authorization, body: rename(id, `${PLANTED} ${id}`) });
      expect(renamed.statusCode).toBe(200);
    }
    const authorization = `Bearer ${(await issueToken(app, 'alice', { pageIds: [gettingStarted.id] })).token}`;
    const made = {};
    for (const scenario of routeScenarios({ page: installation.id, parent: gettingStarted.id })) {
      const request = scenario.request(made);
      const route = ROUTES.find((candidate) => `${candidate.method} ${candidate.path}` === scenario.route);
      const expansions = route?.v1Answer?.expand ?? [];
      const variants = route?.method === 'GET' ? [undefined, ...expansions, expansions.join(',')] : [undefined];
      for (const expand of variants) {
        const response = await gateway(app, { ...request, ...(expand ? { query: { ...request.query, expand } } : {}), authorization });
        answers += 1;
        if (expand === undefined) scenario.keep?.(made, response.body ? JSON.parse(response.body) : {});
        if (strings(response.body ? JSON.parse(response.body) : null).some((text) => text.includes(PLANTED))) leaks.push(`${scenario.route}${expand ? `?expand=${expand}` : ''}`);
      }
    }
  });
  expect(leaks).toEqual([]);
  expect(answers).toBeGreaterThan(ROUTES.length);
});
