import { DOCS, ENG, Harness, PRIV, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const P = SEED.pages;
const ids = (answer: { json: { results: Array<{ id: string }> } }) => answer.json.results.map((item) => item.id);
const errorCode = (answer: { json: any }) => answer.json?.errors?.[0]?.code;
/** The Confluence calls the app made since the last reset, as `METHOD path?query`. */
const upstream = () => h.app.platform.productCalls.map(({ method, path }) => `${method} ${decodeURIComponent(path)}`);

describe('GET /wiki/api/v2/pages', () => {
  it('lists the pages of the token’s spaces only, asking Confluence for those spaces', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']); // alice can read ENG too
    h.app.platform.clearRecords();
    const all = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { limit: '250' } });
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual([P.docsHome.id, P.gettingStarted.id, P.installation.id, P.releaseNotes.id, P.aliceNotes.id, P.aliceIdeas.id]);
    expect(upstream()).toEqual([`GET /wiki/api/v2/pages?limit=250&space-id=${DOCS.id}`]);
  });

  it('returns nothing of a space outside the scope, whether asked by space-id or by page id', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const eng = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': ENG.id } });
    expect(eng.json).toEqual({ results: [], _links: {} });
    const both = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': `${ENG.id},${DOCS.id}`, limit: '250' } });
    expect(both.json.results.every((page: { spaceId: string }) => page.spaceId === DOCS.id)).toBe(true);
    expect(ids(await h.gateway({ path: '/wiki/api/v2/pages', token, query: { id: P.runbooks.id } }))).toEqual([]);
    expect(ids(await h.gateway({ path: '/wiki/api/v2/pages', token, query: { id: `${P.runbooks.id},${P.installation.id}` } }))).toEqual([P.installation.id]);
  });

  it('finds a page by title, as publishing tools do before creating it, and attributes the call to the space', async () => {
    const { token } = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    const found = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': DOCS.id, title: 'Installation', 'body-format': 'storage' } });
    expect(found.status).toBe(200);
    expect(found.json.results).toMatchObject([{ id: P.installation.id, title: 'Installation', body: { storage: { value: '<p>Installation</p>' } } }]);
    const missing = await h.gateway({ path: '/wiki/api/v2/pages', token, query: { 'space-id': DOCS.id, title: 'Not yet written' } });
    expect(missing.json.results).toEqual([]);
    const { items } = await h.ok('bob', 'listAudit', {});
    expect(items[0]).toMatchObject({ method: 'GET', operation: 'read', spaceKey: 'DOCS', status: 200 });
  });

  it('forwards only the query parameters the spec defines', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.platform.clearRecords();
    await h.gateway({ path: '/wiki/api/v2/pages', token, query: { title: 'Installation', expand: 'body', 'space-id': DOCS.id } });
    expect(upstream()).toEqual([`GET /wiki/api/v2/pages?title=Installation&space-id=${DOCS.id}`]);
  });

  it('needs the read operation', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['create']);
    const answer = await h.gateway({ path: '/wiki/api/v2/pages', token });
    expect([answer.status, errorCode(answer)]).toEqual([403, 'OPERATION_NOT_GRANTED']);
  });
});

describe('GET /wiki/api/v2/spaces/{id}', () => {
  it('answers a space in scope and refuses any other, even one the owner can see', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const docs = await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}`, token, query: { 'description-format': 'plain' } });
    expect(docs.json).toMatchObject({ id: DOCS.id, key: 'DOCS', description: { plain: { value: 'Product documentation' } } });
    for (const space of [ENG, PRIV]) {
      h.app.platform.clearRecords();
      const refused = await h.gateway({ path: `/wiki/api/v2/spaces/${space.id}`, token });
      expect([refused.status, errorCode(refused)]).toEqual([404, 'NOT_FOUND']); // outside the scope answers as a missing page
      expect(refused.text).not.toContain(space.key === 'ENG' ? 'Engineering' : 'Private');
      // Only, after answering, whether the owner can see the space, to file the refusal under it or not.
      expect(upstream()).toEqual([`GET /wiki/api/v2/spaces?ids=${space.id}`]);
    }
  });
});

describe('a page’s tree', () => {
  it.each([
    ['children', P.docsHome.id, [P.gettingStarted.id, P.releaseNotes.id, P.aliceNotes.id]],
    ['direct-children', P.docsHome.id, [P.gettingStarted.id, P.releaseNotes.id, P.aliceNotes.id]],
    ['descendants', P.gettingStarted.id, [P.installation.id]],
    ['ancestors', P.installation.id, [P.docsHome.id, P.gettingStarted.id]],
  ])('lists %s of a page in scope, in two Confluence calls', async (relation, pageId, expected) => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.platform.clearRecords();
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${pageId}/${relation}`, token });
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(expected);
    expect(upstream()).toHaveLength(2);
  });

  it.each(['children', 'direct-children', 'descendants', 'ancestors'])('refuses the %s of a page in another space without listing them', async (relation) => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.platform.clearRecords();
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${P.architecture.id}/${relation}`, token });
    expect([answer.status, errorCode(answer)]).toEqual([404, 'NOT_FOUND']); // outside the scope answers as a missing page
    expect(answer.text).not.toContain('Runbooks');
    expect(upstream()).toEqual([`GET /wiki/api/v2/pages/${P.architecture.id}?`]);
  });

  it('passes Confluence’s 404 on for a page the owner cannot see', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']);
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${P.aliceNotes.id}/descendants`, token });
    expect(answer.status).toBe(404);
  });
});
