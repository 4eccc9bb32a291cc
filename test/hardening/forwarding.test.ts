import { DOCS, ENG, Harness, SEED } from '../support/harness';
import { callGateway } from './support';

/**
 * Item 9 of issue 10: forward only what the route allows. Bodies are re-serialized from the route's
 * fields, query parameters kept only when the route defines them, `purge` never forwarded and refused
 * however it is spelt, and a read of another version or state checks the page's current space first.
 */
let h: Harness;
let sent: Array<{ method: string; path: string; body?: string }>;
beforeEach(() => {
  h = new Harness();
  sent = [];
  const handle = h.app.confluence.handle.bind(h.app.confluence);
  h.app.confluence.handle = (request) => {
    sent.push({ method: request.method.toUpperCase(), path: decodeURIComponent(request.path), body: request.body as string | undefined });
    return handle(request);
  };
});
afterEach(() => h.close());

const page = (title: string, extra: Record<string, unknown> = {}) => ({ spaceId: DOCS.id, status: 'current', title, body: { representation: 'storage', value: '<p/>' }, ...extra });
const changes = () => sent.filter((request) => request.method !== 'GET');

it('never hands a page to someone else: ownerId and other fields outside the allowlist are not forwarded', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read', 'create', 'update']);
  const created = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: page('Mine', { ownerId: 'bob', restrictions: { read: [] }, __proto__: { admin: true } }) });
  expect(created.status).toBe(200);
  const id = created.json.id as string;
  const update = page('Mine', { id, version: { number: 2 }, ownerId: 'bob', subtype: 'live', unknownField: 1 });
  expect((await h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${id}`, token, body: update })).status).toBe(200);
  expect(h.app.confluence.snapshot().pages[id].ownerId).toBe('alice');
  for (const request of changes()) {
    const forwarded = Object.keys(JSON.parse(request.body ?? '{}'));
    expect(forwarded.every((field) => ['id', 'status', 'title', 'spaceId', 'parentId', 'body', 'version', 'subtype'].includes(field))).toBe(true);
  }
  expect(changes().map((request) => JSON.parse(request.body!).ownerId)).toEqual([undefined, undefined]);
});

it('refuses purge however it is spelt, cased or repeated, and never forwards it', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read', 'delete']);
  const path = `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`;
  const spellings: Array<Record<string, string[]>> = [{ purge: ['true'] }, { purge: ['false', 'true'] }, { PURGE: ['1'] }, { Purge: ['TRUE'] }, { ' purge ': ['yes'] }, { 'purge[]': ['true'] }];
  for (const query of spellings) {
    const answer = await callGateway(h.app, { method: 'DELETE', path, headers: { authorization: [`Bearer ${token}`] }, query });
    expect({ query, status: answer.status, code: JSON.parse(answer.body).errors[0].code }).toEqual({ query, status: 403, code: 'PURGE_NOT_ALLOWED' });
  }
  expect(h.app.confluence.snapshot().pages[SEED.pages.releaseNotes.id].status).toBe('current');
  // purge=false asks for nothing: the page goes to the trash, and Confluence never sees the parameter.
  const trashed = await callGateway(h.app, { method: 'DELETE', path, headers: { authorization: [`Bearer ${token}`] }, query: { purge: ['false'], draft: ['false'] } });
  expect(trashed.status).toBe(204);
  expect(changes().map((request) => request.path)).toEqual([`${path}?draft=false`]);
});

it('forwards only the query parameters the route defines', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read']);
  sent.length = 0;
  await callGateway(h.app, {
    method: 'GET',
    path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`,
    headers: { authorization: [`Bearer ${token}`] },
    query: { 'body-format': ['storage'], 'space-id': [ENG.id], expand: ['restrictions'], 'Body-Format': ['view'] },
  });
  expect(sent.map((request) => request.path)).toEqual([`/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}?body-format=storage`]);
});

it("checks the page's current space before reading another version or state of it", async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read']);
  const engPage = SEED.pages.engHome.id;
  // As Confluence may describe an old version with the space it lived in then: here, DOCS.
  const handle = h.app.confluence.handle;
  h.app.confluence.handle = async (request) => {
    const response = await handle(request);
    if (!/[?&](version=|status=historical)/.test(request.path) || response.status !== 200) return response;
    const body = JSON.parse(response.body as string);
    return { ...response, body: JSON.stringify({ ...body, spaceId: DOCS.id }) };
  };
  const asked: Array<Record<string, string>> = [{ version: '1' }, { status: 'historical' }];
  for (const query of asked) {
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${engPage}`, token, query });
    expect({ query, status: answer.status }).toEqual({ query, status: 404 });
    expect(answer.text).not.toContain('Engineering');
  }
  // A page in scope still reads at any version.
  const docs = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token, query: { version: '1' } });
  expect(docs.status).toBe(200);
});
