/**
 * Issue 19: an owner sees why their scripts were refused. Out-of-scope answers are a bare 404 to the
 * script by design; the token's dialog lists its recent requests with the reason in words.
 */
import { SEED } from '../../emulator/confluence/seed';
import { newPage } from '../../emulator/demo/new-page';
import { gateway, invoke } from '../server/http-client';
import { expectAccessible } from './accessibility';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();
const DOCS = SEED.spaces.DOCS;

const issue = async (input: Record<string, unknown>) => {
  const answer = await invoke(browser.session.server, 'alice', 'createToken', { spaceKeys: ['DOCS'], operations: ['read', 'create'], expiresInDays: 30, ...input });
  if (answer.status !== 200) throw new Error(answer.text);
  return answer.json as { token: string; info: { id: string } };
};

it("lists a token's recent requests in its dialog, each refusal with its reason in words", async () => {
  const { server } = browser.session;
  const release = await issue({ label: 'Release bot', pageIds: [SEED.pages.releaseNotes.id] });
  const ok = await gateway(server, release.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`);
  const otherSpace = await gateway(server, release.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.runbooks.id}`);
  const outsideTree = await gateway(server, release.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`);
  const noParent = await gateway(server, release.token, 'POST', '/wiki/api/v2/pages', newPage(DOCS.id, 'Loose'));
  // What the script saw: two bare 404s and one 400 that says what it needs.
  expect([ok.status, otherSpace.status, outsideTree.status, noParent.status]).toEqual([200, 404, 404, 400]);
  expect(otherSpace.json.errors[0].detail).toBeNull();

  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  const row = frame.getByTestId(`token-row-${release.info.id}`);
  await row.scrollIntoViewIfNeeded();
  await frame.getByRole('button', { name: /^Requests per day, last 30 days, Release bot: .*Show the chart\.$/ }).click();
  const dialog = frame.getByRole('dialog', { name: '“Release bot”, last 30 days' });
  const table = dialog.getByRole('table', { name: 'Recent requests, newest first' });
  await table.waitFor();
  const rows = table.getByRole('row');
  expect(await rows.count()).toBe(5);
  const texts = await rows.allTextContents();
  // Newest first: the create without a parent, the page outside the trees, the other space, the read.
  expect(texts[1]).toContain('Create (POST)');
  expect(texts[1]).toContain('a new page must name a parent inside one of them');
  expect(texts[1]).toContain('PARENT_REQUIRED');
  expect(texts[2]).toContain('outside the token’s page trees. The script was answered 404');
  expect(texts[2]).toContain('“Getting Started”');
  expect(texts[3]).toContain('outside the token’s spaces. The script was answered 404');
  expect(texts[3]).toContain('SPACE_NOT_GRANTED');
  expect(texts[4]).toContain('Read (GET)');
  expect(texts[4]).toContain('OK');
  await expectAccessible(browser.page, 'tokens page, recent requests with reasons');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}, 60_000);

it('names the allowlist as the reason for a request from elsewhere', async () => {
  const { server } = browser.session;
  const locked = await issue({ label: 'Office only', allowedIps: ['203.0.113.0/24'] });
  expect((await gateway(server, locked.token, 'GET', `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`)).status).toBe(403);

  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  await frame.getByTestId(`token-row-${locked.info.id}`).scrollIntoViewIfNeeded();
  await frame.getByRole('button', { name: /^Requests per day, last 30 days, Office only: .*Show the chart\.$/ }).click();
  const dialog = frame.getByRole('dialog', { name: '“Office only”, last 30 days' });
  const reason = dialog.getByTestId(/^recent-request-reason-/);
  await reason.waitFor();
  expect(await reason.textContent()).toMatch(/outside the token’s IP allowlist.*HTTP 403, IP_NOT_ALLOWED, from 127\.0\.0\.1/);
  await expectAccessible(browser.page, 'tokens page, recent requests, allowlist refusal');
}, 60_000);
