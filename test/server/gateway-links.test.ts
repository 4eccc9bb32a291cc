import fs from 'node:fs';
import { SEED } from '../../emulator/confluence';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from './http-client';

let dataDir: string;
let server: LocalServer;
let token: string;
let gatewayUrl: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startServer(dataDir);
  gatewayUrl = server.webTriggerUrls.gateway;
  const issued = await invoke(server, 'alice', 'createToken', { label: 'links', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
  token = issued.json.token;
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${token}` });
const DOCS_PAGES = ['20001', '20002', '20003', '20004', '20005', '20006'];

/** The `rel="next"` target of a Link header, as RFC 8288 clients read it. */
function nextOf(link: string | null): string | undefined {
  return link ? /<([^>]*)>\s*;\s*rel="next"/.exec(link)?.[1] : undefined;
}

describe('links in the gateway’s answers', () => {
  it('point a client that follows Link: rel="next" back at the gateway, until the last page', async () => {
    const seen: string[] = [];
    const visited: string[] = [];
    for (let url: string | undefined = `${gatewayUrl}/wiki/api/v2/spaces/${SEED.spaces.DOCS.id}/pages?limit=2`; url; ) {
      visited.push(url);
      const response = await fetch(url, { headers: auth() });
      expect(response.status).toBe(200);
      seen.push(...((await response.json()) as { results: Array<{ id: string }> }).results.map((page) => page.id));
      url = nextOf(response.headers.get('link'));
    }
    expect(seen).toEqual(DOCS_PAGES);
    expect(visited).toHaveLength(3);
    expect(visited.every((url) => url.startsWith(`${gatewayUrl}/wiki/api/v2/`))).toBe(true);
  });

  it('give _links.base on the gateway, so the site root + _links.next stays on it, and webui relative to it', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${gatewayUrl}/wiki/api/v2/pages?limit=4`;
    while (url) {
      const page = (await (await fetch(url, { headers: auth() })).json()) as { results: Array<{ id: string; _links: { webui: string } }>; _links: { base: string; next?: string } };
      expect(page._links.base).toBe(`${gatewayUrl}/wiki`);
      expect(page.results[0]._links.webui).toMatch(/^\/spaces\/DOCS\/pages\//);
      seen.push(...page.results.map((result) => result.id));
      url = page._links.next && page._links.base.replace(/\/wiki$/, '') + page._links.next;
    }
    expect(seen).toEqual(DOCS_PAGES);
  });

  it('open base + webui, tinyui and download in a browser: the gateway sends it, token-less, to the site, which shows them', async () => {
    const page = (await (await fetch(`${gatewayUrl}/wiki/api/v2/pages/20002`, { headers: auth() })).json()) as { title: string; _links: Record<string, string> };
    const attachments = (await (await fetch(`${gatewayUrl}/wiki/api/v2/pages/20002/attachments`, { headers: auth() })).json()) as { results: Array<{ downloadLink: string }> };
    for (const link of [page._links.webui, page._links.tinyui, attachments.results[0].downloadLink]) {
      const opened = await fetch(page._links.base + link, { redirect: 'manual' });
      expect([link, opened.status, opened.headers.get('location')]).toEqual([link, 302, `${server.url}/wiki${link}`]);
      const shown = await fetch(page._links.base + link);
      expect([link, shown.status, shown.url]).toEqual([link, 200, `${server.url}/wiki${link}`]);
      const text = await shown.text();
      if (link.startsWith('/download/')) expect(text).toBe(SEED.attachments.setupNotes.text);
      else expect(text).toContain(page.title);
    }
  });

  it('pass on only the headers the gateway allows, never Confluence’s others', async () => {
    const response = await fetch(`${gatewayUrl}/wiki/api/v2/pages/20002`, { headers: auth() });
    expect(response.status).toBe(200);
    const direct = await fetch(`${server.url}/wiki/api/v2/pages/20002`, { headers: { 'x-local-account-id': 'alice' } });
    expect(direct.headers.get('atl-traceid')).toMatch(/^[0-9a-f]{16}$/);
    expect(response.headers.get('atl-traceid')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
