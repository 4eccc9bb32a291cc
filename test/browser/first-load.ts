import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { hostPageUrl, newContext, type BrowserSession, type ModuleView } from './browser-session';

/** Issue 11: what a page may fetch before it is usable, in gzip bytes. Confluence loads it on every visit. */
export const FIRST_LOAD_BUDGET_GZIP_BYTES = 150_000;

export type PageName = 'tokens' | 'space-usage' | 'admin';

/** Each Custom UI page as the person it is for sees it (with test/browser/seed.ts's data, each shows a table). */
export const PAGE_VIEWS: Record<PageName, ModuleView> = {
  tokens: { module: 'api-tokens', user: 'alice' },
  'space-usage': { module: 'api-token-usage', user: 'alice', space: 'DOCS' },
  admin: { module: 'api-token-policy', user: 'siteadmin' },
};

export interface FetchedFile {
  /** The path under the resource, e.g. `assets/index-3f2a.js`. */
  path: string;
  type: 'script' | 'stylesheet';
  bytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  /** Sum of `files`' gzip sizes. */
  gzipBytes: number;
  /** Every script and stylesheet the page's frame fetched from its resource, largest first. */
  files: FetchedFile[];
  /** From the host page's navigation start to the first table with a row in the module's DOM. */
  readyMs: number;
}

/**
 * Runs in every frame before its own scripts: the module's frame notes when a table with a row first
 * appears. Absolute time (timeOrigin + now), so the host page's navigation start can be subtracted.
 * (A string: it runs in the browser, which this file's TypeScript settings do not describe.)
 */
const WATCH_FOR_FIRST_TABLE = `
  if (window !== window.top) {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('table tbody tr')) return;
      window.__firstTableAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }`;

/**
 * Loads a page in a fresh browser context (empty cache) and sums the gzip -9 sizes of every script and
 * stylesheet its frame fetched from the resource (`/resources/...`; the local bridge script is the
 * emulator's, not the app's) until the first table shows and the network has been idle for 500 ms, so
 * chunks a page loads right after it starts (themes, lazy parts it needs at once) count too.
 */
export async function measureFirstLoad(session: BrowserSession, view: ModuleView): Promise<FirstLoad> {
  const context = await newContext(session);
  try {
    await context.addInitScript({ content: WATCH_FOR_FIRST_TABLE });
    const page = await context.newPage();
    const files: Promise<FetchedFile>[] = [];
    page.on('response', (response: Response) => {
      const type = response.request().resourceType();
      const { pathname } = new URL(response.url());
      if ((type !== 'script' && type !== 'stylesheet') || !pathname.startsWith('/resources/')) return;
      files.push(
        response.body().then((body) => ({
          path: pathname.split('/').slice(3).join('/'),
          type,
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
        })),
      );
    });
    await page.goto(hostPageUrl(session.server, view));
    const frame = page.frameLocator('main iframe');
    await frame.locator('table tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const firstTableAt: number = await frame.locator('html').evaluate('window.__firstTableAt');
    const fetched = (await Promise.all(files)).sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      gzipBytes: fetched.reduce((sum, file) => sum + file.gzipBytes, 0),
      files: fetched,
      readyMs: firstTableAt - navigationStart,
    };
  } finally {
    await context.close();
  }
}

/** One line per file, for a failure message or the bench: who costs what. */
export function describeFirstLoad(load: FirstLoad): string {
  return load.files.map((file) => `${String(file.gzipBytes).padStart(8)}  ${file.path}`).join('\n');
}
