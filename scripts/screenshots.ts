/**
 * `npm run screenshots`: the three Custom UI pages with realistic data, as docs/screenshots/*.png.
 * Starts the local server with empty state, issues tokens and makes gateway calls over HTTP, as people
 * and scripts would, then photographs each page in headless Chromium (the browser suite's setup).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { newContext, openModule, startBrowserSession, type ModuleView } from '../test/browser/browser-session';
import { foldAfterSettling } from '../test/browser/background-fold';
import { seedActivity } from '../emulator/demo/seed';

const OUT_DIR = path.join(__dirname, '..', 'docs', 'screenshots');

/** The view with the whole module visible: the viewport grows to the frame's content. */
async function photograph(page: Page, frame: FrameLocator, shot: Shot): Promise<void> {
  const { file } = shot;
  const chrome = await page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
  const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1280, height: Math.ceil(chrome + content) });
  // Parts that load once they are in view (the tokens' sparklines) have come into view now.
  await shot.inView?.(frame);
  await page.screenshot({ path: path.join(OUT_DIR, file) });
  console.log(path.relative(process.cwd(), path.join(OUT_DIR, file)));
}

interface Shot {
  file: string;
  view: ModuleView;
  /** Visible once the page shows its data. */
  ready: (frame: FrameLocator) => Promise<void>;
  /** Visible once the whole page is in the viewport. */
  inView?: (frame: FrameLocator) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    file: 'api-tokens.png',
    view: { module: 'api-tokens', user: 'alice' },
    ready: (frame) => frame.getByTestId(/^token-row-/).nth(2).waitFor(),
    inView: (frame) => frame.getByTestId(/^token-sparkline-/).first().waitFor(),
  },
  {
    file: 'space-usage.png',
    view: { module: 'api-token-usage', user: 'alice', space: 'DOCS' },
    ready: async (frame) => {
      await frame.getByTestId(/^space-token-row-/).nth(2).waitFor();
      await frame.getByTestId(/^audit-row-/).nth(5).waitFor();
      await frame.getByRole('img', { name: 'Requests per day, last 30 days' }).locator('svg').waitFor();
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
  const session = await startBrowserSession({ rebuildStale: true });
  try {
    await seedActivity(session.server);
    await foldAfterSettling(session.server);
    for (const shot of SHOTS) {
      const context = await newContext(session);
      const page = await context.newPage();
      const frame = await openModule(page, session.server, shot.view);
      await shot.ready(frame);
      await photograph(page, frame, shot);
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
