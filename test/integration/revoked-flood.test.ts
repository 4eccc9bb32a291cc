import { Harness, SEED } from '../support/harness';

/**
 * The outage of issue 16, replayed with Forge's KVS budgets on (4,000 reads and 4,000 writes a
 * minute; the clock stands still, so it all falls in one minute): one user creates and revokes 15
 * tokens and sends 300 requests with each. Before, every request cost a storage read, the minute's
 * reads ran out, every other user's valid token got 503, the site admin's lists failed, and nothing
 * named the user. Now each revoked id costs one read per warm gateway instance.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness({ kvsRateLimits: true });
});
afterEach(() => h.close());

const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
const REVOKED = 15;
const REQUESTS_EACH = 300;

it("keeps other users' tokens and the site admin's lists working while one user floods with revoked tokens, and names that user", async () => {
  const revoked: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < REVOKED; i++) {
    const { token, info } = await h.issue('bob', ['DOCS'], ['read']);
    await h.ok('bob', 'revokeToken', { id: info.id });
    revoked.push({ id: info.id, token });
  }
  const alices = await h.issue('alice', ['DOCS'], ['read']);

  const victimStatuses: number[] = [];
  for (let round = 0; round < REQUESTS_EACH; round += 10) {
    // Ten requests with each revoked token, all at once, then one with alice's valid token.
    const flood = revoked.flatMap(({ token }) => Array.from({ length: 10 }, () => h.gateway({ path: PAGE, token })));
    const statuses = await Promise.all(flood.map(async (answer) => (await answer).status));
    expect(new Set(statuses)).toEqual(new Set([401]));
    victimStatuses.push((await h.gateway({ path: PAGE, token: alices.token })).status);
  }
  expect(new Set(victimStatuses)).toEqual(new Set([200]));

  // The site admin's lists and the policy page still answer.
  const all = await h.ok('siteadmin', 'listAllTokens', {});
  expect(all.items.filter((token) => token.ownerAccountId === 'bob')).toHaveLength(REVOKED);
  await h.ok('siteadmin', 'getPolicy');

  // The audit names the flooding user, under each revoked token.
  for (const { id } of revoked) {
    const events = (await h.ok('siteadmin', 'listAudit', { tokenId: id })).items;
    expect(events).toContainEqual(expect.objectContaining({ tokenId: id, ownerAccountId: 'bob', status: 401, code: 'INVALID_TOKEN', outcome: 'denied' }));
  }
}, 120_000);
