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

  await frame.getByTestId('audit-count').filter({ hasText: '2 events loaded.' }).waitFor();
  const audit = frame.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row').filter({ hasText: label });
  // Newest first: bob's script read back the page it had created.
  const columns = async (row: Locator) => (await row.getByRole('cell').allTextContents()).slice(1, 6);
  expect(await Promise.all((await audit.all()).map(columns))).toEqual([
    [`${label}Bob Brown`, 'Read (GET)', created.json.id, 'OK', '200'],
    [`${label}Bob Brown`, 'Create (POST)', created.json.id, 'OK', '200'],
  ]);

  await frame.getByRole('button', { name: `Revoke access to this space for ${label} (Bob Brown)` }).click();
  const confirm = frame.getByRole('dialog', { name: 'Revoke access to this space?' });
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await confirm.waitFor({ state: 'detached' });
  await frame.getByTestId('space-usage-notice').filter({ hasText: `“${label}” can no longer reach this space.` }).waitFor();
  await row.waitFor({ state: 'detached' });

  const refused = await gateway(server, bobsToken, 'GET', '/wiki/api/v2/spaces/10001/pages');
  expect([refused.status, refused.json.errors[0].code]).toEqual([403, 'SPACE_NOT_GRANTED']);
  expect((await gateway(server, bobsToken, 'GET', '/wiki/api/v2/spaces/10002/pages')).status).toBe(200);
});

it('tells bob, who is no admin of DOCS, that only space admins see its token usage', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-token-usage', user: 'bob', space: 'DOCS' });
  const forbidden = frame.getByTestId('space-forbidden');
  await forbidden.waitFor();
  expect(await forbidden.getByRole('heading').textContent()).toBe('Only space admins can see this');
  expect(await frame.getByRole('table').count()).toBe(0);
});
