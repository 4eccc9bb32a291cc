import { gateway } from '../server/http-client';
import { expectFocusTrapped, expectFocusVisible, tabTo } from './accessibility';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser({ clipboard: true });
jest.setTimeout(60_000);

it('creates a token, copies it and revokes it by keyboard alone, focus visible at every stop and kept in dialogs', async () => {
  const { page, session } = browser;
  const frame = await openModule(page, session.server, { module: 'api-tokens', user: 'alice' });
  await frame.getByTestId('tokens-empty').waitFor();
  /** Tab to a control, check that its focus shows. */
  const reach = async (target: ReturnType<typeof frame.getByRole>) => {
    await tabTo(page, target);
    await expectFocusVisible(page, frame);
  };

  // From the host page into the frame, as a keyboard user arrives.
  await page.locator('main iframe').focus();
  await reach(frame.getByRole('textbox', { name: 'Label' }));
  await page.keyboard.type('Keyboard bot');
  await reach(frame.getByRole('combobox', { name: 'Spaces' }));
  await page.keyboard.type('DOCS');
  await frame.getByRole('option', { name: /\(DOCS\)/ }).waitFor();
  await page.keyboard.press('Enter');
  await reach(frame.getByRole('checkbox', { name: 'Update pages' }));
  await page.keyboard.press('Space');
  await reach(frame.getByRole('combobox', { name: 'Expires after' }));
  await reach(frame.getByRole('button', { name: 'Create token' }));
  await page.keyboard.press('Enter');

  const dialog = frame.getByRole('dialog', { name: 'Copy your new token' });
  const field = dialog.getByTestId('new-token-value');
  await field.waitFor();
  expect(await field.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  const token = await field.inputValue();
  await expectFocusTrapped(page, dialog);
  await tabTo(page, dialog.getByRole('button', { name: 'Copy token' }));
  await expectFocusVisible(page, frame);
  await page.keyboard.press('Enter');
  await dialog.getByTestId('copy-token-status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const row = frame.getByTestId(/^token-row-/).filter({ hasText: 'Keyboard bot' });
  expect(await row.getByRole('cell').nth(3).textContent()).toBe('read, update');

  await reach(frame.getByRole('button', { name: 'Revoke token Keyboard bot' }));
  await page.keyboard.press('Enter');
  const confirm = frame.getByRole('dialog', { name: 'Revoke “Keyboard bot”?' });
  const cancel = confirm.getByRole('button', { name: 'Cancel' });
  await cancel.waitFor();
  // Focus starts on Cancel, so Enter alone never revokes anything.
  expect(await cancel.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  await expectFocusVisible(page, frame);
  await expectFocusTrapped(page, confirm);
  await tabTo(page, confirm.getByRole('button', { name: 'Revoke token' }));
  await expectFocusVisible(page, frame);
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
  await row.getByRole('cell').nth(1).filter({ hasText: 'Revoked' }).waitFor();
  expect((await gateway(session.server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS')).status).toBe(401);
});

describe('the checks themselves', () => {
  it('find focus that does not show', async () => {
    const { page, session } = browser;
    const frame = await openModule(page, session.server, { module: 'api-tokens', user: 'alice' });
    const create = frame.getByRole('button', { name: 'Create token' });
    await page.locator('main iframe').focus();
    await tabTo(page, create);
    await expectFocusVisible(page, frame);
    // What a careless `outline: none` would do to Atlaskit's focus ring.
    await frame.locator('head').evaluate((head) => {
      head.insertAdjacentHTML('beforeend', '<style>button:focus, button:focus-visible { outline: none !important; box-shadow: none !important; }</style>');
    });
    await expect(expectFocusVisible(page, frame)).rejects.toThrow(/is not visible/);
  });

  it('find focus that leaves a region', async () => {
    const { page, session } = browser;
    const frame = await openModule(page, session.server, { module: 'api-tokens', user: 'alice' });
    await page.locator('main iframe').focus();
    await tabTo(page, frame.getByRole('textbox', { name: 'Label' }));
    await expect(expectFocusTrapped(page, frame.getByTestId('create-token-form'), 12)).rejects.toThrow(/took focus out/);
  });
});
