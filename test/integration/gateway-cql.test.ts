import { Harness, SEED } from '../support/harness';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = new Harness();
  ({ token } = await h.issue('alice', ['DOCS'], ['read'])); // alice can read ENG too: only the token keeps her out
});
afterEach(() => h.close());

const DOCS_TITLES = ['Documentation Home', 'Getting Started', 'Installation', 'Release Notes', "Alice's Notes", 'Ideas'];

type Expect = 'refused' | string[] | 'docs-only';

/** Hostile CQL: whatever it tries, the answer is a refusal (400) or pages of DOCS only. */
const HOSTILE: Array<[string, string, Expect]> = [
  ['another space', 'space = ENG', []],
  ['another space by OR', 'space = DOCS OR space = ENG', 'docs-only'],
  ['OR around a title match', 'title ~ "Home" OR space = ENG', ['Documentation Home']],
  ['closing the app’s parenthesis', 'space = DOCS) OR (space = ENG', 'refused'],
  ['an unclosed parenthesis', '(space = ENG', 'refused'],
  ['a parenthesis left open for the app to close', 'space = ENG OR (space = DOCS', 'refused'],
  ['a quote smuggling a parenthesis', 'title = "x\\") OR (space = ENG"', []],
  ['an unterminated quote', 'title ~ "Home', 'refused'],
  ['ancestor of an outside page', 'ancestor = 20011', []],
  ['parent outside', 'parent = 20011', []],
  ['ids outside', 'id in (20011, 20012, 20022)', []],
  ['other content types', 'type = blogpost OR type = comment OR type = attachment', []],
  ['other content types alongside pages', 'type in (page, blogpost, comment)', 'docs-only'],
  ['ORDER BY after an outside space', 'space = ENG ORDER BY title', []],
  ['ORDER BY alone', 'ORDER BY title DESC', [...DOCS_TITLES].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()))],
  ['ORDER BY then a closing parenthesis', 'title ~ "Home" ORDER BY title) OR (space = ENG', 'refused'],
  ['ORDER BY inside parentheses', '(space = ENG ORDER BY title)', 'refused'],
  ['two ORDER BYs', 'space = ENG ORDER BY title ORDER BY created', 'refused'],
  ['a statement separator', 'title ~ "Home"; space = ENG', 'refused'],
  ['a control character', 'title ~ "Home"\u0000 OR space = ENG', 'refused'],
  ['full-width parenthesis', 'title ~ "Home" ）OR（ space = ENG', 'refused'],
  ['NOT of the scope', 'NOT space = DOCS', []],
  ['an over-long query', `title ~ "${'x'.repeat(4100)}"`, 'refused'],
];

describe.each([
  ['/wiki/rest/api/search', (result: any) => result.content],
  ['/wiki/rest/api/content/search', (result: any) => result],
])('%s with hostile CQL', (path, contentOf) => {
  it.each(HOSTILE)('%s', async (_name, cql, expected) => {
    const answer = await h.gateway({ path, token, query: { cql, limit: '50' } });
    expect(answer.text).not.toMatch(/Engineering|Architecture|Runbooks|Salaries/);
    if (expected === 'refused') {
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ statusCode: 400, code: 'INVALID_CQL' });
      return;
    }
    expect(answer.status).toBe(200);
    const contents = answer.json.results.map(contentOf);
    expect(contents.every((content: any) => content.space.key === 'DOCS' && content.type === 'page')).toBe(true);
    const titles = contents.map((content: any) => content.title);
    if (expected === 'docs-only') expect(titles.sort()).toEqual([...DOCS_TITLES].sort());
    else expect(titles).toEqual(expected);
    expect(answer.json.size).toBe(titles.length);
  });
});

describe('search paging', () => {
  it('keeps size, totalSize and the next link coherent, and the next link stays on the gateway with the client’s query', async () => {
    const cql = 'type = page OR space = ENG ORDER BY title';
    const first = await h.gateway({ path: '/wiki/rest/api/search', token, query: { cql, limit: '4' } });
    expect(first.json).toMatchObject({ size: 4, totalSize: 6 });
    const next = new URL(first.json._links.next, 'https://gateway.invalid/wiki');
    expect(next.pathname).toBe('/rest/api/search');
    expect(next.searchParams.get('cql')).toBe(cql);
    const second = await h.gateway({ path: next.pathname, token, query: Object.fromEntries(next.searchParams) });
    expect(second.status).toBe(200);
    expect(second.json.size).toBe(2);
    expect(second.json._links.next).toBeUndefined();
    const titles = [...first.json.results, ...second.json.results].map((result: any) => result.content.title);
    expect(titles).toEqual([...DOCS_TITLES].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('requires a query', async () => {
    const answer = await h.gateway({ path: '/wiki/rest/api/search', token });
    expect(answer.json).toMatchObject({ statusCode: 400, code: 'INVALID_CQL' });
  });
});

describe('space keys that change', () => {
  it('confine search to the token’s spaces by id, when a key it recorded now names another space', async () => {
    // The token of beforeEach: alice's, for DOCS; she may read ENG too.
    h.app.confluence.changeSpaceKey('DOCS', 'DOCS2');
    h.app.confluence.changeSpaceKey('ENG', 'DOCS'); // ENG takes the key the token recorded
    const answer = await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'type = page', limit: '50' } });
    expect(answer.status).toBe(200);
    const ids: string[] = answer.json.results.map((page: { id: string }) => page.id);
    expect(ids).toContain(SEED.pages.gettingStarted.id);
    expect(ids).not.toContain(SEED.pages.architecture.id);
    const spaces = await h.gateway({ path: '/wiki/api/v2/spaces', token });
    expect(spaces.json.results.map((space: { id: string; key: string }) => `${space.id} ${space.key}`)).toEqual([`${SEED.spaces.DOCS.id} DOCS2`]);
  });
});

describe('space keys resolved a moment ago', () => {
  it('still keep another space’s pages out: each result is checked by its space id', async () => {
    expect((await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'type = page' } })).status).toBe(200); // keys resolved and kept
    h.app.confluence.changeSpaceKey('DOCS', 'DOCS2');
    h.app.confluence.changeSpaceKey('ENG', 'DOCS');
    const answer = await h.gateway({ path: '/wiki/rest/api/content/search', token, query: { cql: 'type = page', limit: '50' } });
    expect(answer.json.results.map((page: { id: string }) => page.id)).not.toContain(SEED.pages.architecture.id);
  });
});
