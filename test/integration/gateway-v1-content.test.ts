/** The v1 content routes Atlassian removed from its spec, answered through v2 upstream in v1's shape. */
import { v1MissingPage } from '../../src/use-cases/gateway/v1-shapes';
import { EXPANSION_CALL_BUDGET } from '../../src/use-cases/gateway/v1-expansions';
import { DOCS, ENG, Harness, SEED, recordUpstreamCalls } from '../support/harness';

let h: Harness;
let upstreamCalls: string[];
beforeEach(() => {
  h = new Harness();
  upstreamCalls = recordUpstreamCalls(h);
});
afterEach(() => h.close());

const ALL = ['read', 'create', 'update', 'delete'] as const;
const state = () => h.app.confluence.snapshot();
const storage = (value: string) => ({ storage: { value, representation: 'storage' } });
/** Out of scope answers exactly as a page that does not exist. */
const MISSING = JSON.parse(v1MissingPage());

async function call(token: string, method: string, path: string, extra: { body?: unknown; query?: Record<string, string> } = {}) {
  upstreamCalls.length = 0;
  const answer = await h.gateway({ method, path, token, ...extra });
  // 3 calls, or the one more the expansions table names; the user look-up has an allowance of its own.
  const userLookUps = upstreamCalls.filter((call) => call.endsWith('/users-bulk')).length;
  expect(userLookUps).toBeLessThanOrEqual(1);
  expect(upstreamCalls.length - userLookUps).toBeLessThanOrEqual(extra.query?.expand ? EXPANSION_CALL_BUDGET : 3);
  return answer;
}

describe('a publishing workflow over v1 content routes', () => {
  it('creates, finds, reads, updates, lists and deletes pages in scope', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]);
    const top = await call(token, 'POST', '/wiki/rest/api/content', { body: { type: 'page', title: 'Guide', space: { key: 'DOCS' }, body: storage('<p>top</p>') } });
    expect(top.status).toBe(200);
    expect(top.json).toMatchObject({ type: 'page', title: 'Guide', status: 'current', version: { number: 1, by: { accountId: 'alice' } } });
    const child = await call(token, 'POST', '/rest/api/content', {
      body: { type: 'page', title: 'Guide: install', space: { key: 'DOCS' }, ancestors: [{ id: top.json.id }], body: { atlas_doc_format: { value: JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'adf' }] }] }), representation: 'atlas_doc_format' } } },
    });
    expect(child.status).toBe(200);
    expect(state().pages[child.json.id]).toMatchObject({ spaceId: DOCS.id, parentId: top.json.id, title: 'Guide: install', body: { representation: 'atlas_doc_format' } });

    const found = await call(token, 'GET', '/wiki/rest/api/content', { query: { spaceKey: 'DOCS', title: 'Guide: install', type: 'page', expand: 'version,body.storage,space,ancestors' } });
    expect(found.json).toMatchObject({ size: 1, results: [{ id: child.json.id, space: { key: 'DOCS', name: 'Documentation' }, body: { storage: { value: '<p>adf</p>' } }, version: { number: 1, by: { accountId: 'alice' } } }] });
    expect(found.json.results[0].ancestors.map((a: { id: string }) => a.id)).toEqual([SEED.pages.docsHome.id, top.json.id]);

    const read = await call(token, 'GET', `/wiki/rest/api/content/${top.json.id}`, { query: { expand: 'body.storage,version,version.by,space,ancestors' } });
    expect(read.json).toMatchObject({ id: top.json.id, body: { storage: { value: '<p>top</p>', representation: 'storage' } }, space: { key: 'DOCS', id: Number(DOCS.id) }, version: { number: 1, by: { accountId: 'alice' } } });
    expect(read.json.ancestors).toEqual([expect.objectContaining({ id: SEED.pages.docsHome.id })]);

    const updated = await call(token, 'PUT', `/wiki/rest/api/content/${top.json.id}`, { body: { id: top.json.id, type: 'page', title: 'Guide (v2)', space: { key: 'DOCS' }, body: storage('<p>second</p>'), version: { number: 2, message: 'edit' } } });
    expect(updated.status).toBe(200);
    expect(state().pages[top.json.id]).toMatchObject({ title: 'Guide (v2)', body: { value: '<p>second</p>' }, version: { number: 2, message: 'edit', authorId: 'alice' } });
    const titleOnly = await call(token, 'PUT', `/wiki/rest/api/content/${top.json.id}`, { body: { type: 'page', title: 'Guide (v3)', version: { number: 3 } } });
    expect(titleOnly.status).toBe(200);
    expect(state().pages[top.json.id]).toMatchObject({ title: 'Guide (v3)', body: { value: '<p>second</p>' } });

    const children = await call(token, 'GET', `/wiki/rest/api/content/${top.json.id}/child/page`);
    expect(children.json.results.map((page: { id: string }) => page.id)).toEqual([child.json.id]);
    const labels = await call(token, 'GET', `/wiki/rest/api/content/${SEED.pages.gettingStarted.id}/label`);
    expect(labels.json.results).toEqual([{ prefix: 'global', name: 'howto', id: SEED.labels.howto.id, label: 'howto' }]);
    const files = await call(token, 'GET', `/wiki/rest/api/content/${SEED.pages.gettingStarted.id}/child/attachment`);
    expect(files.json.results).toMatchObject([{ id: SEED.attachments.setupNotes.id, type: 'attachment', title: 'setup-notes.txt', extensions: { fileSize: 18 } }]);

    const deleted = await call(token, 'DELETE', `/wiki/rest/api/content/${child.json.id}`);
    expect(deleted.status).toBe(204);
    expect(state().pages[child.json.id].status).toBe('trashed');
    const purge = await call(token, 'DELETE', `/wiki/rest/api/content/${child.json.id}`, { query: { status: 'trashed' } });
    expect(purge.json).toMatchObject({ statusCode: 403, code: 'PURGE_NOT_ALLOWED' });
  });

  it('pages a long list through _links.next, and refuses a bare offset', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const first = await call(token, 'GET', '/wiki/rest/api/content', { query: { spaceKey: 'DOCS', limit: '4' } });
    expect(first.json.size).toBe(4);
    const next = new URL(first.json._links.next, 'https://gateway.invalid/wiki');
    const second = await call(token, 'GET', next.pathname, { query: Object.fromEntries(next.searchParams) });
    expect(second.json.size).toBe(2);
    expect(new Set([...first.json.results, ...second.json.results].map((page: { id: string }) => page.id)).size).toBe(6);
    const offset = await call(token, 'GET', '/wiki/rest/api/content', { query: { spaceKey: 'DOCS', start: '4' } });
    expect(offset.json).toMatchObject({ statusCode: 400, code: 'INVALID_REQUEST' });
  });

  it('answers spaces by key, only in scope', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    expect((await call(token, 'GET', '/wiki/rest/api/space/DOCS')).json).toMatchObject({ id: Number(DOCS.id), key: 'DOCS', name: 'Documentation', type: 'global' });
    expect((await call(token, 'GET', '/wiki/rest/api/space', { query: { spaceKey: 'DOCS,ENG' } })).json).toMatchObject({ size: 1, results: [{ key: 'DOCS' }] });
    expect((await call(token, 'GET', '/wiki/rest/api/space', { query: { spaceKey: 'ENG' } })).json).toMatchObject({ size: 0, results: [] });
    expect((await call(token, 'GET', '/wiki/rest/api/space/ENG')).json).toEqual(MISSING);
  });
});

describe('refusals on v1 content routes', () => {
  it('refuses to create in another space or under a parent elsewhere', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['create']); // bob administers ENG
    const outside = await call(token, 'POST', '/wiki/rest/api/content', { body: { type: 'page', title: 'Sneaky', space: { key: 'ENG' }, body: storage('x') } });
    expect(outside.json).toEqual(MISSING);
    const parent = await call(token, 'POST', '/wiki/rest/api/content', { body: { type: 'page', title: 'Sneaky', space: { key: 'DOCS' }, ancestors: [{ id: SEED.pages.engHome.id }], body: storage('x') } });
    expect(parent.json).toEqual(MISSING);
    const blog = await call(token, 'POST', '/wiki/rest/api/content', { body: { type: 'blogpost', title: 'Sneaky', space: { key: 'DOCS' }, body: storage('x') } });
    expect(blog.json).toMatchObject({ statusCode: 400, code: 'INVALID_REQUEST' });
    expect(Object.values(state().pages).map((page) => page.title)).not.toContain('Sneaky');
  });

  it('refuses to move a page out by space or by parent', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const id = SEED.pages.gettingStarted.id;
    const move = (extra: Record<string, unknown>) => call(token, 'PUT', `/wiki/rest/api/content/${id}`, { body: { type: 'page', title: 'Getting Started', body: storage('<p>moved</p>'), version: { number: 2 }, ...extra } });
    expect((await move({ space: { key: 'ENG' } })).json).toEqual(MISSING);
    expect((await move({ ancestors: [{ id: SEED.pages.engHome.id }] })).json).toEqual(MISSING);
    expect((await move({ space: { key: 'ENG' }, ancestors: [{ id: SEED.pages.engHome.id }] })).json).toEqual(MISSING);
    expect(state().pages[id]).toMatchObject({ spaceId: DOCS.id, parentId: SEED.pages.gettingStarted.parentId, version: { number: 1 } });
    expect((await move({ ancestors: [{ id: SEED.pages.releaseNotes.id }] })).status).toBe(200);
    expect(state().pages[id].parentId).toBe(SEED.pages.releaseNotes.id);
  });

  it('never reads, lists or deletes in another space', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]); // alice may read ENG
    for (const path of [`/wiki/rest/api/content/${SEED.pages.engHome.id}`, `/wiki/rest/api/content/${SEED.pages.architecture.id}/label`, `/wiki/rest/api/content/${SEED.pages.engHome.id}/child/page`, `/wiki/rest/api/content/${SEED.pages.runbooks.id}/child/attachment`]) {
      const answer = await call(token, 'GET', path);
      expect(answer.json).toEqual(MISSING);
      expect(answer.text).not.toMatch(/Engineering|Architecture|Runbooks|internal|restart/);
    }
    expect((await call(token, 'GET', '/wiki/rest/api/content', { query: { spaceKey: 'ENG' } })).json).toEqual(MISSING);
    const all = await call(token, 'GET', '/wiki/rest/api/content', { query: { limit: '50' } });
    expect(all.json.results.every((page: { id: string }) => state().pages[page.id].spaceId === DOCS.id)).toBe(true);
    expect((await call(token, 'DELETE', `/wiki/rest/api/content/${SEED.pages.engHome.id}`)).json).toEqual(MISSING);
    expect(state().pages[SEED.pages.engHome.id].status).toBe('current');
  });

  it('passes Confluence’s own refusals on, in v1’s envelope (a stale version is a 409, a missing page a 404)', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update']);
    const stale = await call(token, 'PUT', `/wiki/rest/api/content/${SEED.pages.releaseNotes.id}`, { body: { type: 'page', title: 'x', version: { number: 7 } } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ statusCode: 409, title: expect.stringMatching(/^NOT DONE: 409 Conflict\. Confluence answered: Version must be incremented/), data: { successful: false } });
    const missing = await call(token, 'GET', '/rest/api/content/99999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(MISSING); // the same bytes as a page out of scope
    expect(missing.json.title).toMatch(/^NOT DONE: 404/);
  });
});

export { ENG };

describe('versioned reads', () => {
  it('are placed by the page’s current space, not the space an older version was in', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'create']); // bob administers ENG
    const created = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: { spaceId: SEED.spaces.DOCS.id, status: 'current', title: 'Moved away', body: { representation: 'storage', value: '<p>Written in DOCS</p>' } } });
    const id = created.json.id as string;
    // A site admin moves it to ENG, outside the token (bob may not delete in DOCS, which a move out needs).
    const move = { id, status: 'current', title: 'Moved away', spaceId: SEED.spaces.ENG.id, body: { representation: 'storage', value: '<p>Now in ENG</p>' }, version: { number: 2 } };
    const moved = await h.app.confluence.handle({ method: 'PUT', path: `/wiki/api/v2/pages/${id}`, headers: {}, identity: { kind: 'user', accountId: 'siteadmin' }, body: JSON.stringify(move) });
    expect(moved.status).toBe(200);
    const v1 = await h.gateway({ path: `/wiki/rest/api/content/${id}`, token, query: { version: '1', expand: 'body.storage,space' } });
    expect(v1.status).toBe(404);
    expect(v1.text).not.toContain('Written in DOCS');
    const v2 = await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token, query: { version: '1', 'body-format': 'storage' } });
    expect(v2.status).toBe(404);
  });
});
