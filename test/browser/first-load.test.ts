import { startBrowserSession, type BrowserSession } from './browser-session';
import { describeFirstLoad, FIRST_LOAD_BUDGET_GZIP_BYTES, measureFirstLoad, PAGE_VIEWS, type PageName } from './first-load';
import { seedActivity } from '../../emulator/demo/seed';

let session: BrowserSession;
beforeAll(async () => {
  session = await startBrowserSession();
  await seedActivity(session.server);
});
afterAll(() => session?.close());

// The budget of issue 11, measured as the bench measures it (npm run bench reports the same figure).
it.each(Object.keys(PAGE_VIEWS) as PageName[])('loads the %s page within the first-load budget', async (name) => {
  const load = await measureFirstLoad(session, PAGE_VIEWS[name]);
  if (load.gzipBytes > FIRST_LOAD_BUDGET_GZIP_BYTES) {
    // Who costs what, so whoever pushed the page over sees it; `npm run build -- --report` shows it by module.
    throw new Error(
      `The ${name} page fetched ${load.gzipBytes} bytes gzip before it was usable, over the budget of ` +
        `${FIRST_LOAD_BUDGET_GZIP_BYTES}:\n${describeFirstLoad(load)}`,
    );
  }
  expect(load.files.some((file) => file.type === 'script')).toBe(true);
});
