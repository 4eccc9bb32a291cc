/**
 * Issue 19: the activity charts fit their own labels at every size the pages use: the space page's chart
 * and the token dialog's, on a wide and a narrow window. No axis label is cut by the chart's edge or
 * wrapped onto a second line; the chart's token filter is as wide as one of the log's filters.
 */
import type { FrameLocator, Locator } from 'playwright-core';
import type { AuditRecord } from '../../src/core/audit';
import { invoke } from '../server/http-client';
import { expectAccessible } from './accessibility';
import { foldAfterSettling, pastRequest, storePastEvents } from './background-fold';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();
const WIDTHS = [1280, 800];

let token: { id: string; ownerAccountId: string; label: string };

beforeAll(async () => {
  const { server } = browser.session;
  const info = (await invoke(server, 'alice', 'createToken', { label: 'Busy exporter', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 })).json.info;
  token = { id: info.id, ownerAccountId: 'alice', label: info.label };
  // Hundreds on the busiest day: three-digit y labels, the widest the top of the axis gets here.
  const events: AuditRecord[] = [];
  for (const [daysAgo, count] of [[1, 240], [5, 60], [12, 130], [29, 10]] as const) {
    for (let i = 0; i < count; i++) events.push(pastRequest(token, daysAgo, i % 10 === 0 ? 'denied' : 'ok'));
  }
  await storePastEvents(server, events);
  await foldAfterSettling(server);
}, 60_000);

interface LabelFit {
  text: string;
  lines: number;
  inside: boolean;
}

/** Each non-empty axis label of the chart: how many lines its text takes, and whether it lies inside the chart's box. */
function labelFits(chart: Locator): Promise<LabelFit[]> {
  return chart.evaluate((element) => {
    // Typed by hand: the test tsconfig has no DOM lib.
    type Rect = { left: number; right: number; top: number; bottom: number };
    type Node = { textContent: string | null; getBoundingClientRect(): Rect };
    const box = (element as unknown as Node).getBoundingClientRect();
    const doc = (element as unknown as { ownerDocument: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<Rect>; getBoundingClientRect(): Rect } } }).ownerDocument;
    const labels = Array.from((element as unknown as { querySelectorAll(selector: string): ArrayLike<Node> }).querySelectorAll('.ct-label'));
    return labels
      .filter((label) => (label.textContent ?? '').trim() !== '')
      .map((label) => {
        const range = doc.createRange();
        range.selectNodeContents(label);
        const text = range.getBoundingClientRect();
        const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
        const inside = text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && text.top >= box.top - 0.5 && text.bottom <= box.bottom + 0.5;
        return { text: label.textContent!.trim(), lines, inside };
      });
  });
}

async function expectLabelsFit(chart: Locator, where: string): Promise<void> {
  await chart.locator('.ct-label').first().waitFor();
  const fits = await labelFits(chart);
  // Both axes are labelled: the y axis from 0 up, and some days on the x axis.
  expect(fits.length).toBeGreaterThan(4);
  expect({ where, misfits: fits.filter((fit) => fit.lines !== 1 || !fit.inside) }).toEqual({ where, misfits: [] });
}

async function openSpacePage(width: number): Promise<FrameLocator> {
  await browser.page.setViewportSize({ width, height: 900 });
  return openModule(browser.page, browser.session.server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
}

it.each(WIDTHS)("fits the space page chart's labels at %i px", async (width) => {
  const frame = await openSpacePage(width);
  await expectLabelsFit(frame.getByTestId('space-activity-chart'), `space page at ${width} px`);
  await expectAccessible(browser.page, `space usage page at ${width} px, chart`);
}, 60_000);

it.each(WIDTHS)("fits the token dialog chart's labels at %i px", async (width) => {
  await browser.page.setViewportSize({ width, height: 900 });
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-tokens', user: 'alice' });
  await frame.getByTestId(`token-row-${token.id}`).scrollIntoViewIfNeeded();
  await frame.getByRole('button', { name: /^Requests per day, last 30 days, Busy exporter: .*Show the chart\.$/ }).click();
  const dialog = frame.getByRole('dialog', { name: '“Busy exporter”, last 30 days' });
  await expectLabelsFit(dialog.getByTestId('token-activity-chart'), `token dialog at ${width} px`);
  await expectAccessible(browser.page, `tokens page at ${width} px, activity dialog`);
}, 60_000);

it("gives the chart's token filter the width of one of the log's filters", async () => {
  const frame = await openSpacePage(1280);
  const width = async (id: string) => (await frame.locator(`#${id}`).locator('xpath=ancestor::div[parent::div[@role="group"]]').boundingBox())!.width;
  await frame.getByTestId('space-activity-chart').waitFor();
  const chartFilter = await width('activity-filter-token');
  const logFilter = await width('audit-filter-token');
  expect(Math.abs(chartFilter - logFilter)).toBeLessThanOrEqual(1);
}, 60_000);
