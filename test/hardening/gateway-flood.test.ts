import { POLICY_FRESH_MS } from '../../src/core/gateway-memory';
import { advanceSeconds, Harness, SEED } from '../support/harness';

/**
 * Item 3 of issue 10: one token cannot exhaust the installation. The emulated KVS enforces Forge's
 * per-minute budgets here (4,000 reads, 4,000 writes); the clock stands still, so every request below
 * falls in the same minute.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness({ kvsRateLimits: true });
});
afterEach(() => h.close());

const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

async function setPolicy(changes: Record<string, unknown>) {
  const { policy } = await h.ok('siteadmin', 'getPolicy');
  return h.ok('siteadmin', 'setPolicy', { ...policy, ...changes });
}

async function flood(token: string, requests: number, concurrency = 50): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < requests; sent += concurrency) {
    const batch = await Promise.all(Array.from({ length: Math.min(concurrency, requests - sent) }, () => h.gateway({ path: PAGE, token })));
    statuses.push(...batch.map((answer) => answer.status));
  }
  return statuses;
}

it("answers a token over its limit 429 in Confluence's envelope with Retry-After, spending no storage on it", async () => {
  await setPolicy({ maxRequestsPerMinute: 60 });
  const { token } = await h.issue('bob', ['DOCS'], ['read']);
  // The limit is checked before the storage read that brings the policy: an instance learns a new limit
  // from its next request (with any token), so a first burst may get through at the old one.
  await h.gateway({ path: '/self', token: (await h.issue('alice', ['DOCS'], ['read'])).token });
  h.app.kvs.resetCounters();
  const statuses = await flood(token, 100, 10);
  expect(statuses.filter((status) => status === 200)).toHaveLength(60);
  expect(statuses.filter((status) => status === 429)).toHaveLength(40);
  // The 40 refusals read and wrote nothing: 60 audit events, and one read per batch of 10 concurrent
  // requests (concurrent requests with one token share one read).
  expect(h.app.kvs.counters()).toMatchObject({ readRequests: 6, writeRequests: 60 });

  const refused = await h.gateway({ path: PAGE, token });
  expect(refused.json).toEqual({ errors: [{ status: 429, code: 'RATE_LIMITED', title: 'Too Many Requests', detail: expect.stringMatching(/try again in 1 s/) }] });
  expect(refused.headers['Retry-After']).toEqual(['1']);
  // The allowance refills at its rate: one request a second here.
  advanceSeconds(1);
  expect((await h.gateway({ path: PAGE, token })).status).toBe(200);
  // Another token of the same owner has its own allowance.
  const other = await h.issue('bob', ['DOCS'], ['read']);
  expect((await h.gateway({ path: PAGE, token: other.token })).status).toBe(200);
});

it('keeps revocation, the kill switch and the policy page working while a token floods the gateway', async () => {
  const flooder = await h.issue('bob', ['DOCS'], ['read']);
  const victim = await h.issue('alice', ['DOCS'], ['read']);
  // More than the installation's 4,000 reads and 4,000 writes a minute, were every request let through.
  const flooding = flood(flooder.token, 4_500);
  const admin = (async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const policy = await h.ok('siteadmin', 'getPolicy');
    await h.ok('siteadmin', 'setPolicy', { ...policy.policy, gatewayEnabled: false });
    await h.ok('siteadmin', 'setPolicy', { ...policy.policy, gatewayEnabled: true });
    await h.ok('alice', 'revokeToken', { id: victim.info.id });
  })();
  const [statuses] = await Promise.all([flooding, admin]);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(4_000);
  expect(statuses.every((status) => [200, 429, 503].includes(status))).toBe(true);

  // After the flood, in the same minute: the policy page, the kill switch and revocation all work.
  expect((await h.ok('siteadmin', 'getPolicy')).policy.gatewayEnabled).toBe(true);
  await setPolicy({ gatewayEnabled: false });
  expect((await h.gateway({ path: '/self', token: (await h.issue('alice', ['DOCS'], ['read'])).token })).status).toBe(503);
  await setPolicy({ gatewayEnabled: true });
  advanceSeconds(POLICY_FRESH_MS / 1000); // the gateway trusts the policy it read for a minute, kill switch included
  expect((await h.gateway({ path: PAGE, token: victim.token })).status).toBe(401);
  expect((await h.ok('bob', 'revokeToken', { id: flooder.info.id })).token.status).toBe('revoked');
}, 60_000);

it("answers 503 with Retry-After, never a bare 5xx, when the installation's storage budget is spent", async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read']);
  await h.gateway({ path: PAGE, token }); // the instance has its checksum key
  for (let i = 0; i < 4_000; i++) h.app.kvs.handle('/api/v1/get', { key: 'spend' });
  const answer = await h.gateway({ path: PAGE, token });
  expect(answer.status).toBe(503);
  expect(answer.json.errors[0]).toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
  expect(answer.headers['Retry-After']).toEqual(['30']);
});
