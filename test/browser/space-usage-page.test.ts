import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { gateway, invoke } from '../server/http-client';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();

it("lets alice, admin of DOCS, see bob's token and what it did there, and take DOCS away from it", async () => {
  const { server } = browser.session;
  const label = 'Wiki sync';
  const issued = await invoke(server, 'bob', 'createToken', {
    label,
    spaceKeys: ['DOCS', 'ENG'],
    operations: ['read', 'create', 'update'],
    expiresInDays: 30,
  });
  expect(issued.status).toBe(200);
  const bobsToken: string = issued.json.token;
  const created = await gateway(server, bobsToken, 'POST', '/wiki/api/v2/pages', {
    spaceId: '10001',
    status: 'current',
    title: 'Sync report',
    body: { representation: 'storage', value: '<p>Synced</p>' },
  });
  expect(created.status).toBe(200);
  expect((await gateway(server, bobsToken, 'GET', `/wiki/api/v2/pages/${created.json.id}`)).status).toBe(200);

  const frame = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  const row = frame.getByTestId(/^space-token-row-/).filter({ hasText: label });
  await row.waitFor();
  expect(await row.getByRole('cell').first().textContent()).toBe('Bob Brown');
  // No fold has run on this fresh server yet: the page says when counts will appear instead of a time.
  expect(await frame.getByTestId('space-tokens-usage-as-of').textContent()).toBe('Use counts appear a few minutes after a token is first used.');

  await frame.getByTestId('audit-count').filter({ hasText: '2 events loaded.' }).waitFor();
  const audit = frame.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row').filter({ hasText: label });
  // Newest first: bob's script read back the page it had created.
  const columns = async (row: Locator) => (await row.getByRole('cell').allTextContents()).slice(1, 6);
  expect(await Promise.all((await audit.all()).map(columns))).toEqual([
    [`${label}Bob Brown`, 'Read (GET)', `Sync reportID ${created.json.id}`, 'OK', '200'],
    [`${label}Bob Brown`, 'Create (POST)', `Sync reportID ${created.json.id}`, 'OK', '200'],
  ]);

  await frame.getByRole('button', { name: `Revoke access to this space for ${label} (Bob Brown)` }).click();
  const confirm = frame.getByRole('dialog', { name: 'Revoke access to this space?' });
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await confirm.waitFor({ state: 'detached' });
  await frame.getByTestId('space-usage-notice').filter({ hasText: `“${label}” can no longer reach this space.` }).waitFor();
  await row.waitFor({ state: 'detached' });

  const refused = await gateway(server, bobsToken, 'GET', '/wiki/api/v2/spaces/10001/pages');
  expect([refused.status, refused.json.errors[0].code]).toEqual([404, 'NOT_FOUND']); // out of scope: as if missing
  expect((await gateway(server, bobsToken, 'GET', '/wiki/api/v2/spaces/10002/pages')).status).toBe(200);
});

it('names the pages of the audit log as alice sees them: linked titles, a restricted page, a deleted page', async () => {
  const { server } = browser.session;
  const alices = (await invoke(server, 'alice', 'createToken', { label: 'Archiver', spaceKeys: ['DOCS'], operations: ['read', 'create', 'delete'], expiresInDays: 30 })).json.token;
  const bobs = (await invoke(server, 'bob', 'createToken', { label: 'Planner', spaceKeys: ['DOCS'], operations: ['read', 'create'], expiresInDays: 30 })).json.token;
  const page = (title: string) => ({ spaceId: '10001', status: 'current', title, body: { representation: 'storage', value: '<p>x</p>' } });
  expect((await gateway(server, alices, 'GET', '/wiki/api/v2/pages/20004')).status).toBe(200);
  const old = (await gateway(server, alices, 'POST', '/wiki/api/v2/pages', page('Old notes'))).json;
  expect((await gateway(server, alices, 'DELETE', `/wiki/api/v2/pages/${old.id}`)).status).toBe(204);
  const plans = (await gateway(server, bobs, 'POST', '/wiki/api/v2/pages', page("Bob's plans"))).json;
  // Bob restricts his page in Confluence: alice, though admin of DOCS, can no longer see it.
  server.app.confluence.setPageRestrictions(plans.id, { read: ['bob'], update: ['bob'] });

  const frame = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  const log = frame.getByRole('table', { name: 'Audit events, newest first' });
  const pageOf = (token: string, operation: string) =>
    log.getByRole('row').filter({ hasText: token }).filter({ hasText: operation }).locator('[data-testid^="audit-page-"]');

  const releaseNotes = pageOf('Archiver', 'Read (GET)').getByRole('link', { name: 'Release Notes' });
  await releaseNotes.waitFor();
  const href = await releaseNotes.getAttribute('href');
  expect(href).toMatch(new RegExp(`^${server.url}/wiki/spaces/DOCS/pages/20004/`));
  // The frame may not navigate away: the link opens the page in a new tab, through the bridge's router.
  const [opened] = await Promise.all([browser.context.waitForEvent('page'), releaseNotes.click()]);
  expect(opened.url()).toBe(href);
  await opened.close();
  expect(await pageOf('Planner', 'Create (POST)').textContent()).toBe(`Restricted pageID ${plans.id}`);
  for (const operation of ['Create (POST)', 'Delete (DELETE)']) {
    const deleted = pageOf('Archiver', operation);
    expect([await deleted.getAttribute('data-page-state'), await deleted.textContent()]).toEqual(['deleted', `Old notes DeletedID ${old.id}`]);
    expect(await deleted.getByRole('link').count()).toBe(0);
  }
});

it('tells bob, who is no admin of DOCS, that only space admins see its token usage', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-token-usage', user: 'bob', space: 'DOCS' });
  const forbidden = frame.getByTestId('space-forbidden');
  await forbidden.waitFor();
  expect(await forbidden.getByRole('heading').textContent()).toBe('Only space admins can see this');
  expect(await frame.getByRole('table').count()).toBe(0);
});

it('exports the loaded audit events as CSV, its code fetched only when asked for', async () => {
  const { server } = browser.session;
  const issued = await invoke(server, 'alice', 'createToken', { label: 'Exporter', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  expect((await gateway(server, issued.json.token, 'GET', '/wiki/api/v2/spaces/10001/pages')).status).toBe(200);
  const scripts: string[] = [];
  browser.page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));

  const frame = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  await frame.getByTestId('audit-count').filter({ hasText: 'events loaded.' }).waitFor();
  const before = scripts.length;
  const [download] = await Promise.all([
    browser.page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(scripts.length).toBeGreaterThan(before);
  expect(download.suggestedFilename()).toMatch(/^api-token-audit-DOCS-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
  expect(lines[0]).toMatch(/^\uFEFFTime \(UTC\),Token ID,Token label,Owner,/);
  expect(lines.filter((line) => line.includes(',Exporter,Alice'))).toHaveLength(1);
});
