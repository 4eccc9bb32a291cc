/**
 * Page-tree tokens at a fixed cost (issue 16, item 6): a list is placed in the trees with at most one
 * search, whatever its size, and keeps exactly the pages inside; a page outside the trees and a
 * missing page cost the same calls.
 */
import { DOCS, Harness, SEED } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const P = SEED.pages;

async function createAsAlice(parentId: string, title: string): Promise<string> {
  const answer = await h.app.confluence.handle({ method: 'POST', path: '/wiki/api/v2/pages', headers: {}, identity: { kind: 'user', accountId: 'alice' }, body: JSON.stringify(newPage(DOCS.id, title, { parentId })) });
  return (JSON.parse(answer.body) as { id: string }).id;
}

async function treeToken() {
  return (await h.ok('alice', 'createToken', { label: 'tree', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, pageIds: [P.gettingStarted.id] })).token;
}

describe('a page list for a token limited to a page tree', () => {
  it('keeps exactly the pages inside, placing pages whose parents are off the list with one search', async () => {
    const inside = new Set<string>();
    const branches: string[] = [];
    for (let i = 0; i < 20; i++) branches.push(await createAsAlice(i % 2 === 0 ? P.gettingStarted.id : P.releaseNotes.id, `Branch ${i}`));
    for (const [i, branch] of branches.entries()) {
      const leaf = await createAsAlice(branch, `Leaf ${i}`);
      if (i % 2 === 0) inside.add(leaf);
    }
    const token = await treeToken();
    h.app.platform.clearRecords();
    // Newest first and 20 long: the 20 leaves, none of whose parents is listed.
    const answer = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': DOCS.id, sort: '-id', limit: '20' } });
    expect(new Set(answer.json.results.map((page: { id: string }) => page.id))).toEqual(inside);
    expect(h.app.platform.productCalls).toHaveLength(2);
  });

  it('asks Confluence for at most 100 pages, and the next link goes on from there', async () => {
    const token = await treeToken();
    h.app.platform.clearRecords();
    const answer = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { limit: '250' } });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(h.app.platform.productCalls)).toContain('limit=100');
  });
});

describe('one page for a token limited to a page tree', () => {
  it('costs the same calls whether it is outside the tree or missing', async () => {
    const token = await treeToken();
    const calls = async (id: string) => {
      h.app.platform.clearRecords();
      const answer = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token });
      expect(answer.status).toBe(404);
      return h.app.platform.productCalls.length;
    };
    expect(await calls(P.releaseNotes.id)).toBe(await calls('99999'));
  });
});
