/**
 * mcp-atlassian 2.1 (an MCP server for Confluence on npm), unmodified, run as an agent runs it: its
 * own process over stdio, ATLASSIAN_BASE_URL set to the gateway's URL (a client that takes a site
 * root and appends /wiki/rest/api, and /api for some calls). It answers every status below 500 as
 * success, so its refusals are checked for what the agent reads. Effects are checked in the stand-in.
 */
import { SEED } from '../../emulator/confluence';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from '../server/http-client';
import { startMcpAtlassian } from './client-process';

jest.setTimeout(60_000);

let server: LocalServer;
let mcp: Awaited<ReturnType<typeof startMcpAtlassian>>;
const DOCS = SEED.spaces.DOCS;
const state = () => server.app.confluence.snapshot();
const pageTitled = (title: string) => Object.values(state().pages).find((page) => page.title === title && page.status === 'current');

const tool = (name: string, args: Record<string, unknown>) => mcp.tool(name, args);

beforeAll(async () => {
  server = await startServer(tempDataDir());
  const issued = await invoke(server, 'alice', 'createToken', { label: 'mcp-atlassian', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  mcp = await startMcpAtlassian(`${server.url}/x/gateway`, issued.json.token);
});
afterAll(async () => {
  await mcp?.close();
  await server?.close();
});

describe('an agent workflow through mcp-atlassian', () => {
  let pageId: string;

  it('checks who it is, searches, creates, reads and updates', async () => {
    const me = await tool('get_confluence_current_user', {});
    expect(me.isError).toBe(false);
    expect(me.text).toContain('alice');

    const search = await tool('search_confluence_pages', { cql: 'title ~ "Install" OR space = ENG' });
    expect(search.json.results.map((page: { title: string }) => page.title)).toEqual(['Installation']);

    const created = await tool('create_confluence_page', { spaceKey: 'DOCS', title: 'Agent notes', content: '<p>from the agent</p>' });
    expect(created.json).toMatchObject({ title: 'Agent notes', message: 'Page created successfully' });
    pageId = created.json.id;
    expect(state().pages[pageId]).toMatchObject({ spaceId: DOCS.id, title: 'Agent notes', authorId: 'alice', body: { value: '<p>from the agent</p>' } });

    const read = await tool('read_confluence_page', { pageId });
    expect(read.json).toMatchObject({ id: pageId, title: 'Agent notes', version: 1, content: '<p>from the agent</p>', space: { key: 'DOCS' } });

    const updated = await tool('update_confluence_page', { pageId, title: 'Agent notes (2)', content: '<p>revised</p>', version: 2 });
    expect(updated.json).toMatchObject({ id: pageId, version: 2 });
    expect(state().pages[pageId]).toMatchObject({ title: 'Agent notes (2)', body: { value: '<p>revised</p>' }, version: { number: 2, authorId: 'alice' } });
  });

  it('publishes under a parent, finds by title, labels, lists children, labels and attachments', async () => {
    const child = await tool('create_confluence_page', { spaceKey: 'DOCS', title: 'Agent child', content: '<p>child</p>', parentId: pageId });
    expect(state().pages[child.json.id]).toMatchObject({ parentId: pageId, spaceId: DOCS.id });
    const byTitle = await tool('read_confluence_page', { title: 'Agent child', spaceKey: 'DOCS' });
    expect(byTitle.json).toMatchObject({ id: child.json.id, content: '<p>child</p>' });

    const labelled = await tool('add_confluence_page_label', { pageId, labels: [{ name: 'agent' }, { name: 'notes' }] });
    expect(labelled.isError).toBe(false);
    const now = state();
    expect(now.pages[pageId].labelIds.map((id) => now.labels[id].name)).toEqual(['agent', 'notes']);
    const labels = await tool('list_confluence_page_labels', { pageId });
    expect(labels.json.labels.map((label: { name: string }) => label.name)).toEqual(['agent', 'notes']);

    const children = await tool('list_confluence_page_children', { pageId });
    expect(children.json.children.map((page: { id: string }) => page.id)).toEqual([child.json.id]);
    const files = await tool('list_attachments_on_page', { pageId: SEED.pages.gettingStarted.id });
    expect(files.text).toContain('setup-notes.txt');
    const space = await tool('get_confluence_space', { spaceKey: 'DOCS' });
    expect(space.text).toContain('Documentation');
  });
});

describe('what the agent is told when the gateway refuses', () => {
  it('says NOT DONE in the title the client prints, with no page id, and creates nothing', async () => {
    const before = Object.keys(state().pages).length;
    const outside = await tool('create_confluence_page', { spaceKey: 'ENG', title: 'Agent sneaky', content: '<p>x</p>' });
    // The client prints its own success message for any status below 500; our body makes the title say otherwise.
    expect(outside.json.title).toMatch(/^NOT DONE: 404 Not Found\./);
    expect(outside.json.id).toBeUndefined();
    const parent = await tool('create_confluence_page', { spaceKey: 'DOCS', title: 'Agent sneaky', content: '<p>x</p>', parentId: SEED.pages.engHome.id });
    expect(parent.json.title).toMatch(/^NOT DONE: 404 Not Found\./);
    const engPage = await tool('read_confluence_page', { pageId: SEED.pages.architecture.id });
    expect(engPage.json?.title ?? engPage.text).toMatch(/NOT DONE: 404 Not Found/);
    expect(engPage.text).not.toContain('Architecture');
    const moved = await tool('update_confluence_page', { pageId: SEED.pages.engHome.id, title: 'Agent sneaky', version: 2 });
    expect(moved.text).not.toContain('Engineering Home');
    expect(Object.keys(state().pages)).toHaveLength(before);
    expect(pageTitled('Agent sneaky')).toBeUndefined();
    expect(state().pages[SEED.pages.engHome.id].version.number).toBe(1);
  });

  it('never sees other spaces through CQL', async () => {
    for (const cql of ['space = ENG', 'space = DOCS OR space = ENG', 'ancestor = 20011', 'type = blogpost OR space = PRIV']) {
      const answer = await tool('search_confluence_pages', { cql });
      expect(answer.text).not.toMatch(/Engineering|Architecture|Runbooks|Salaries|Private/);
      expect(answer.json.results.every((page: { space?: { key?: string } }) => page.space?.key === 'DOCS')).toBe(true);
    }
    const trick = await tool('search_confluence_pages', { cql: 'title ~ "x") OR (space = ENG' });
    expect(trick.text).not.toMatch(/Engineering|Architecture/);
  });
});
