import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { startLocalServer, type LocalServer } from '../../emulator/server/server';
import { buildMissingUi } from '../../emulator/server/ui-modules';

/** Debian's Chromium; CI installs it (see .ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The local server (as `npm start` runs it, on a free port, with its own empty state) and a headless Chromium. */
export interface BrowserSession {
  server: LocalServer;
  browser: Browser;
  close(): Promise<void>;
}

/** `rebuildStale`: rebuild UI modules older than their sources (single processes only: screenshots, bench). */
export async function startBrowserSession(options: { rebuildStale?: boolean } = {}): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-session-'));
  const server = await startLocalServer({ port: 0, dataDir });
  // What npm start does first; a no-op when the builds are there (the browser suite's setup made them).
  buildMissingUi(server.modules, options);
  let browser: Browser;
  try {
    // launch() gives Chromium a fresh temporary profile (--user-data-dir) and deletes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ModuleView {
  module: 'api-tokens' | 'api-token-usage' | 'api-token-policy';
  user: string;
  space?: string;
}

/** The host page's URL for a module as `user` sees it. */
export function hostPageUrl(server: LocalServer, view: ModuleView): string {
  const query = new URLSearchParams({ module: view.module, user: view.user });
  if (view.space) query.set('space', view.space);
  return `${server.url}/?${query}`;
}

/** Opens the host page for a view and answers the module's frame, where the Custom UI runs. */
export async function openModule(page: Page, server: LocalServer, view: ModuleView): Promise<FrameLocator> {
  await page.goto(hostPageUrl(server, view));
  return page.frameLocator('main iframe');
}

/** A fresh context (own cookies, storage and permissions) in the session's browser. */
export async function newContext(session: BrowserSession, options: { clipboard?: boolean } = {}): Promise<BrowserContext> {
  const context = await session.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  // Well under jest's 30 s per test, so a missing element fails with Playwright's own explanation.
  context.setDefaultTimeout(8_000);
  return context;
}

/** A test file's browser: one local server and Chromium for the file, a fresh context and page per test. */
export interface BrowserFixture {
  readonly session: BrowserSession;
  readonly context: BrowserContext;
  readonly page: Page;
}

export function useBrowser(options: { clipboard?: boolean } = {}): BrowserFixture {
  let session: BrowserSession | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(() => session?.close());
  beforeEach(async () => {
    context = await newContext(session!, options);
    page = await context.newPage();
  });
  afterEach(() => context?.close());
  return {
    get session() {
      return session!;
    },
    get context() {
      return context!;
    },
    get page() {
      return page!;
    },
  };
}
