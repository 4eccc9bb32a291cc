/** v1 `expand` as Confluence reads it, nested content as Confluence shows it, people in full, and the cost of it all. */
import { CONTENT_EXPANSIONS, EXPANSION_CALL_BUDGET } from '../../src/use-cases/gateway/v1-expansions';
import { Harness, SEED, recordUpstreamCalls } from '../support/harness';

let h: Harness;
let calls: string[];
beforeEach(() => {
  h = new Harness();
  calls = recordUpstreamCalls(h);
});
afterEach(() => h.close());

const { docsHome, gettingStarted, installation } = SEED.pages;
const NESTED = { id: expect.any(String), type: 'page', status: 'current', title: expect.any(String), _links: expect.objectContaining({ webui: expect.any(String) }) };

async function read(token: string, id: string, expand: string) {
  calls.length = 0;
  const answer = await h.gateway({ path: `/wiki/rest/api/content/${id}`, token, query: { expand } });
  expect(answer.status).toBe(200);
  return answer.json as Record<string, any>;
}

describe('v1 expansions', () => {
  it('expand a.b.c expands a and a.b too, and ignores what it does not know', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const page = await read(token, gettingStarted.id, 'version.number,history.lastUpdated.by,nonsense,restrictions.read.restrictions.user');
    expect(page.version).toMatchObject({ number: 1, by: { accountId: expect.any(String) } });
    expect(page.history).toMatchObject({ latest: true, createdDate: expect.any(String), lastUpdated: { number: 1 } });
    expect(page).not.toHaveProperty('restrictions');
    expect(page._expandable).toHaveProperty('space');
  });

  it('nested content (ancestors, children, container, space homepage) carries id, type, status, title and links', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const page = await read(token, gettingStarted.id, 'ancestors,container,space.homepage');
    expect(page.ancestors).toEqual([{ ...NESTED, id: docsHome.id, title: docsHome.title }]);
    const parent = await read(token, gettingStarted.id, 'children.page');
    expect(parent.children.page.results).toEqual([{ ...NESTED, id: installation.id, title: installation.title }]);
    expect(page.container).toMatchObject({ key: 'DOCS', name: expect.any(String) });
    expect(page.space.homepage).toEqual({ ...NESTED, id: docsHome.id, title: docsHome.title });
  });

  it('people are Confluence users: account type, display and public name, picture; one batched look-up per answer, remembered', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const page = await read(token, gettingStarted.id, 'version,history');
    const author = h.app.confluence.snapshot().users[page.version.by.accountId];
    const person = { type: 'known', accountId: author.accountId, accountType: 'atlassian', displayName: author.displayName, publicName: author.displayName, profilePicture: expect.objectContaining({ path: expect.any(String) }) };
    expect(page.version.by).toMatchObject(person);
    expect(page.history.createdBy).toMatchObject(person);
    expect(calls.filter((call) => call.endsWith('/users-bulk'))).toHaveLength(1);
    await read(token, installation.id, 'version,history');
    expect(calls.filter((call) => call.endsWith('/users-bulk'))).toHaveLength(0);

    calls.length = 0;
    const list = await h.gateway({ path: '/wiki/rest/api/content', token, query: { spaceKey: 'DOCS', expand: 'version', limit: '50' } });
    expect(new Set(list.json.results.map((result: any) => result.version.by.displayName)).size).toBeGreaterThan(0);
    expect(calls.filter((call) => call.endsWith('/users-bulk')).length).toBeLessThanOrEqual(1);
  });

  it('serves what it can within one call more than 3; the rest stays in _expandable', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const page = await read(token, gettingStarted.id, Object.keys(CONTENT_EXPANSIONS).join(','));
    expect(calls.filter((call) => !call.endsWith('/users-bulk')).length).toBeLessThanOrEqual(EXPANSION_CALL_BUDGET);
    expect(page).toHaveProperty('ancestors');
    expect(page).toHaveProperty('space');
    expect(page).toHaveProperty('metadata.labels.results');
    expect(page._expandable).toHaveProperty('children');
    const alone = await read(token, gettingStarted.id, 'children.page');
    expect(alone.children.page.size).toBe(1);
  });

  it('a page-tree token sees no ancestor above its root and no homepage outside its trees', async () => {
    const { token } = await h.ok('alice', 'createToken', { label: 'tree', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, pageIds: [gettingStarted.id] });
    const page = await read(token, installation.id, 'ancestors,space.homepage');
    expect(page.ancestors.map((ancestor: { id: string }) => ancestor.id)).toEqual([gettingStarted.id]);
    expect(page.space).not.toHaveProperty('homepage');
    expect(JSON.stringify(page)).not.toContain(docsHome.title);
  });
});
