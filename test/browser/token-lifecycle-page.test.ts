import { SEED } from '../../emulator/confluence';
import { gateway, invoke } from '../server/http-client';
import { expectAccessible } from './accessibility';
import { openModule, useBrowser } from './browser-session';

// Issue 12 in the browser: page trees and allowlists on the create form, rotation, expiry notices, policy.
// Each new state also passes the axe-core audit.
const browser = useBrowser({ clipboard: true });
// Several axe audits a test; on a busy machine each can wait seconds for axe to load in the frame.
jest.setTimeout(120_000);
const audit = (state: string) => expectAccessible(browser.page, state);

it('creates a token limited to a page tree and an allowlist, and shows both wherever the token is listed', async () => {
  const { server } = browser.session;
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  await frame.getByTestId('tokens-empty').waitFor();

  await frame.getByLabel('Label', { exact: true }).fill('Release notes bot');
  await frame.getByRole('combobox', { name: 'Spaces' }).fill('DOCS');
  await frame.getByRole('option', { name: /\(DOCS\)/ }).click();
  // The page picker loads once a space is chosen, and searches titles as alice sees them.
  const pages = frame.getByRole('combobox', { name: 'Pages (optional)' });
  await pages.fill('release');
  await frame.getByRole('option', { name: 'Release Notes (DOCS)' }).click();
  await frame.getByRole('checkbox', { name: 'Create pages' }).check();
  await frame.getByLabel('Allowed IP addresses (optional)').fill('127.0.0.0/8\n::1');
  await audit('tokens page, a page tree chosen and an allowlist typed');
  await frame.getByRole('button', { name: 'Create token' }).click();

  const dialog = frame.getByRole('dialog', { name: 'Copy your new token' });
  const token = await dialog.getByTestId('new-token-value').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = frame.getByTestId(/^token-row-/).filter({ hasText: 'Release notes bot' });
  await row.getByText('Only under Release Notes (DOCS)').waitFor();
  await row.getByText('From 127.0.0.0/8, ::1').waitFor();
  await audit('tokens page, a token limited to a page tree and an allowlist');

  // Through npm start's server, which appends the caller's address as Forge's edge does: allowed from here.
  expect((await gateway(server, token, 'GET', `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`)).status).toBe(200);
  expect((await gateway(server, token, 'GET', `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`)).status).toBe(404);

  // The space admin (alice administers DOCS) sees the tree too, without a space name: the view is DOCS's own.
  const admin = await openModule(await browser.context.newPage(), server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  await admin.getByTestId(/^space-token-row-/).filter({ hasText: 'Release notes bot' }).getByText('Only under Release Notes', { exact: true }).waitFor();
});

it('refuses a bad allowlist entry by name, and a token used from elsewhere', async () => {
  const { server } = browser.session;
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'bob' });
  await frame.getByTestId('tokens-empty').waitFor();
  await frame.getByLabel('Label', { exact: true }).fill('Elsewhere');
  await frame.getByRole('combobox', { name: 'Spaces' }).fill('ENG');
  await frame.getByRole('option', { name: /\(ENG\)/ }).click();
  const allowlist = frame.getByLabel('Allowed IP addresses (optional)');
  // The placeholder reads as an example, not as values already there; locally, scripts call from 127.0.0.1.
  expect(await allowlist.getAttribute('placeholder')).toMatch(/^e\.g\. /);
  await frame.getByText('On this machine, scripts call from 127.0.0.1.', { exact: false }).waitFor();
  await allowlist.fill('203.0.113.7\n10.1\nexample.com');
  await frame.getByRole('button', { name: 'Create token' }).click();
  // Every bad entry, under the field, in words without the field's internal name; focus goes there.
  const error = frame.getByTestId('token-allowed-ips-error');
  await error.filter({ hasText: '"10.1", "example.com" are not IPv4 or IPv6 addresses or CIDR ranges' }).waitFor();
  expect(await error.textContent()).not.toContain('allowedIps');
  expect(await frame.getByTestId('create-token-error').count()).toBe(0);
  expect(await allowlist.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  expect(await allowlist.getAttribute('aria-describedby')).toBe('token-allowed-ips-message');
  await audit('tokens page, allowlist entries refused under the field');

  await frame.getByLabel('Allowed IP addresses (optional)').fill('203.0.113.7');
  await frame.getByRole('button', { name: 'Create token' }).click();
  const token = await frame.getByTestId('new-token-value').inputValue();
  const refused = await gateway(server, token, 'GET', '/self');
  expect([refused.status, refused.json.errors[0].code]).toEqual([403, 'IP_NOT_ALLOWED']);
});

it('rotates a token with a chosen grace period, shows the new secret once, and keeps the previous one working meanwhile', async () => {
  const { server } = browser.session;
  const issued = await invoke(server, 'carol', 'createToken', { label: 'Payroll sync', spaceKeys: ['PRIV'], operations: ['read'], expiresInDays: 30 });
  const old: string = issued.json.token;
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'carol' });
  await frame.getByRole('button', { name: 'Rotate token Payroll sync' }).click();

  const ask = frame.getByRole('dialog', { name: 'Rotate “Payroll sync”?' });
  await ask.getByTestId('rotate-grace-select--control').click();
  // The choices and the hint under them speak in the same units.
  await frame.getByRole('option', { name: '1 day (24 hours)', exact: true }).waitFor();
  await ask.getByText('Your site allows up to 7 days (168 hours).').waitFor();
  await frame.getByRole('option', { name: '1 hour', exact: true }).click();
  await audit('tokens page, rotate dialog');
  await ask.getByRole('button', { name: 'Rotate token' }).click();

  const shown = frame.getByRole('dialog', { name: 'Copy your rotated token' });
  const rotated = await shown.getByTestId('new-token-value').inputValue();
  expect(rotated).not.toBe(old);
  expect(rotated.slice(0, 16)).toBe(old.slice(0, 16)); // same id
  await shown.getByTestId('rotated-grace').getByText('The previous secret keeps working until', { exact: false }).waitFor();
  expect(await shown.getByTestId('curl-example').textContent()).toContain(rotated);
  await audit('tokens page, rotated token shown once');
  await shown.getByRole('button', { name: 'Copy token' }).click();
  // The copy is asynchronous: read the clipboard once the dialog says it is done, not before.
  await shown.getByTestId('copy-token-status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  expect(await browser.page.evaluate<string>('navigator.clipboard.readText()')).toBe(rotated);
  await shown.getByRole('button', { name: 'Done' }).click();
  await frame.getByTestId('tokens-notice').filter({ hasText: 'Token “Payroll sync” rotated.' }).waitFor();
  // The row says so too, for as long as it holds.
  await frame.getByTestId(`token-grace-${issued.json.info.id}`).filter({ hasText: 'Rotated: the previous secret still works until' }).waitFor();
  expect(await browser.page.content()).not.toContain(rotated);

  expect((await gateway(server, rotated, 'GET', '/self')).status).toBe(200);
  expect((await gateway(server, old, 'GET', '/self')).status).toBe(200);
  const rotations = await invoke(server, 'carol', 'listAudit', { operation: 'rotate' });
  expect(rotations.json.items).toMatchObject([{ operation: 'rotate', method: 'UI', outcome: 'ok' }]);
});

it('flags tokens expiring within a week, with a banner that offers Rotate, for owners and space admins', async () => {
  const { server } = browser.session;
  const soon = await invoke(server, 'bob', 'createToken', { label: 'Weekly digest', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 3 });
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'bob' });
  const banner = frame.getByTestId('expiry-banner');
  await banner.getByText('“Weekly digest” expires on', { exact: false }).waitFor();
  await frame.getByTestId(`token-status-${soon.json.info.id}-soon`).waitFor();
  await audit('tokens page, expiry banner');
  await banner.getByRole('button', { name: 'Rotate token Weekly digest' }).click();
  await frame.getByRole('dialog', { name: 'Rotate “Weekly digest”?' }).waitFor();

  const admin = await openModule(await browser.context.newPage(), server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  await admin.getByTestId(`space-token-status-${soon.json.info.id}-soon`).waitFor();
});

it('lets the site admin require allowlists and cap the grace period, which the token form and rotation then follow', async () => {
  const { server } = browser.session;
  const frame = await openModule(browser.page, server, { module: 'api-token-policy', user: 'siteadmin' });
  const toggle = frame.getByRole('checkbox', { name: 'IP allowlists' });
  await toggle.press('Space');
  await frame.getByText('Required: new and rotated tokens need one', { exact: false }).waitFor();
  await frame.getByLabel('Longest rotation grace (hours)').fill('6');
  await frame.getByRole('button', { name: 'Save policy' }).click();
  await frame.getByTestId('policy-notice').filter({ hasText: 'Policy saved.' }).waitFor();
  await audit('policy page, allowlists required and grace capped');
  expect((await invoke(server, 'alice', 'getPolicy')).json.policy).toMatchObject({ requireIpAllowlist: true, maxGraceHours: 6 });

  const tokens = await openModule(await browser.context.newPage(), server, { module: 'api-tokens', user: 'alice' });
  await tokens.getByLabel('Allowed IP addresses', { exact: true }).waitFor();
  await tokens.getByText('Your site requires a list.', { exact: false }).waitFor();
  // Rotation offers no grace over the cap (alice's token from the first test has an allowlist).
  await tokens.getByRole('button', { name: 'Rotate token Release notes bot' }).click();
  await tokens.getByTestId('rotate-grace-select--control').click();
  const offered = await tokens.getByRole('option').allTextContents();
  expect(offered).toEqual(['None: the previous secret stops at once', '1 hour', '6 hours']);
});
