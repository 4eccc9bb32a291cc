/** A token that may change pages but not read them reads nothing back from its changes (issue 16, item 8). */
import { Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const page = SEED.pages.gettingStarted;
const BODY = `<p>${page.title}</p>`;

describe('changes by a token without read', () => {
  it('v1 and v2 updates answer id, type, status, title and version only', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const v1 = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${page.id}`, token, body: { type: 'page', title: page.title, version: { number: 2 } } });
    expect(v1.status).toBe(200);
    expect(Object.keys(v1.json).sort()).toEqual(['id', 'status', 'title', 'type', 'version']);
    expect(v1.text).not.toContain(BODY);
    const v2 = await h.gateway({
      method: 'PUT',
      path: `/wiki/api/v2/pages/${page.id}`,
      token,
      body: { id: page.id, status: 'current', title: page.title, body: { representation: 'storage', value: BODY }, version: { number: 3 } },
      query: { 'body-format': 'storage' },
    });
    expect(v2.status).toBe(200);
    expect(Object.keys(v2.json).sort()).toEqual(['id', 'status', 'title', 'version']);
  });

  it('a version conflict (the page is at version 1) names neither the current version nor the body', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const v1 = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${page.id}`, token, body: { type: 'page', title: page.title, version: { number: 7 } } });
    const v2 = await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${page.id}`, token, body: { id: page.id, status: 'current', title: page.title, body: { representation: 'storage', value: '<p>x</p>' }, version: { number: 7 } } });
    for (const answer of [v1, v2]) {
      expect(answer.status).toBe(409);
      expect(answer.text).not.toMatch(/\b1\b/);
      expect(answer.text).not.toContain(BODY);
    }
  });

  it('adding labels answers the labels added, not the page’s others', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['update']);
    const added = await h.gateway({ method: 'POST', path: `/wiki/rest/api/content/${page.id}/label`, token, body: [{ prefix: 'global', name: 'fresh' }] });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ results: [{ name: 'fresh' }], size: 1 });
    expect(added.text).not.toContain(SEED.labels.howto.name);
  });

  it('a token that reads gets the page back as before', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update']);
    const v1 = await h.gateway({ method: 'PUT', path: `/wiki/rest/api/content/${page.id}`, token, body: { type: 'page', title: page.title, version: { number: 2 } } });
    expect(v1.json).toMatchObject({ body: { storage: { value: BODY } }, version: { number: 2, by: { displayName: 'Alice Adams' } } });
  });
});
