/**
 * The second line of defence behind CQL confinement: results outside the token's spaces are dropped
 * even if Confluence returned them (here a fake owner port does, which the stand-in never would).
 */
import type { OwnerConfluence, UpstreamResponse } from '../../src/ports/confluence';
import type { RouteContext } from '../../src/use-cases/gateway/route';
import { V1_DOCUMENTED_ROUTES } from '../../src/use-cases/gateway/routes/v1-documented';
import type { TokenRecord } from '../../src/core/token';
import { PageTrees } from '../../src/use-cases/gateway/page-trees';
import { SpaceKeyCache } from '../../src/use-cases/gateway/space-keys';

const SPACE_IDS: Record<string, number> = { DOCS: 10001, ENG: 10002 };
const page = (id: string, spaceKey: string, type = 'page') => ({ id, type, title: `Page ${id}`, space: { id: SPACE_IDS[spaceKey], key: spaceKey } });

function context(path: string, answer: unknown, sent: URLSearchParams[]): RouteContext {
  const confluence = {
    async search(_kind: string, query: URLSearchParams): Promise<UpstreamResponse> {
      sent.push(query);
      return { status: 200, body: JSON.stringify(answer), contentType: 'application/json' };
    },
    // The token's spaces as they are now (keys resolved from ids).
    async listSpaces(): Promise<UpstreamResponse> {
      return { status: 200, body: JSON.stringify({ results: [{ id: '10001', key: 'DOCS' }] }), contentType: 'application/json' };
    },
  } as unknown as OwnerConfluence;
  const deps = { spaceKeys: () => new SpaceKeyCache(), clock: () => 0 } as unknown as RouteContext['deps'];
  const token = { spaces: [{ key: 'DOCS', id: '10001' }], pages: [], operations: ['read'] } as unknown as TokenRecord;
  const query = new URLSearchParams({ cql: 'title ~ "x"', limit: '4' });
  const guard = { lookups: confluence, seenSpaces: new Set<string>(), operationChecked: false, aimed: false, beforeChange: async () => undefined };
  return { token, operation: 'read', confluence, params: {}, query, sentQuery: query, guard, body: '', contentType: undefined, target: { spaceId: null, spaceKey: null, pageId: null }, trees: new PageTrees(token, confluence), auth: undefined as never, deps };
  void path;
}

const route = (path: string) => V1_DOCUMENTED_ROUTES.find((candidate) => candidate.path === path)!;

it('drops results from other spaces and of other types from /search, keeping size and totalSize in step', async () => {
  const sent: URLSearchParams[] = [];
  const upstream = {
    results: [{ content: page('1', 'DOCS') }, { content: page('2', 'ENG') }, { content: page('3', 'DOCS', 'blogpost') }, { content: undefined }],
    start: 0, limit: 4, size: 4, totalSize: 9, cqlQuery: 'q', searchDuration: 1,
    _links: { base: 'https://site/wiki', context: '/wiki', next: '/rest/api/search?cql=space+in+%28%22DOCS%22%29&cursor=abc&limit=4' },
  };
  const answer = await route('/wiki/rest/api/search').handler(context('/wiki/rest/api/search', upstream, sent));
  const body = JSON.parse(answer.body);
  expect(body.results.map((result: any) => result.content.id)).toEqual(['1']);
  expect(body).toMatchObject({ size: 1, totalSize: 6 });
  expect(new URL(body._links.next, 'https://x').searchParams.get('cql')).toBe('title ~ "x"');
  expect(sent[0]!.get('cql')).toBe('space in ("DOCS") AND type = page AND (title ~ "x")');
  expect(sent[0]!.get('expand')).toBe('content.space');
});

it('drops results from other spaces from /content/search', async () => {
  const upstream = { results: [page('1', 'ENG'), page('2', 'DOCS'), { id: '3', type: 'page' }], start: 0, limit: 4, size: 3, _links: {} };
  const answer = await route('/wiki/rest/api/content/search').handler(context('/wiki/rest/api/content/search', upstream, []));
  expect(JSON.parse(answer.body)).toMatchObject({ results: [{ id: '2' }], size: 1 });
});
