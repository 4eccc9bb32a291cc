import type { FrameLocator } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { openModule, useBrowser, type ModuleView } from './browser-session';
import { seedActivity } from '../../emulator/demo/seed';

// axe-core on every page in its main states: empty, with rows, a dialog open, an error shown.
const browser = useBrowser();
// An audit takes a few seconds on a busy machine, and some tests make three.
jest.setTimeout(60_000);

const TOKENS: ModuleView = { module: 'api-tokens', user: 'alice' };
const SPACE_USAGE: ModuleView = { module: 'api-token-usage', user: 'alice', space: 'DOCS' };
const POLICY: ModuleView = { module: 'api-token-policy', user: 'siteadmin' };

async function open(view: ModuleView): Promise<FrameLocator> {
  return openModule(browser.page, browser.session.server, view);
}

const audit = (state: string) => expectAccessible(browser.page, state);

it('fails on a violation put into the page: the audit is real', async () => {
  const frame = await open(TOKENS);
  await frame.getByTestId('create-token-form').waitFor();
  // A button nobody can name, as a missing aria-label would leave it.
  await frame.locator('main').evaluate((main) => main.append(main.ownerDocument.createElement('button')));
  await expect(audit('tokens page with an unnamed button')).rejects.toThrow(/critical button-name/);
});

describe('before anyone has a token', () => {
  it('tokens page, empty', async () => {
    const frame = await open(TOKENS);
    await frame.getByTestId('tokens-empty').waitFor();
    await audit('tokens page, empty');
  });

  it('space usage page, empty', async () => {
    const frame = await open({ module: 'api-token-usage', user: 'carol', space: 'PRIV' });
    await frame.getByTestId('space-tokens-empty').waitFor();
    await frame.getByTestId('audit-empty').waitFor();
    await audit('space usage page, empty');
  });

  it('policy page, no tokens yet', async () => {
    const frame = await open(POLICY);
    await frame.getByTestId('all-tokens-empty').waitFor();
    await frame.getByTestId('policy-form').waitFor();
    await audit('policy page, empty');
  });
});

describe('errors shown', () => {
  it('tokens page: the form’s own checks, and the backend refusing a token', async () => {
    const frame = await open(TOKENS);
    await frame.getByRole('button', { name: 'Create token' }).click();
    await frame.getByTestId('token-label-error').waitFor();
    await audit('tokens page, form errors');

    await frame.getByLabel('Label', { exact: true }).fill('Too much');
    await frame.getByRole('combobox', { name: 'Spaces' }).fill('ENG');
    await frame.getByRole('option', { name: /\(ENG\)/ }).click();
    await frame.getByRole('checkbox', { name: 'Delete pages' }).check();
    await frame.getByRole('button', { name: 'Create token' }).click();
    await frame.getByTestId('create-token-error').waitFor();
    await audit('tokens page, creation refused');
  });

  it('space usage page, for someone who is no admin of the space', async () => {
    const frame = await open({ module: 'api-token-usage', user: 'bob', space: 'DOCS' });
    await frame.getByTestId('space-forbidden').waitFor();
    await audit('space usage page, not a space admin');
  });

  it('policy page: read only for someone who is no site admin, and a policy that does not check', async () => {
    let frame = await open({ module: 'api-token-policy', user: 'alice' });
    await frame.getByTestId('policy-read-only').waitFor();
    await audit('policy page, read only (not a site admin)');

    frame = await open(POLICY);
    await frame.getByLabel('Longest token lifetime (days)').fill('0');
    await frame.getByRole('button', { name: 'Save policy' }).click();
    await frame.getByTestId('policy-max-lifetime-days-error').waitFor();
    await audit('policy page, invalid policy');
  });
});

describe('with rows, and with a dialog open', () => {
  beforeAll(() => seedActivity(browser.session.server));

  it('tokens page', async () => {
    const frame = await open(TOKENS);
    await frame.getByTestId(/^token-row-/).first().waitFor();
    await audit('tokens page, with rows');

    await frame.getByRole('button', { name: 'Revoke token Release notes bot' }).click();
    const confirm = frame.getByRole('dialog', { name: 'Revoke “Release notes bot”?' });
    await confirm.waitFor();
    await audit('tokens page, revoke dialog open');
    await frame.getByRole('button', { name: 'Cancel' }).click();
    // Focus goes back to the Revoke button once the dialog has gone; typing before then would follow it.
    await confirm.waitFor({ state: 'detached' });

    await frame.getByLabel('Label', { exact: true }).fill('Audited');
    await frame.getByRole('combobox', { name: 'Spaces' }).fill('DOCS');
    await frame.getByRole('option', { name: /\(DOCS\)/ }).click();
    await frame.getByRole('button', { name: 'Create token' }).click();
    await frame.getByRole('dialog', { name: 'Copy your new token' }).getByTestId('curl-example').waitFor();
    await audit('tokens page, new token dialog open');
  });

  it('space usage page', async () => {
    const frame = await open(SPACE_USAGE);
    await frame.getByTestId(/^space-token-row-/).first().waitFor();
    await frame.getByTestId(/^audit-row-/).first().waitFor();
    await audit('space usage page, with rows');

    await frame.getByRole('button', { name: /^Revoke access to this space for Wiki sync/ }).click();
    await frame.getByRole('dialog', { name: 'Revoke access to this space?' }).waitFor();
    await audit('space usage page, revoke dialog open');
  });

  it('policy page', async () => {
    const frame = await open(POLICY);
    await frame.getByTestId(/^all-token-row-/).first().waitFor();
    await audit('policy page, with rows');

    await frame.getByRole('button', { name: /^Revoke token Wiki sync of/ }).click();
    await frame.getByRole('dialog', { name: 'Revoke “Wiki sync”?' }).waitFor();
    await audit('policy page, revoke dialog open');
  });
});
