/**
 * `npm run screenshots`: the three Custom UI pages with realistic data, as docs/screenshots/*.png.
 * Starts the local server with empty state, issues tokens and makes gateway calls over HTTP, as people
 * and scripts would, then photographs each page in headless Chromium (the browser suite's setup).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { LocalServer } from '../emulator/server/server';
import { gateway, invoke } from '../test/server/http-client';
import { newContext, openModule, startBrowserSession, type ModuleView } from '../test/browser/browser-session';

const OUT_DIR = path.join(__dirname, '..', 'docs', 'screenshots');
const DOCS_ID = '10001';

async function issue(server: LocalServer, user: string, input: { label: string; spaceKeys: string[]; operations: string[]; expiresInDays: number }) {
  const answer = await invoke(server, user, 'createToken', input);
  if (answer.status !== 200) throw new Error(`createToken for ${user} answered ${answer.status}: ${answer.text}`);
  return { token: answer.json.token as string, id: answer.json.info.id as string };
}

async function call(server: LocalServer, token: string, method: string, route: string, body?: unknown): Promise<any> {
  return (await gateway(server, token, method, route, body)).json;
}

const newPage = (title: string) => ({ spaceId: DOCS_ID, status: 'current', title, body: { representation: 'storage', value: `<p>${title}</p>` } });

/** Alice's and bob's scripts at work: pages created, updated, read and trashed, one stale update refused by Confluence. */
async function seed(server: LocalServer): Promise<void> {
  const releaseBot = await issue(server, 'alice', { label: 'Release notes bot', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  const exporter = await issue(server, 'alice', { label: 'Nightly export', spaceKeys: ['DOCS', 'ENG'], operations: ['read'], expiresInDays: 90 });
  const migration = await issue(server, 'alice', { label: 'Wiki migration', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update', 'delete'], expiresInDays: 7 });
  const wikiSync = await issue(server, 'bob', { label: 'Wiki sync', spaceKeys: ['DOCS', 'ENG'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  const runbooks = await issue(server, 'bob', { label: 'Runbook mirror', spaceKeys: ['ENG'], operations: ['read'], expiresInDays: 90 });

  const notes = await call(server, releaseBot.token, 'POST', '/wiki/api/v2/pages', newPage('Release 2.4'));
  await call(server, releaseBot.token, 'PUT', `/wiki/api/v2/pages/${notes.id}`, { ...newPage('Release 2.4'), id: notes.id, version: { number: 2 } });
  // A script retrying with a version it already used: Confluence answers 409.
  await call(server, releaseBot.token, 'PUT', `/wiki/api/v2/pages/${notes.id}`, { ...newPage('Release 2.4'), id: notes.id, version: { number: 2 } });
  for (const id of ['20001', '20002', '20003', '20004']) await call(server, exporter.token, 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`);
  await call(server, exporter.token, 'GET', '/wiki/api/v2/spaces/10002/pages');
  const draft = await call(server, migration.token, 'POST', '/wiki/api/v2/pages', newPage('Migrated: Onboarding'));
  await call(server, migration.token, 'DELETE', `/wiki/api/v2/pages/${draft.id}`);
  await invoke(server, 'alice', 'revokeToken', { id: migration.id });

  const synced = await call(server, wikiSync.token, 'POST', '/wiki/api/v2/pages', newPage('Sync report'));
  await call(server, wikiSync.token, 'GET', `/wiki/api/v2/pages/${synced.id}`);
  await call(server, runbooks.token, 'GET', '/wiki/api/v2/spaces/10002/pages');
  await call(server, runbooks.token, 'GET', '/wiki/api/v2/pages/20013?body-format=storage');
}

/** The view with the whole module visible: the viewport grows to the frame's content. */
async function photograph(page: Page, frame: FrameLocator, file: string): Promise<void> {
  const chrome = await page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
  const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1280, height: Math.ceil(chrome + content) });
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  console.log(path.relative(process.cwd(), path.join(OUT_DIR, file)));
}

interface Shot {
  file: string;
  view: ModuleView;
  /** Visible once the page shows its data. */
  ready: (frame: FrameLocator) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    file: 'api-tokens.png',
    view: { module: 'api-tokens', user: 'alice' },
    ready: (frame) => frame.getByTestId(/^token-row-/).nth(2).waitFor(),
  },
  {
    file: 'space-usage.png',
    view: { module: 'api-token-usage', user: 'alice', space: 'DOCS' },
    ready: async (frame) => {
      await frame.getByTestId(/^space-token-row-/).nth(2).waitFor();
      await frame.getByTestId(/^audit-row-/).nth(5).waitFor();
    },
  },
  {
    file: 'policy.png',
    view: { module: 'api-token-policy', user: 'siteadmin' },
    ready: async (frame) => {
      await frame.getByTestId('policy-form').waitFor();
      await frame.getByTestId(/^all-token-row-/).nth(4).waitFor();
    },
  },
];

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const session = await startBrowserSession();
  try {
    await seed(session.server);
    for (const shot of SHOTS) {
      const context = await newContext(session);
      const page = await context.newPage();
      const frame = await openModule(page, session.server, shot.view);
      await shot.ready(frame);
      await photograph(page, frame, shot.file);
      await context.close();
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
