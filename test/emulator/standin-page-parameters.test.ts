import { SEED } from '../../emulator/confluence';
import { call, standIn } from '../support/standin-client';

// Every query parameter the gateway forwards on a single page is modelled, never answered with 501
// (the gateway would report that as its own 502).
const DOCS = SEED.spaces.DOCS.id;
const P = SEED.pages;
const storage = (value: string) => ({ representation: 'storage', value });

describe('GET /pages/{id}?get-draft=true', () => {
  it('answers the draft of a page that is one, and 404 for a published page (it has no draft)', async () => {
    const confluence = standIn();
    const draft = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, status: 'draft', body: storage('<p>soon</p>') });
    expect(await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${draft.json.id}?get-draft=true`)).toMatchObject({ status: 200, json: { id: draft.json.id, status: 'draft' } });
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}?get-draft=true`)).status).toBe(404);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}?get-draft=false`)).status).toBe(200);
    // Discarding the draft goes through the same look-up.
    expect((await call(confluence, 'bob', 'DELETE', `/wiki/api/v2/pages/${draft.json.id}?draft=true`)).status).toBe(204);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${draft.json.id}?get-draft=true`)).status).toBe(404);
  });
});

describe('GET /pages/{id} include-* parameters', () => {
  it('adds the labels, properties, operations, versions, likes and favourite status asked for, as PageSingle has them', async () => {
    const confluence = standIn();
    const id = P.gettingStarted.id;
    await call(confluence, 'alice', 'POST', `/wiki/api/v2/pages/${id}/properties`, { key: 'owner-team', value: { team: 'docs' } });
    const plain = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${id}`);
    expect(plain.json).not.toHaveProperty('labels');
    const all = ['labels', 'properties', 'operations', 'likes', 'versions', 'favorited-by-current-user-status', 'webresources', 'collaborators', 'direct-children'];
    const page = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${id}?${all.map((name) => `include-${name}=true`).join('&')}`);
    expect(page.status).toBe(200);
    const labels = (await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${id}/labels`)).json.results;
    expect(page.json.labels).toEqual({ results: labels, meta: { hasMore: false }, _links: { self: `/api/v2/pages/${id}/labels` } });
    expect(page.json.properties.results).toEqual([expect.objectContaining({ key: 'owner-team', value: { team: 'docs' } })]);
    const operations = (await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${id}/operations`)).json.operations;
    expect(page.json.operations.results).toEqual(operations);
    expect(operations).toContainEqual({ operation: 'update', targetType: 'page' });
    expect(page.json.versions.results.map((version: { number: number }) => version.number)).toEqual([1]);
    expect(page.json.likes.results).toEqual([]);
    expect(page.json.isFavoritedByCurrentUser).toBe(false);
  });

  it('lists every version, newest first', async () => {
    const confluence = standIn();
    const id = P.installation.id;
    const current = (await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`)).json;
    await call(confluence, 'alice', 'PUT', `/wiki/api/v2/pages/${id}`, { id, status: 'current', title: current.title, body: current.body.storage, version: { number: current.version.number + 1 } });
    const page = await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${id}?include-versions=true`);
    expect(page.json.versions.results.map((version: { number: number }) => version.number)).toEqual([current.version.number + 1, current.version.number]);
  });
});

describe('GET /pages/{id} rendered bodies', () => {
  it.each(['view', 'export_view', 'anonymous_export_view', 'styled_view', 'editor'])('renders %s as HTML paragraphs', async (format) => {
    const confluence = standIn();
    const created = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages', { spaceId: DOCS, title: `Rendered ${format}`, body: { representation: 'wiki', value: 'one & two\nthree' } });
    const page = await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${created.json.id}?body-format=${format}`);
    expect(page.json.body).toEqual({ [format]: { representation: format, value: '<p>one &amp; two</p><p>three</p>' } });
  });
});

describe('POST /pages?private=true', () => {
  it('makes a page only its creator may view and edit', async () => {
    const confluence = standIn();
    const created = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages?private=true', { spaceId: DOCS, title: 'Mine alone', body: storage('') });
    expect(created.status).toBe(200);
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/pages/${created.json.id}`)).status).toBe(200);
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${created.json.id}`)).status).toBe(404);
    const shared = await call(confluence, 'bob', 'POST', '/wiki/api/v2/pages?private=false&embedded=true', { spaceId: DOCS, title: 'Shared', body: storage('') });
    expect((await call(confluence, 'alice', 'GET', `/wiki/api/v2/pages/${shared.json.id}`)).status).toBe(200);
  });
});

describe('spaces: filters and include-* parameters', () => {
  const confluence = standIn();
  const keys = async (query: string) => (await call(confluence, 'alice', 'GET', `/wiki/api/v2/spaces?${query}`)).json.results.map((space: { key: string }) => space.key);

  it('filters by labels and favourites, which no space has here', async () => {
    const all = await keys('');
    expect(all.length).toBeGreaterThan(1);
    expect(await keys('labels=team')).toEqual([]);
    expect(await keys('favorited-by=alice')).toEqual([]);
    expect(await keys('not-favorited-by=alice')).toEqual(all);
  });

  it('adds the default icon, operations, permissions, and empty labels and properties of a space', async () => {
    const list = await call(confluence, 'alice', 'GET', '/wiki/api/v2/spaces?include-icon=true');
    expect(list.json.results[0].icon).toEqual({ path: expect.stringMatching(/^\/wiki\//) });
    const query = ['icon', 'operations', 'properties', 'permissions', 'role-assignments', 'labels'].map((name) => `include-${name}=true`).join('&');
    const space = await call(confluence, 'bob', 'GET', `/wiki/api/v2/spaces/${DOCS}?${query}`);
    expect(space.status).toBe(200);
    expect(space.json.operations.results).toEqual((await call(confluence, 'bob', 'GET', `/wiki/api/v2/spaces/${DOCS}/operations`)).json.operations);
    expect(space.json.permissions.results).toContainEqual(expect.objectContaining({ principal: { type: 'user', id: 'bob' }, operation: { key: 'read', targetType: 'space' } }));
    expect(space.json.labels).toMatchObject({ results: [], meta: { hasMore: false } });
    expect(space.json.properties).toMatchObject({ results: [], meta: { hasMore: false } });
    expect((await call(confluence, 'bob', 'GET', `/wiki/api/v2/spaces/${DOCS}`)).json).not.toHaveProperty('permissions');
  });

  it('lists pages of subtype page, and no live docs', async () => {
    const pages = (query: string) => call(confluence, 'alice', 'GET', `/wiki/api/v2/pages?space-id=${DOCS}${query}`);
    expect((await pages('&subtype=page')).json.results).toEqual((await pages('')).json.results);
    expect((await pages('&subtype=live')).json.results).toEqual([]);
  });
});
