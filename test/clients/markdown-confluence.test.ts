/**
 * @markdown-confluence/cli 5.5 (a Markdown publisher on npm), unmodified, run as a docs pipeline runs
 * it: its own process in a folder of Markdown files with `.markdown-confluence.json`, the gateway's URL
 * as `confluenceBaseUrl` and the token in ATLASSIAN_API_TOKEN. It speaks REST v1 (through the
 * confluence.js 1.x it bundles): it finds or creates a page per file under a parent, writes ADF
 * bodies, and prints each page's URL as `_links.base + webui`. Effects are checked in the stand-in.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SEED } from '../../emulator/confluence';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from '../server/http-client';

jest.setTimeout(120_000);

let server: LocalServer;
let token: string;
let folder: string;
const CLI = require.resolve('@markdown-confluence/cli/dist/index.js');
const DOCS = SEED.spaces.DOCS;
const state = () => server.app.confluence.snapshot();
const created = () => Object.values(state().pages).filter((page) => Number(page.id) >= SEED.firstCreatedPageId);

/** One run of the publisher in `folder`, as `npx @markdown-confluence/cli` would: its exit code and what it printed. */
async function publish(parentId: string): Promise<{ code: number; out: string }> {
  fs.writeFileSync(
    path.join(folder, '.markdown-confluence.json'),
    JSON.stringify({ confluenceBaseUrl: `${server.url}/x/gateway`, confluenceParentId: parentId, atlassianUserName: 'someone@example.com', folderToPublish: '.' }),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI], { cwd: folder, env: { PATH: process.env.PATH ?? '', ATLASSIAN_API_TOKEN: token }, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
  fs.writeFileSync(path.join(folder, file), text);
};

beforeAll(async () => {
  server = await startServer(tempDataDir());
  const issued = await invoke(server, 'alice', 'createToken', { label: 'docs pipeline', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  token = issued.json.token;
});
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'markdown-confluence-'));
});
afterAll(async () => {
  await server?.close();
});

describe('a docs pipeline publishing Markdown through @markdown-confluence/cli', () => {
  it('creates a page per file under the parent, in ADF, and updates it when the file changes', async () => {
    write('guide.md', '---\nconnie-publish: true\n---\n# Guide\n\nHello **world**.\n');
    write('reference/api.md', '---\nconnie-publish: true\n---\nThe API.\n');
    const first = await publish(SEED.pages.docsHome.id);
    expect(first.out).not.toContain('FAILED');
    expect(first.code).toBe(0);
    const pages = Object.fromEntries(created().map((page) => [page.title, page]));
    expect(Object.keys(pages).sort()).toEqual(['api', 'guide', 'reference']);
    expect(pages.guide).toMatchObject({ spaceId: DOCS.id, parentId: SEED.pages.docsHome.id, authorId: 'alice', body: { representation: 'atlas_doc_format' } });
    expect(pages.api!.parentId).toBe(pages.reference!.id);
    const adf = JSON.parse(pages.guide!.body.value);
    expect(adf.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(JSON.stringify(adf)).toContain('"strong"');
    // It records the page id in the file, as it does against Confluence.
    expect(fs.readFileSync(path.join(folder, 'guide.md'), 'utf8')).toContain(`connie-page-id: '${pages.guide!.id}'`);

    // The page URL it prints is _links.base + webui: on the gateway, which sends a browser on to the site.
    const url = new RegExp(`guide.md .*Page URL: (\\S+)`).exec(first.out)?.[1];
    expect(url).toBe(`${server.url}/x/gateway/wiki/spaces/DOCS/pages/${pages.guide!.id}/`);
    const opened = await fetch(url!, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('location')]).toEqual([302, `${server.url}/wiki/spaces/DOCS/pages/${pages.guide!.id}/`]);

    const version = pages.guide!.version.number;
    write('guide.md', fs.readFileSync(path.join(folder, 'guide.md'), 'utf8').replace('Hello', 'Goodbye'));
    const second = await publish(SEED.pages.docsHome.id);
    expect(second.out).not.toContain('FAILED');
    const guide = state().pages[pages.guide!.id]!;
    expect(guide.version.number).toBe(version + 1);
    expect(guide.body.value).toContain('Goodbye');
    expect(created()).toHaveLength(3);
  });

  it('publishes nothing under a parent outside the token’s spaces', async () => {
    write('elsewhere.md', '---\nconnie-publish: true\n---\nShould not land in ENG.\n');
    const before = created().length;
    const run = await publish(SEED.pages.engHome.id);
    // The parent answers as a page that does not exist, and the publisher stops there.
    expect(run.code).not.toBe(0);
    expect(run.out).toContain('"statusCode":404');
    expect(created()).toHaveLength(before);
    expect(Object.values(state().pages).filter((page) => page.spaceId === SEED.spaces.ENG.id && page.title === 'elsewhere')).toEqual([]);
  });
});
