import { POLICY_FRESH_MS, REFUSAL_AUDIT_INTERVAL_MS, UNKNOWN_ID_MS } from '../../src/core/gateway-memory';
import { formatToken, tokenParts } from '../../src/core/token-format';
import { advanceSeconds, Harness, SEED } from '../support/harness';

/**
 * Item 2 of issue 16: credentials that cannot work cost nothing after the first look. Each warm
 * gateway instance remembers ids found unknown, revoked or expired and secrets found wrong, and
 * refuses them again with no storage read; wrong secrets spend their own bucket; the kill switch is
 * checked from the policy read with the last token; one owner's tokens share a per-owner allowance;
 * a refusal of a stored token's id is audited under that token, at most once a minute.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

async function setPolicy(changes: Record<string, unknown>) {
  const { policy } = await h.ok('siteadmin', 'getPolicy');
  return h.ok('siteadmin', 'setPolicy', { ...policy, ...changes });
}

async function statuses(token: string, requests: number): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < requests; i++) answers.push((await h.gateway({ path: PAGE, token })).status);
  return answers;
}

const reads = () => h.app.kvs.counters().readRequests;

it('reads a revoked token once, then refuses it from memory until its expiry', async () => {
  const { token, info } = await h.issue('bob', ['DOCS'], ['read'], 2);
  await h.ok('bob', 'revokeToken', { id: info.id });
  h.app.kvs.resetCounters();
  expect(new Set(await statuses(token, 50))).toEqual(new Set([401]));
  expect(reads()).toBe(1);
  // Still remembered a day later (the token lasts 2 days), without another read.
  advanceSeconds(86_400);
  expect((await h.gateway({ path: PAGE, token })).status).toBe(401);
  expect(reads()).toBe(1);
});

it('remembers an id no token has for a few minutes', async () => {
  // A well-formed token of this installation whose id was never issued (the checksum key is the installation's own).
  const { token: real } = await h.issue('alice', ['DOCS'], ['read']);
  await h.gateway({ path: PAGE, token: real });
  const stored = h.app.kvs.handle('/api/v1/secret/get', { key: 'token-checksum-key' }).body as { value: string };
  const unknown = formatToken({ id: 'AAAAAAAAAAAA', secret: tokenParts(real)!.secret }, Buffer.from(stored.value, 'base64url'));
  h.app.kvs.resetCounters();
  expect(new Set(await statuses(unknown, 20))).toEqual(new Set([401]));
  expect(reads()).toBe(1);
  advanceSeconds(UNKNOWN_ID_MS / 1000);
  await h.gateway({ path: PAGE, token: unknown });
  expect(reads()).toBe(2);
});

it("counts a rotated-out secret in its own bucket: 320 requests with it leave the new secret's allowance whole", async () => {
  const { token: old, info } = await h.issue('alice', ['DOCS'], ['read']);
  const { token: fresh } = await h.ok('alice', 'rotateToken', { id: info.id, graceHours: 0 });
  h.app.kvs.resetCounters();
  const refused = await statuses(old, 320);
  expect(refused.filter((status) => status === 401).length).toBeGreaterThan(0);
  expect(refused.every((status) => status === 401 || status === 429)).toBe(true);
  expect(reads()).toBe(1);
  expect(await statuses(fresh, 5)).toEqual([200, 200, 200, 200, 200]);

  // Even the first look at a wrong secret (the one that reads storage) gives the allowance back.
  await setPolicy({ maxRequestsPerMinute: 1 });
  const second = await h.issue('alice', ['DOCS'], ['read']);
  const { token: secondFresh } = await h.ok('alice', 'rotateToken', { id: second.info.id, graceHours: 0 });
  expect((await h.gateway({ path: PAGE, token: second.token })).status).toBe(401);
  expect((await h.gateway({ path: PAGE, token: secondFresh })).status).toBe(200);
});

it('checks the kill switch from the policy read with the last token, for up to a minute, with no read', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read']);
  await setPolicy({ gatewayEnabled: false });
  expect((await h.gateway({ path: PAGE, token })).status).toBe(503);
  h.app.kvs.resetCounters();
  expect(new Set(await statuses(token, 20))).toEqual(new Set([503]));
  expect(h.app.kvs.counters()).toMatchObject({ readRequests: 0, writeRequests: 0 });
  await setPolicy({ gatewayEnabled: true });
  advanceSeconds(POLICY_FRESH_MS / 1000);
  expect((await h.gateway({ path: PAGE, token })).status).toBe(200);
});

it("limits all of one owner's tokens together; other owners keep their own allowance", async () => {
  await setPolicy({ maxRequestsPerMinute: 100, maxRequestsPerOwnerPerMinute: 20 });
  const bobs = [await h.issue('bob', ['DOCS'], ['read']), await h.issue('bob', ['DOCS'], ['read']), await h.issue('bob', ['DOCS'], ['read'])];
  const alices = await h.issue('alice', ['DOCS'], ['read']);
  await h.gateway({ path: PAGE, token: alices.token }); // the instance has read the policy
  const answers = (await Promise.all(bobs.map(async ({ token }) => statuses(token, 10)))).flat();
  expect(answers.filter((status) => status === 200)).toHaveLength(20);
  const refused = await h.gateway({ path: PAGE, token: bobs[0].token });
  expect(refused.json.errors[0]).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: expect.stringMatching(/owner is over its request limit/) });
  expect(await statuses(alices.token, 3)).toEqual([200, 200, 200]);
});

it('audits a refusal of a stored token under that token, at most once a minute per token', async () => {
  const { token, info } = await h.issue('bob', ['DOCS'], ['read']);
  await h.ok('bob', 'revokeToken', { id: info.id });
  await statuses(token, 30);
  const audit = async () => (await h.ok('siteadmin', 'listAudit', { tokenId: info.id })).items.filter((event) => event.code === 'INVALID_TOKEN');
  const first = await audit();
  expect(first).toEqual([expect.objectContaining({ tokenId: info.id, ownerAccountId: 'bob', status: 401, outcome: 'denied', operation: 'read', method: 'GET' })]);
  advanceSeconds(REFUSAL_AUDIT_INTERVAL_MS / 1000);
  await statuses(token, 30);
  expect(await audit()).toHaveLength(2);
});
