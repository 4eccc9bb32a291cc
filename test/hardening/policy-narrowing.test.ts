import { POLICY_FRESH_MS } from '../../src/core/gateway-memory';
import { advanceDays, advanceSeconds, DOCS, Harness, SEED } from '../support/harness';

/**
 * Item 10 of issue 10: the policy narrows every token at use, not only at issue. A token acts with
 * its operations intersected with the policy's, and stops at createdAt + maxLifetimeDays when that
 * comes before its own expiry. Nothing is rewritten: widening the policy again gives the rights back.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

async function setPolicy(changes: Record<string, unknown>) {
  const { policy } = await h.ok('siteadmin', 'getPolicy');
  await h.ok('siteadmin', 'setPolicy', { ...policy, ...changes });
}

const newPage = { spaceId: DOCS.id, status: 'current', title: 'Narrowed', body: { representation: 'storage', value: '<p/>' } };

it('takes away operations the policy no longer allows from tokens that have them', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read', 'create', 'update', 'delete']);
  await setPolicy({ allowedOperations: ['read'] });
  const create = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage });
  const remove = await h.gateway({ method: 'DELETE', path: `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`, token });
  expect([create.status, create.json.errors[0].code]).toEqual([403, 'OPERATION_NOT_GRANTED']);
  expect([remove.status, remove.json.errors[0].code]).toEqual([403, 'OPERATION_NOT_GRANTED']);
  expect((await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`, token })).status).toBe(200);
  expect((await h.gateway({ path: '/self', token })).json.operations).toEqual(['read']);

  await setPolicy({ allowedOperations: ['read', 'create', 'update', 'delete'] });
  expect((await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage })).status).toBe(200);
});

it('stops a token at its creation plus the longest lifetime the policy now allows', async () => {
  const { token, info } = await h.issue('alice', ['DOCS'], ['read'], 365);
  await setPolicy({ maxLifetimeDays: 10 });
  const self = await h.gateway({ path: '/self', token });
  expect(self.json.expiresAt).toBe(new Date(Date.parse(info.createdAt) + 10 * 86_400_000).toISOString());
  advanceDays(9);
  expect((await h.gateway({ path: '/self', token })).status).toBe(200);
  advanceDays(1);
  const refused = await h.gateway({ path: '/self', token });
  expect([refused.status, refused.json.errors[0].code]).toEqual([401, 'INVALID_TOKEN']);
  // Its own expiry is untouched: a longer policy lifetime brings it back, once the gateway's copy of
  // the policy (and what it decided from it) is past its freshness.
  await setPolicy({ maxLifetimeDays: 365 });
  advanceSeconds(POLICY_FRESH_MS / 1000);
  expect((await h.gateway({ path: '/self', token })).status).toBe(200);
});
