import type { AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { invoke } from '../server/http-client';
import { foldAfterSettling, pastRequest, storePastEvents } from './background-fold';
import { expectAccessible } from './accessibility';
import { openModule, useBrowser } from './browser-session';

/**
 * The activity charts, on a server of their own: past requests are stored before the fold first runs
 * (it never goes back before its position, as requests are never filed in the past).
 */
const browser = useBrowser();

const repeat = (count: number, make: () => AuditRecord) => Array.from({ length: count }, make);

const issue = async (user: string, label: string) =>
  (await invoke(browser.session.server, user, 'createToken', { label, spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 })).json.info;

/** Each test below walks several states and audits each with axe-core: more than jest's 30 s on a busy machine. */
const SEVERAL_STATES_MS = 60_000;

/** How the charts and tables name a day, in the browser's en-GB locale. */
const dayOf = (daysAgo: number, options: Intl.DateTimeFormatOptions = {}) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC', ...options }).format(Date.now() - daysAgo * DAY_MS);

beforeAll(async () => {
  const { server } = browser.session;
  const exporter = await issue('bob', 'Exporter');
  const checker = await issue('alice', 'Link checker');
  const busy = await issue('bob', 'Busy bot');
  await issue('bob', 'Idle bot');
  await storePastEvents(server, [
    ...repeat(5, () => pastRequest(exporter, 3, 'ok')),
    ...repeat(2, () => pastRequest(exporter, 3, 'denied')),
    ...repeat(1, () => pastRequest(exporter, 1, 'failed')),
    ...repeat(4, () => pastRequest(checker, 10, 'ok')),
    ...repeat(6, () => pastRequest(busy, 2, 'ok')),
    pastRequest(busy, 2, 'denied'),
    ...repeat(3, () => pastRequest(busy, 12, 'ok')),
  ]);
  await foldAfterSettling(server);
});

it("draws DOCS's requests per day for the last 30 days, by outcome, for every token or one, with a table of the numbers", async () => {
  const { server } = browser.session;
  const frame = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  const chart = frame.getByRole('img', { name: 'Requests per day, last 30 days', exact: true });
  await chart.waitFor();
  const legend = frame.getByTestId('space-activity-legend');
  const totals = async () => (await legend.getByRole('listitem').allTextContents()).map((item) => Number(item.split(': ')[1]));
  expect(await totals()).toEqual([18, 3, 1]);
  // 30 days × 4 outcomes (unconfirmed changes too), each bar titled with its day, outcome and count.
  const bars = chart.locator('line.ct-bar');
  expect(await bars.count()).toBe(120);
  const threeDaysAgo = dayOf(3, { weekday: 'short' });
  expect(await chart.locator('title').allTextContents()).toEqual(expect.arrayContaining([`${threeDaysAgo}: 2 Denied`]));
  await expectAccessible(browser.page, 'space usage page, activity chart');

  await frame.getByRole('button', { name: 'Show as table' }).click();
  const table = frame.getByRole('table', { name: 'Requests per day, last 30 days' });
  expect(await table.getByRole('row').count()).toBe(31);
  expect(await table.getByRole('row').filter({ hasText: threeDaysAgo }).getByRole('cell').allTextContents()).toEqual([threeDaysAgo, '5', '2', '0', '7']);
  await expectAccessible(browser.page, 'space usage page, activity table');

  await frame.getByRole('combobox', { name: 'Token' }).first().fill('Exporter');
  await frame.getByRole('option', { name: 'Exporter (Bob Brown)' }).click();
  const filtered = frame.getByRole('table', { name: 'Requests per day, last 30 days, Exporter (Bob Brown)' });
  await filtered.waitFor();
  expect(await totals()).toEqual([5, 2, 1]);
  await frame.getByRole('button', { name: 'Show as chart' }).click();
  await frame.getByRole('img', { name: 'Requests per day, last 30 days, Exporter (Bob Brown)' }).waitFor();
}, SEVERAL_STATES_MS);

it('says so when a space had no requests in the last 30 days', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-token-usage', user: 'carol', space: 'PRIV' });
  await frame.getByTestId('space-activity-empty').filter({ hasText: 'No requests in the last 30 days.' }).waitFor();
  expect(await frame.getByRole('img', { name: /^Requests per day/ }).count()).toBe(0);
  await expectAccessible(browser.page, 'space usage page, no activity');
});

it("shows each of bob's tokens' last 30 days as a sparkline that opens the full chart and its table", async () => {
  const fetched: string[] = [];
  browser.page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-tokens', user: 'bob' });
  const row = frame.getByTestId(/^token-row-/).filter({ hasText: 'Busy bot' });
  await row.waitFor();
  // The list is below the creation form: nothing of the charts is fetched until it is scrolled to.
  await browser.page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => /Sparkline|activity/.test(path))).toEqual([]);
  await row.scrollIntoViewIfNeeded();
  const sparklineSeen = frame.getByTestId(/^token-sparkline-/).first();
  await sparklineSeen.waitFor();
  await expectAccessible(browser.page, 'tokens page, sparklines');
  const sparkline = frame.getByRole('button', {
    name: `Requests per day, last 30 days, Busy bot: 10 requests (1 denied), most on ${dayOf(2)} (7). Show the chart.`,
  });
  await sparkline.waitFor();
  expect(await sparkline.locator('svg path.ct-line').count()).toBe(1);
  await frame.getByRole('button', { name: 'Requests per day, last 30 days, Idle bot: no requests. Show the chart.' }).waitFor();

  await sparkline.click();
  const dialog = frame.getByRole('dialog', { name: '“Busy bot”, last 30 days' });
  await dialog.getByRole('img', { name: 'Requests per day, last 30 days, Busy bot' }).waitFor();
  await dialog.getByRole('button', { name: 'Show as table' }).click();
  const rows = dialog.getByRole('table', { name: 'Requests per day, last 30 days, Busy bot' }).getByRole('row');
  expect(await rows.count()).toBe(31);
  const busiest = dayOf(2, { weekday: 'short' });
  expect(await rows.filter({ hasText: busiest }).getByRole('cell').allTextContents()).toEqual([busiest, '6', '1', '0', '7']);
  await expectAccessible(browser.page, 'tokens page, activity dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}, SEVERAL_STATES_MS);
