import type { FrameLocator } from 'playwright-core';
import { POLICY_FRESH_MS } from '../../src/core/gateway-memory';
import { gateway, invoke } from '../server/http-client';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();

/** Sets the gateway switch, saves the policy and waits for the confirmation. */
async function saveGatewaySwitch(frame: FrameLocator, on: boolean): Promise<void> {
  const toggle = frame.getByRole('checkbox', { name: 'API gateway' });
  // Atlaskit draws the switch over its input, so flip it as a keyboard user does.
  if ((await toggle.isChecked()) !== on) await toggle.press('Space');
  await frame.getByText(on ? 'On: tokens work within their scopes.' : 'Off: every request with a token is refused.', { exact: false }).waitFor();
  await frame.getByRole('button', { name: 'Save policy' }).click();
  await frame.getByTestId('policy-notice').filter({ hasText: 'Policy saved.' }).waitFor();
}

it('lets the site admin switch the gateway off, which refuses every token, and on again', async () => {
  const { server } = browser.session;
  const issued = await invoke(server, 'alice', 'createToken', { label: 'Nightly export', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  const token: string = issued.json.token;
  expect((await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS')).status).toBe(200);

  const frame = await openModule(browser.page, server, { module: 'api-token-policy', user: 'siteadmin' });
  await saveGatewaySwitch(frame, false);
  const refused = await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS');
  expect([refused.status, refused.json.errors[0].code]).toEqual([503, 'GATEWAY_DISABLED']);

  // Saved, not just shown: a fresh load reads it back, and people creating tokens are warned.
  await browser.page.reload();
  const toggle = frame.getByRole('checkbox', { name: 'API gateway' });
  await toggle.waitFor({ state: 'attached' });
  expect(await toggle.isChecked()).toBe(false);
  const tokensPage = await openModule(await browser.context.newPage(), server, { module: 'api-tokens', user: 'alice' });
  await tokensPage.getByTestId('gateway-disabled').waitFor();

  await saveGatewaySwitch(frame, true);
  // Each gateway instance trusts the policy it read for up to a minute (kill switch included): a
  // minute on, as the app's clock sees it, the token works again. Asked on /self, whose audit event
  // (stamped a minute ahead) is not one the next test's impersonation status counts.
  const minuteLater = Date.now() + POLICY_FRESH_MS;
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => minuteLater);
  try {
    expect((await gateway(server, token, 'GET', '/self')).status).toBe(200);
  } finally {
    clock.mockRestore();
  }
});

it('shows the site admin the gateway’s last success and last refusal acting as a token’s owner', async () => {
  const { server } = browser.session;
  const issued = await invoke(server, 'bob', 'createToken', { label: 'Impersonation check', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 });
  const token: string = issued.json.token;
  const tokenId: string = issued.json.info.id;
  // Forge stops allowing the app to act as users for reads (a scope awaiting consent), then allows it again.
  const grant = (server.app.platform.manifest.scopes as Map<string, { allowImpersonation?: boolean }>).get('read:space:confluence')!;
  grant.allowImpersonation = false;
  try {
    const refused = await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS');
    expect([refused.status, refused.json.errors[0].code]).toEqual([502, 'IMPERSONATION_REFUSED']);
  } finally {
    grant.allowImpersonation = true;
  }
  await new Promise((resolve) => setTimeout(resolve, 5)); // the success is a later millisecond than the refusal
  expect((await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS')).status).toBe(200);

  const frame = await openModule(browser.page, server, { module: 'api-token-policy', user: 'siteadmin' });
  await frame.getByTestId('impersonation-last-success').filter({ hasText: `token ${tokenId} of Bob Brown (HTTP 200)` }).waitFor();
  await frame.getByTestId('impersonation-last-refusal').filter({ hasText: `token ${tokenId} of Bob Brown (HTTP 502)` }).waitFor();
  await frame.getByTestId('impersonation-refusal-hint').waitFor();
});
