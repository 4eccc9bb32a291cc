import type { TokenRecord } from '../../src/core/token';
import type { OwnerConfluence } from '../../src/ports/confluence';
import { PageTrees } from '../../src/use-cases/gateway/page-trees';
import type { RouteContext } from '../../src/use-cases/gateway/route';
import { keepInScope, trimSearchResult } from '../../src/use-cases/gateway/scope-guard';

/** A route context for a token reaching DOCS (10001) only; the guard needs nothing else here. */
const context = {
  token: { spaces: [{ id: '10001', key: 'DOCS' }], operations: ['read'] } as unknown as TokenRecord,
  target: { spaceId: null, spaceKey: null, pageId: null },
  trees: new PageTrees({ pages: [] }, {} as OwnerConfluence),
  guard: { seenSpaces: new Set<string>() },
} as unknown as RouteContext;

const list = (results: unknown[]) => ({ status: 200, body: JSON.stringify({ results, _links: { next: '/wiki/api/v2/pages?cursor=x' } }), contentType: 'application/json' });

describe('keepInScope', () => {
  it('drops results from spaces outside the scope, whatever Confluence answered', async () => {
    const answer = await keepInScope(context, list([{ id: '1', spaceId: '10001' }, { id: '2', spaceId: '10002' }, { id: '3', spaceId: 10001 }]));
    expect(JSON.parse(answer.body)).toEqual({ results: [{ id: '1', spaceId: '10001' }, { id: '3', spaceId: 10001 }], _links: { next: '/wiki/api/v2/pages?cursor=x' } });
  });

  it('judges results without a space by the page they were listed from, and drops them when that is unknown', async () => {
    const ancestors = list([{ id: '1', type: 'page' }]);
    expect(JSON.parse((await keepInScope(context, ancestors, '10001')).body).results).toHaveLength(1);
    expect(JSON.parse((await keepInScope(context, ancestors, '10002')).body).results).toEqual([]);
    expect(JSON.parse((await keepInScope(context, ancestors)).body).results).toEqual([]);
  });

  it('passes refusals and non-list answers on as they are', async () => {
    const refusal = { status: 404, body: '{"errors":[]}', contentType: 'application/json' };
    expect(await keepInScope(context, refusal)).toBe(refusal);
  });
});

describe('keepInScope for a token limited to the page tree under 20004', () => {
  const ancestorCalls: string[] = [];
  /** Confluence's ancestors of 31 and 32: Home 20001 > Release Notes 20004 > 30001; of 33: Home > Getting Started 20002. */
  const chains: Record<string, string[]> = { '31': ['20001', '20004', '30001'], '32': ['20001', '20004', '30001'], '33': ['20001', '20002'] };
  const confluence = {
    async listRelatedPages(pageId: string) {
      ancestorCalls.push(pageId);
      return { status: 200, body: JSON.stringify({ results: (chains[pageId] ?? []).map((id) => ({ id, type: 'page' })) }) };
    },
    /** The one search placing a list's pages: `… id in (…) AND ancestor in (roots)`, answered from the chains. */
    async search(_kind: string, query: URLSearchParams) {
      const [, ids, roots] = /id in \(([^)]*)\) AND ancestor in \(([^)]*)\)/.exec(query.get('cql') ?? '')!;
      ancestorCalls.push(`search ${ids}`);
      const inside = ids!.split(',').filter((id) => (chains[id] ?? []).some((ancestor) => roots!.split(',').includes(ancestor)));
      return { status: 200, body: JSON.stringify({ results: inside.map((id) => ({ id, type: 'page' })) }) };
    },
  } as unknown as OwnerConfluence;
  const treeContext = () =>
    ({ ...context, trees: new PageTrees({ pages: [{ id: '20004', spaceId: '10001', title: 'Release Notes' }] }, confluence) }) as unknown as RouteContext;
  const page = (id: string, parentId: string | null) => ({ id, spaceId: '10001', parentId });
  const ids = async (answer: Promise<{ body: string }>) => JSON.parse((await answer).body).results.map((result: { id: string }) => result.id);

  beforeEach(() => {
    ancestorCalls.length = 0;
  });

  it('keeps pages under a root, deciding from the list’s own parent links and placing the rest with one search', async () => {
    const results = [page('20001', null), page('20002', '20001'), page('20004', '20001'), page('30001', '20004'), page('31', '30001'), page('32', '30001'), page('33', '20002')];
    expect(await ids(keepInScope(treeContext(), list(results)))).toEqual(['20004', '30001', '31', '32']);
    expect(ancestorCalls).toEqual([]);
    // Without the parents in the same answer (a later page of results): one search places them all.
    expect(await ids(keepInScope(treeContext(), list([page('31', '30001'), page('32', '30001'), page('33', '20002')])))).toEqual(['31', '32']);
    expect(ancestorCalls).toEqual(['search 31,32,33']);
  });

  it('keeps ancestors only from the root down, and everything below a page in scope', async () => {
    const ancestors = list([{ id: '20001' }, { id: '20004' }, { id: '30001' }]);
    expect(await ids(keepInScope(treeContext(), ancestors, '10001', 'ancestors'))).toEqual(['20004', '30001']);
    const children = list([{ id: '31' }, { id: '32' }]);
    expect(await ids(keepInScope(treeContext(), children, '10001', 'children'))).toEqual(['31', '32']);
    expect(ancestorCalls).toEqual([]);
  });
});

describe('trimSearchResult for a token limited to the page tree under 20002', () => {
  const tree = {
    token: { spaces: [{ id: '10001', key: 'DOCS' }], pages: [{ id: '20002' }], operations: ['read'] } as unknown as TokenRecord,
    trees: new PageTrees({ pages: [{ id: '20002', title: 'Getting Started', spaceId: '10001' }] } as unknown as TokenRecord, {} as OwnerConfluence),
  } as unknown as RouteContext;
  const crumb = (url: string) => ({ label: url, url, separator: 'breadcrumb-separator' });

  it('keeps crumbs to pages still named, and drops the parent container of the tree’s root', () => {
    const below = { content: { id: '20003', type: 'page', space: { key: 'DOCS' }, ancestors: [{ id: '20001' }, { id: '20002' }] }, breadcrumbs: [crumb('/spaces/DOCS/pages/20001/Home'), crumb('/spaces/DOCS/pages/20002/Getting')], resultParentContainer: { title: 'Getting Started', displayUrl: '/x' } };
    trimSearchResult(tree, below);
    expect(below.content.ancestors).toEqual([{ id: '20002' }]);
    expect(below.breadcrumbs).toEqual([crumb('/spaces/DOCS/pages/20002/Getting')]);
    expect(below.resultParentContainer).toEqual({ title: 'Getting Started', displayUrl: '/x' });
    const root: Record<string, unknown> = { content: { id: '20002', type: 'page', space: { key: 'DOCS', id: 10001, homepage: { id: '20001', title: 'Home' } }, ancestors: [{ id: '20001' }] }, breadcrumbs: [crumb('/pages/viewpage.action?pageId=20001')], resultParentContainer: { title: 'Home', displayUrl: '/y' } };
    trimSearchResult(tree, root);
    expect(root).toEqual({ content: { id: '20002', type: 'page', space: { key: 'DOCS', id: 10001, _expandable: { homepage: '' } }, ancestors: [] }, breadcrumbs: [] });
  });
});
