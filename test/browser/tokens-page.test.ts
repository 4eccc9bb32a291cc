import type { FrameLocator } from 'playwright-core';
import { gateway } from '../server/http-client';
import { foldAfterSettling } from './background-fold';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser({ clipboard: true });

/** Columns of the tokens table (static/tokens/src/TokenTable.tsx). */
const COLUMN = { status: 1, lastUsed: 6 };

/** Fills the create form as a person would: label, spaces from the picker, operations, expiry. */
async function fillTokenForm(frame: FrameLocator, input: { label: string; space: string; operations: string[]; expiry: string }) {
  await frame.getByLabel('Label', { exact: true }).fill(input.label);
  await frame.getByRole('combobox', { name: 'Spaces' }).fill(input.space);
  await frame.getByRole('option', { name: new RegExp(`\\(${input.space}\\)`) }).click();
  for (const operation of ['Read pages', 'Create pages', 'Update pages', 'Delete pages']) {
    await frame.getByRole('checkbox', { name: operation }).setChecked(input.operations.includes(operation));
  }
  // Not searchable: its combobox is a 1 px stand-in, so open the menu from the visible control.
  await frame.getByTestId('token-expiry-select--control').click();
  await frame.getByRole('option', { name: input.expiry, exact: true }).click();
}

it('lets alice create a token, see it once, use it, watch its usage, and revoke it', async () => {
  const { server } = browser.session;
  const gatewayUrl = server.webTriggerUrls.gateway;
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  await frame.getByTestId('tokens-empty').waitFor();

  const label = 'Release notes bot';
  await fillTokenForm(frame, {
    label,
    space: 'DOCS',
    operations: ['Read pages', 'Create pages', 'Update pages', 'Delete pages'],
    expiry: '30 days',
  });
  await frame.getByRole('button', { name: 'Create token' }).click();

  const dialog = frame.getByRole('dialog', { name: 'Copy your new token' });
  const token = await dialog.getByTestId('new-token-value').inputValue();
  expect(token).toMatch(/^sst_/);
  await dialog.getByRole('button', { name: 'Copy token' }).click();
  await dialog.getByTestId('copy-token-status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  expect(await browser.page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
  expect(await dialog.getByTestId('curl-example').textContent()).toBe(
    `curl -H "Authorization: Bearer ${token}" "${gatewayUrl}/wiki/api/v2/spaces?keys=DOCS"`,
  );

  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
  await frame.getByTestId('tokens-notice').filter({ hasText: `Token “${label}” created.` }).waitFor();
  const row = frame.getByTestId(/^token-row-/).filter({ hasText: label });
  expect(await row.getByRole('cell').nth(COLUMN.lastUsed).textContent()).toBe('Never');
  // Gone for good: neither the page nor the frame holds the token any more, in text or in a field.
  expect(await browser.page.content()).not.toContain(token);
  expect(await frame.locator('html').innerHTML()).not.toContain(token);
  for (const field of await frame.locator('input, textarea').all()) expect(await field.inputValue()).not.toContain(token);

  const created = await gateway(server, token, 'POST', '/wiki/api/v2/pages', {
    spaceId: '10001',
    status: 'current',
    title: 'Release 2.0',
    body: { representation: 'storage', value: '<p>Notes</p>' },
  });
  expect(created.status).toBe(200);

  await browser.page.reload();
  await row.waitFor();
  expect(await row.getByTestId(/^token-usage-/).textContent()).toBe('0');
  const asOf = new Date(await foldAfterSettling(server));
  await browser.page.reload();
  await row.waitFor();
  expect(await row.getByTestId(/^token-usage-/).textContent()).toBe('1');
  const time = `${String(asOf.getUTCHours()).padStart(2, '0')}:${String(asOf.getUTCMinutes()).padStart(2, '0')}`;
  // The date shows too when the counts are not from today (near midnight).
  expect(await frame.getByTestId('tokens-usage-as-of').textContent()).toMatch(new RegExp(`^Use counts as of (.+, )?${time}; they are updated every few minutes\\.$`));
  expect(await row.getByRole('cell').nth(COLUMN.lastUsed).textContent()).toMatch(/\d{4}, \d{2}:\d{2}$/);

  await frame.getByRole('button', { name: `Revoke token ${label}` }).click();
  const confirm = frame.getByRole('dialog', { name: `Revoke “${label}”?` });
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await confirm.waitFor({ state: 'detached' });
  await row.getByRole('cell').nth(COLUMN.status).filter({ hasText: 'Revoked' }).waitFor();
  expect(await frame.getByRole('button', { name: `Revoke token ${label}` }).count()).toBe(0);

  const refused = await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS');
  expect(refused.status).toBe(401);
});

it('explains, with the missing rights listed, why a token cannot have more rights than alice', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-tokens', user: 'alice' });
  await fillTokenForm(frame, { label: 'Too much', space: 'ENG', operations: ['Read pages', 'Delete pages'], expiry: '7 days' });
  await frame.getByRole('button', { name: 'Create token' }).click();

  const error = frame.getByTestId('create-token-error');
  await error.waitFor();
  expect(await error.getByRole('heading').textContent()).toBe('The token was not created');
  expect(await error.textContent()).toContain('A token can only have rights you have yourself. You are missing these:');
  expect(await error.getByRole('listitem').allTextContents()).toEqual(['Space ENG: delete']);
  expect(await frame.getByRole('dialog').count()).toBe(0);
  expect(await frame.getByTestId(/^token-row-/).filter({ hasText: 'Too much' }).count()).toBe(0);
});
