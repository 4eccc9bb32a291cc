import { SEED } from '../../emulator/confluence';
import { gateway, invoke } from '../server/http-client';
import { expectAccessible } from './accessibility';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();
const P = SEED.pages;

it("shows DOCS's admin only DOCS: other spaces as a count, trees only here, and refused tokens by label and owner", async () => {
  const { server } = browser.session;
  const everywhere = await invoke(server, 'siteadmin', 'createToken', {
    label: 'Everywhere bot',
    spaceKeys: ['DOCS', 'ENG', 'PRIV'],
    operations: ['read'],
    expiresInDays: 30,
    pageIds: [P.releaseNotes.id, P.runbooks.id, P.salaries.id],
  });
  expect(everywhere.status).toBe(200);
  // bob's token reaches ENG only; bob can read DOCS himself, so the refusal is filed in DOCS's log.
  const bobs = await invoke(server, 'bob', 'createToken', { label: 'Nightly exporter', spaceKeys: ['ENG'], operations: ['read'], expiresInDays: 30 });
  expect((await gateway(server, bobs.json.token, 'GET', `/wiki/api/v2/pages/${P.gettingStarted.id}`)).status).toBe(404);

  const frame = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  const reach = frame.getByTestId(`space-token-reach-${everywhere.json.info.id}`);
  await reach.waitFor();
  expect(await reach.locator('div').allTextContents()).toEqual(['DOCS and 2 other spaces', 'Only under Release Notes']);

  const refused = frame.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row').filter({ hasText: 'Nightly exporter' });
  await refused.waitFor();
  expect((await refused.getByRole('cell').allTextContents()).slice(1, 2)).toEqual(['Nightly exporterBob Brown']);

  const text = (await frame.locator('body').textContent()) ?? '';
  for (const foreign of ['Salaries', 'Runbooks', 'PRIV', 'ENG']) expect([foreign, text.includes(foreign)]).toEqual([foreign, false]);
  await expectAccessible(browser.page, 'space usage page, a token of three spaces and a refused token');
});

it('tells the owner which admin revoked a token, and in which space', async () => {
  const { server } = browser.session;
  const bobs = await invoke(server, 'bob', 'createToken', { label: 'Docs sync', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
  expect((await invoke(server, 'alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: bobs.json.info.id })).status).toBe(200);

  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'bob' });
  const row = frame.getByTestId(`token-row-${bobs.json.info.id}`);
  await row.waitFor();
  const by = frame.getByTestId(`token-status-${bobs.json.info.id}-by`);
  expect(await by.textContent()).toMatch(/^by Alice Adams, admin of DOCS, /);
  expect(await row.textContent()).toContain('No space left');
  expect(await row.textContent()).toMatch(/DOCS removed by Alice Adams, /);
  await expectAccessible(browser.page, 'tokens page, a token revoked by a space admin');
});
