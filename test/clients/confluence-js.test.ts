/**
 * confluence.js 3.x, unmodified, against the local server (`npm start`'s): a publishing workflow over
 * its v2 and v1 APIs, then the refusals. Every effect is checked in the Confluence stand-in itself.
 */
import { SEED } from '../../emulator/confluence';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from '../server/http-client';
import { ConfluenceJs } from './client-process';

jest.setTimeout(60_000);

let server: LocalServer;
let client: ConfluenceJs;
const DOCS = SEED.spaces.DOCS;
const state = () => server.app.confluence.snapshot();
const storage = (value: string) => ({ representation: 'storage', value });

beforeAll(async () => {
  server = await startServer(tempDataDir());
  const issued = await invoke(server, 'alice', 'createToken', { label: 'confluence.js', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update', 'delete'], expiresInDays: 30 });
  client = new ConfluenceJs(`${server.url}/x/gateway`, issued.json.token);
});
afterAll(async () => {
  client?.close();
  await server?.close();
});

describe('confluence.js publishing to a granted space', () => {
  let guideId: string;
  let installId: string;

  it('checks its credentials as the owner', async () => {
    expect(await client.ok('v1', 'users', 'getCurrentUser')).toMatchObject({ accountId: 'alice', displayName: 'Alice Adams' });
  });

  it('creates a page at the top level and one under it', async () => {
    const [space] = (await client.ok('v2', 'space', 'getSpaces', { keys: ['DOCS'] })).results;
    expect(space).toMatchObject({ id: DOCS.id, key: 'DOCS' });
    const guide = await client.ok('v2', 'page', 'createPage', { body: { spaceId: DOCS.id, status: 'current', title: 'cjs Guide', body: storage('<p>one</p>') } });
    const install = await client.ok('v2', 'page', 'createPage', { body: { spaceId: DOCS.id, status: 'current', title: 'cjs Install', parentId: guide.id, body: storage('<p>install</p>') } });
    [guideId, installId] = [guide.id, install.id];
    expect(state().pages[guideId]).toMatchObject({ spaceId: DOCS.id, title: 'cjs Guide', status: 'current', authorId: 'alice' });
    expect(state().pages[installId]).toMatchObject({ spaceId: DOCS.id, parentId: guideId });
  });

  it('finds it by title, reads and updates it', async () => {
    const found = await client.ok('v2', 'page', 'getPagesInSpace', { id: DOCS.id, title: 'cjs Guide' });
    expect(found.results.map((page: { id: string }) => page.id)).toEqual([guideId]);
    const page = await client.ok('v2', 'page', 'getPageById', { id: guideId, bodyFormat: 'storage' });
    expect(page.body.storage.value).toBe('<p>one</p>');
    await client.ok('v2', 'page', 'updatePage', { id: guideId, body: { id: guideId, status: 'current', title: 'cjs Guide (2)', body: storage('<p>two</p>'), version: { number: page.version.number + 1 } } });
    expect(state().pages[guideId]).toMatchObject({ title: 'cjs Guide (2)', body: { value: '<p>two</p>' }, version: { number: 2, authorId: 'alice' } });
  });

  it('labels it and removes a label', async () => {
    await client.ok('v1', 'contentLabels', 'addLabelsToContent', { id: guideId, body: [{ prefix: 'global', name: 'cjs-docs' }, { prefix: 'global', name: 'draft' }] });
    await client.ok('v1', 'contentLabels', 'removeLabelFromContentUsingQueryParameter', { id: guideId, name: 'draft' });
    const now = state();
    expect(now.pages[guideId].labelIds.map((id) => now.labels[id].name)).toEqual(['cjs-docs']);
  });

  it('attaches a text file, byte for byte', async () => {
    const text = 'release notes\nwith unicode: ✓ ü 漢\n';
    const uploaded = await client.ok('v1', 'contentAttachments', 'createAttachment', { id: guideId, attachments: { filename: 'notes.txt', text } });
    expect(uploaded.results[0]).toMatchObject({ title: 'notes.txt', type: 'attachment' });
    const stored = Object.values(state().attachments).filter((attachment) => attachment.pageId === guideId);
    expect(stored.map((attachment) => [attachment.title, Buffer.from(attachment.data, 'base64').toString('utf8')])).toEqual([['notes.txt', text]]);
  });

  it('refuses a binary file rather than storing it corrupted', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]).toString('base64');
    const answer = await client.call('v1', 'contentAttachments', 'createAttachment', { id: guideId, attachments: { filename: 'logo.png', base64: png } });
    expect(answer).toMatchObject({ error: { status: 415 } });
    expect(JSON.stringify((answer as { error: { body: unknown } }).error.body)).toContain('BINARY_UPLOAD_UNSUPPORTED');
    expect(Object.values(state().attachments).map((attachment) => attachment.title)).not.toContain('logo.png');
  });

  it('searches with CQL, inside the token’s spaces only', async () => {
    const found = await client.ok('v1', 'search', 'searchByCQL', { cql: 'label = "cjs-docs" OR space = ENG' });
    expect(found.results.map((result: { content: { id: string } }) => result.content.id)).toEqual([guideId]);
    const sneaky = await client.ok('v1', 'search', 'searchByCQL', { cql: 'space = ENG OR ancestor = 20011 OR type = blogpost' });
    expect(sneaky).toMatchObject({ size: 0, totalSize: 0, results: [] });
    const trick = await client.call('v1', 'search', 'searchByCQL', { cql: 'title ~ "cjs") OR (space = ENG' });
    expect(trick).toMatchObject({ error: { status: 400 } });
  });

  it('lists the children of the page it published', async () => {
    const children = await client.ok('v2', 'children', 'getPageDirectChildren', { id: guideId });
    expect(children.results.map((page: { id: string }) => page.id)).toEqual([installId]);
    expect(Object.values(state().pages).filter((page) => page.parentId === guideId).map((page) => page.id)).toEqual([installId]);
  });

  it('deletes to the trash', async () => {
    await client.ok('v2', 'page', 'deletePage', { id: installId });
    expect(state().pages[installId].status).toBe('trashed');
  });
});

describe('confluence.js refused outside the token (answered as pages that do not exist)', () => {
  it('cannot create in another space, under a parent elsewhere, or move a page out', async () => {
    const before = state();
    const eng = SEED.spaces.ENG;
    const other = await client.call('v2', 'page', 'createPage', { body: { spaceId: eng.id, status: 'current', title: 'cjs sneaky', body: storage('x') } });
    expect(other).toMatchObject({ error: { status: 404 } });
    const parent = await client.call('v2', 'page', 'createPage', { body: { spaceId: DOCS.id, status: 'current', title: 'cjs sneaky', parentId: SEED.pages.engHome.id, body: storage('x') } });
    expect(parent).toMatchObject({ error: { status: 404 } });
    const page = SEED.pages.releaseNotes;
    const moved = await client.call('v2', 'page', 'updatePage', { id: page.id, body: { id: page.id, status: 'current', title: page.title, spaceId: eng.id, body: storage('x'), version: { number: 2 } } });
    expect(moved).toMatchObject({ error: { status: 404 } });
    const underOther = await client.call('v2', 'page', 'updatePage', { id: page.id, body: { id: page.id, status: 'current', title: page.title, parentId: SEED.pages.engHome.id, body: storage('x'), version: { number: 2 } } });
    expect(underOther).toMatchObject({ error: { status: 404 } });
    const label = await client.call('v1', 'contentLabels', 'addLabelsToContent', { id: SEED.pages.engHome.id, body: [{ prefix: 'global', name: 'x' }] });
    expect(label).toMatchObject({ error: { status: 404 } });
    const after = state();
    expect(after.pages[page.id]).toEqual(before.pages[page.id]);
    expect(after.pages[SEED.pages.engHome.id]).toEqual(before.pages[SEED.pages.engHome.id]);
    expect(Object.values(after.pages).map((p) => p.title)).not.toContain('cjs sneaky');
  });
});
