/**
 * What a newcomer tripped over (issue 8): the policy page as a non-admin, the show-once token field,
 * and the host page's space picker offering a space the user cannot see.
 */
import { invoke } from '../server/http-client';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();

it('shows a non-admin the policy read-only, with one line on who may change it, and nothing that fails', async () => {
  const frame = await openModule(browser.page, browser.session.server, { module: 'api-token-policy', user: 'alice' });
  await frame.getByTestId('policy-read-only').filter({ hasText: 'Only site admins can change the policy.' }).waitFor();
  const summary = frame.getByTestId('policy-summary');
  expect(await summary.getByText('Longest token lifetime').count()).toBe(1);
  expect(await summary.getByText('365 days').count()).toBe(1);
  expect(await frame.getByTestId('policy-form').count()).toBe(0);
  expect(await frame.getByRole('button', { name: 'Save policy' }).count()).toBe(0);
  expect(await frame.getByTestId('all-tokens').count()).toBe(0);
  expect(await frame.getByText('could not be loaded').count()).toBe(0);

  // The site admin still gets the form and the list.
  const admin = await openModule(await browser.context.newPage(), browser.session.server, { module: 'api-token-policy', user: 'siteadmin' });
  await admin.getByTestId('policy-form').waitFor();
  await admin.getByTestId('all-tokens').waitFor();
  expect(await admin.getByTestId('policy-read-only').count()).toBe(0);
});

it('shows the new token from its start (sst_…), all of it selected for copying', async () => {
  const { server } = browser.session;
  const frame = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  await frame.getByLabel('Label', { exact: true }).fill('From the start');
  await frame.getByRole('combobox', { name: 'Spaces' }).fill('DOCS');
  await frame.getByRole('option', { name: /\(DOCS\)/ }).click();
  await frame.getByRole('button', { name: 'Create token' }).click();

  const field = frame.getByRole('dialog', { name: 'Copy your new token' }).getByTestId('new-token-value');
  await field.waitFor();
  // The DOM's own types are not in the tests' TypeScript libs: the few fields read here.
  type Field = { ownerDocument: { activeElement: unknown }; scrollWidth: number; clientWidth: number; scrollLeft: number; value: string; selectionStart: number | null; selectionEnd: number | null };
  const shown = await field.evaluate((element) => {
    const input = element as unknown as Field;
    return {
      focused: input.ownerDocument.activeElement === element,
      overflows: input.scrollWidth > input.clientWidth,
      scrollLeft: input.scrollLeft,
      selected: input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0) === input.value,
    };
  });
  // The token is wider than the field, so which end shows matters: the start, with everything selected.
  expect(shown).toEqual({ focused: true, overflows: true, scrollLeft: 0, selected: true });
  expect(await invoke(server, 'alice', 'listTokens').then((answer) => answer.json.tokens.length)).toBe(1);
});

it('offers, and opens, only spaces the user can see when switching user on the host page', async () => {
  const { server } = browser.session;
  await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  const spaces = browser.page.locator('select[name="space"]');
  expect(await spaces.locator('option').allTextContents()).toEqual(['DOCS · Documentation', 'ENG · Engineering']);

  // Carol cannot see DOCS: switching to her shows a space she can see, and offers only those.
  await Promise.all([browser.page.waitForURL(/user=carol/), browser.page.locator('select[name="user"]').selectOption('carol')]);
  expect(new URL(browser.page.url()).searchParams.get('space')).toBeNull();
  expect(await spaces.locator('option').allTextContents()).toEqual(['PRIV · Private']);
  expect(await spaces.inputValue()).toBe('PRIV');
  expect(await browser.page.locator('.crumbs').textContent()).toContain('Private (PRIV)');
});
