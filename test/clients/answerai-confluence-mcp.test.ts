/**
 * @answerai/confluence-mcp 1.0 (an MCP server for agents on npm), unmodified, run as an agent runs it:
 * its own process over stdio, CONFLUENCE_BASE_URL = the gateway's `/wiki` base (it appends
 * `/rest/api/…`). It reads pages with nine expansions, searches with CQL, creates and updates pages,
 * and reads and adds comments through v1 (`child/comment`; a comment is `POST /content` with
 * `type: comment` and a page `container`). Effects are checked in the stand-in.
 */
import { SEED } from '../../emulator/confluence';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from '../server/http-client';
import { startMcpServer, type McpServer } from './client-process';

jest.setTimeout(60_000);

let server: LocalServer;
let mcp: McpServer;
const DOCS = SEED.spaces.DOCS;
const state = () => server.app.confluence.snapshot();

const tool = (name: string, args: Record<string, unknown>) => mcp.tool(name, args);

beforeAll(async () => {
  server = await startServer(tempDataDir());
  const issued = await invoke(server, 'alice', 'createToken', { label: 'answerai', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  mcp = await startMcpServer(require.resolve('@answerai/confluence-mcp/build/index.js'), {
    CONFLUENCE_BASE_URL: `${server.url}/x/gateway/wiki`,
    CONFLUENCE_USER_EMAIL: 'someone@example.com',
    CONFLUENCE_API_TOKEN: issued.json.token,
  });
});
afterAll(async () => {
  await mcp?.close();
  await server?.close();
});

describe('an agent workflow through @answerai/confluence-mcp', () => {
  it('lists spaces, searches and reads pages in scope only', async () => {
    const spaces = await tool('get_spaces', {});
    expect(spaces.json.spaces.map((space: { key: string }) => space.key)).toEqual(['DOCS']);
    const search = await tool('search_pages', { query: 'title ~ "Install" OR space = ENG' });
    expect(search.isError).toBe(false);
    expect(search.json.pages.map((page: { title: string }) => page.title)).toEqual(['Installation']);
    const page = await tool('get_page', { pageId: SEED.pages.gettingStarted.id });
    expect(page.json).toMatchObject({ id: SEED.pages.gettingStarted.id, title: 'Getting Started', version: 1 });
    const elsewhere = await tool('get_page', { pageId: SEED.pages.runbooks.id }); // alice reads ENG; the token does not
    expect(elsewhere.isError).toBe(true);
    expect(elsewhere.text).toContain('not found');
  });

  it('creates a page under a parent and updates it, sending back the empty space key it read', async () => {
    const created = await tool('create_page', { spaceKey: 'DOCS', title: 'Agent page', content: '<p>first</p>', parentId: SEED.pages.docsHome.id });
    expect(created.isError).toBe(false);
    expect(state().pages[created.json.id]).toMatchObject({ spaceId: DOCS.id, parentId: SEED.pages.docsHome.id, title: 'Agent page', authorId: 'alice', body: { value: '<p>first</p>' } });
    // It reads the space key from _expandable.space, which an expanded answer has not: it sends "space": {"key": ""}.
    const updated = await tool('update_page', { pageId: created.json.id, title: 'Agent page (2)', content: '<p>second</p>', version: 1 });
    expect(updated.isError).toBe(false);
    expect(state().pages[created.json.id]).toMatchObject({ spaceId: DOCS.id, title: 'Agent page (2)', version: { number: 2 }, body: { value: '<p>second</p>' } });
  });

  it('reads a page’s comments and adds one, as the owner', async () => {
    const comments = await tool('get_comments', { pageId: SEED.pages.gettingStarted.id });
    expect(comments.isError).toBe(false);
    expect(comments.json.comments.map((comment: { content: string }) => comment.content)).toEqual(['Does this work on Windows?', 'Typo here.']);
    const added = await tool('add_comment', { pageId: SEED.pages.gettingStarted.id, content: '<p>Yes, with WSL.</p>' });
    expect(added.isError).toBe(false);
    expect(added.json).toMatchObject({ pageId: SEED.pages.gettingStarted.id, content: 'Yes, with WSL.' });
    const stored = Object.values(state().comments).filter((comment) => comment.pageId === SEED.pages.gettingStarted.id && comment.location === 'footer');
    expect(stored.map((comment) => [comment.body.value, comment.version.authorId])).toEqual([
      ['<p>Does this work on Windows?</p>', 'bob'],
      ['<p>Yes, with WSL.</p>', 'alice'],
    ]);
    const outside = await tool('add_comment', { pageId: SEED.pages.runbooks.id, content: '<p>no</p>' });
    expect(outside.isError).toBe(true);
    expect(Object.values(state().comments).filter((comment) => comment.pageId === SEED.pages.runbooks.id)).toHaveLength(1);
  });
});
