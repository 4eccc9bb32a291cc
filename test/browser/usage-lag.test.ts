/**
 * Issue 19: use counts are folded from the audit log every few minutes; until then the pages say how
 * many requests are not counted yet, instead of "Never" and "No requests in the last 30 days" above a
 * log that lists them.
 */
import { SEED } from '../../emulator/confluence/seed';
import { gateway, invoke } from '../server/http-client';
import { expectAccessible } from './accessibility';
import { foldAfterSettling } from './background-fold';
import { openModule, useBrowser } from './browser-session';

const browser = useBrowser();

it('says how many requests are not counted yet, on the owner’s list and the space page, until the fold counts them', async () => {
  const { server } = browser.session;
  const { token, info } = (await invoke(server, 'alice', 'createToken', { label: 'Fresh script', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 })).json;
  for (const id of [SEED.pages.releaseNotes.id, SEED.pages.gettingStarted.id, SEED.pages.installation.id, SEED.pages.docsHome.id]) {
    expect((await gateway(server, token, 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(200);
  }

  const tokens = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  const row = tokens.getByTestId(`token-row-${info.id}`);
  await row.getByText('+4 not counted yet').waitFor();
  await row.getByText('A moment ago').waitFor();
  expect(await row.getByText('Never').count()).toBe(0);
  await tokens.getByTestId('tokens-usage-as-of').filter({ hasText: '4 requests not counted yet.' }).waitFor();
  await expectAccessible(browser.page, 'tokens page, use counts lagging');

  const space = await openModule(browser.page, server, { module: 'api-token-usage', user: 'alice', space: 'DOCS' });
  await space.getByTestId('space-activity-empty').filter({ hasText: 'No requests counted in the last 30 days yet: 4 requests not counted yet.' }).waitFor();
  await space.getByTestId('activity-as-of').filter({ hasText: '4 requests not counted yet.' }).waitFor();
  expect(await space.getByTestId(/^audit-row-/).count()).toBe(4);
  await expectAccessible(browser.page, 'space usage page, activity lagging');

  // Once folded, the counts say it all and the hints go.
  await foldAfterSettling(server);
  const after = await openModule(browser.page, server, { module: 'api-tokens', user: 'alice' });
  await after.getByTestId(`token-usage-${info.id}`).filter({ hasText: '4' }).waitFor();
  expect(await after.getByText('not counted yet', { exact: false }).count()).toBe(0);
}, 90_000);
