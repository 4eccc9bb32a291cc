import { gateway, invoke } from '../server/http-client';
import { openModule, useBrowser } from './browser-session';

// Parts of the pages that load when first wanted (issue 11): they must work on that first use.
const browser = useBrowser();

/** Script files the page has fetched so far. */
function scriptsFetched(): () => string[] {
  const scripts: string[] = [];
  browser.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return () => [...scripts];
}

it('fetches the Select when someone tabs into one, keeping what they typed before it arrived', async () => {
  const fetched = scriptsFetched();
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-tokens', user: 'alice' });
  const spaces = frame.getByRole('combobox', { name: 'Spaces' });
  await spaces.waitFor();
  // The stand-in: Atlaskit's control is not there yet, and nothing fetched it.
  expect(await frame.locator('.select-stand-in').count()).toBe(2);
  const before = fetched().length;

  // Straight into Spaces by keyboard, typing at once: the form's first field is skipped, so nothing preloaded.
  await spaces.focus();
  await browser.page.keyboard.type('ENG');
  await frame.getByRole('option', { name: /\(ENG\)/ }).waitFor();
  expect(fetched().length).toBeGreaterThan(before);
  expect(await frame.locator('.select-stand-in').count()).toBe(0);
  expect(await spaces.inputValue()).toBe('ENG');
  await browser.page.keyboard.press('Enter');
  await frame.getByTestId('token-spaces-select--multivalue-0').filter({ hasText: 'Engineering (ENG)' }).waitFor();
});

it('opens the Select’s menu on the first click, on the stand-in', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-tokens', user: 'alice' });
  await frame.locator('.select-stand-in').first().waitFor();
  await frame.getByTestId('token-expiry-select--control').click();
  await frame.getByRole('option', { name: '90 days', exact: true }).click();
  await frame.getByTestId('token-expiry-select--control').filter({ hasText: '90 days' }).waitFor();
});

it('shows a sortable column’s hint on the first hover, though the tooltip code arrives only then', async () => {
  const { server } = browser.session;
  const issued = await invoke(server, 'alice', 'createToken', { label: 'Hinted', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  expect((await gateway(server, issued.json.token, 'GET', '/wiki/api/v2/spaces?keys=DOCS')).status).toBe(200);
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  const header = frame.getByRole('columnheader', { name: 'Created' }).getByRole('button');
  await header.hover();
  await frame.getByRole('tooltip').filter({ hasText: /^Sort (ascending|descending)$/ }).waitFor();
});

it('keeps keyboard focus on a sortable column’s header when its hint’s code arrives, and shows the hint', async () => {
  const { server } = browser.session;
  await invoke(server, 'alice', 'createToken', { label: 'Focused', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  const header = frame.getByRole('columnheader', { name: 'Created' }).getByRole('button');
  await header.focus();
  await frame.getByRole('tooltip').filter({ hasText: /^Sort (ascending|descending)$/ }).waitFor();
  expect(await header.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
});

it('gives focus back when the pointer also came to rest on the header before the hint’s code arrived', async () => {
  const { server } = browser.session;
  await invoke(server, 'alice', 'createToken', { label: 'Both', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  // Hold the tooltip's code until both the keyboard and the pointer have reached the stand-in.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = /\/assets\/tooltip-[^/]*\.js$/;
  await browser.page.route(held, async (route) => {
    await released;
    await route.continue();
  });
  try {
    const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
    const header = frame.getByRole('columnheader', { name: 'Created' }).getByRole('button');
    await header.focus();
    await header.hover();
    release();
    await frame.getByRole('tooltip').filter({ hasText: /^Sort (ascending|descending)$/ }).waitFor();
    expect(await header.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  } finally {
    release();
    await browser.page.unroute(held);
  }
});
