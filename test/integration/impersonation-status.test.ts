/**
 * The site admin's view of impersonation (resolver getImpersonationStatus): the newest request
 * Confluence answered as a token's owner and the newest IMPERSONATION_REFUSED, read from the audit log.
 */
import { IMPERSONATION_SEARCHED_EVENTS } from '../../src/use-cases/impersonation-status';
import { advanceSeconds, DOCS, Harness, SEED } from '../support/harness';
import { readEvent, storeAuditEvents } from '../support/seed-audit';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const page = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

/** Forge stops allowing the app to act as users for reads, as after a manifest change not yet consented to. */
function refuseImpersonation(): () => void {
  const grant = (h.app.platform.manifest.scopes as Map<string, { allowImpersonation?: boolean }>).get('read:page:confluence')!;
  grant.allowImpersonation = false;
  return () => {
    grant.allowImpersonation = true;
  };
}

it('shows the newest request answered as its owner and the newest refusal, with token, owner and status', async () => {
  expect(await h.ok('siteadmin', 'getImpersonationStatus')).toEqual({ lastSuccess: null, lastRefusal: null, searchedEvents: 500 });

  const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
  expect((await h.gateway({ path: page, token })).status).toBe(200);
  const readAt = new Date().toISOString();
  advanceSeconds(1);
  const restore = refuseImpersonation();
  expect((await h.gateway({ path: page, token })).status).toBe(502);
  const refusedAt = new Date().toISOString();
  restore();
  advanceSeconds(1);
  // Neither /self nor the user/current check (which shares its operation) is counted as acting as the owner.
  expect((await h.gateway({ path: '/self', token })).status).toBe(200);
  expect((await h.gateway({ path: '/wiki/rest/api/user/current', token })).status).toBe(200);

  expect(await h.ok('siteadmin', 'getImpersonationStatus')).toEqual({
    lastSuccess: { at: readAt, tokenId: info.id, owner: { accountId: 'alice', displayName: 'Alice Adams' }, status: 200 },
    lastRefusal: { at: refusedAt, tokenId: info.id, owner: { accountId: 'alice', displayName: 'Alice Adams' }, status: 502 },
    searchedEvents: IMPERSONATION_SEARCHED_EVENTS,
  });
});

it('looks only among the newest 500 events, so a look costs at most 2 × 5 index queries', async () => {
  const { token, info } = await h.issue('bob', ['DOCS'], ['read']);
  const restore = refuseImpersonation();
  expect((await h.gateway({ path: page, token })).status).toBe(502);
  restore();
  const now = Date.now();
  await storeAuditEvents(Array.from({ length: IMPERSONATION_SEARCHED_EVENTS }, (_, i) => readEvent({ id: info.id, ownerAccountId: 'bob' }, now + 1 + i, DOCS)));
  advanceSeconds(1);

  const requests: string[] = [];
  const handle = h.app.kvs.handle.bind(h.app.kvs);
  h.app.kvs.handle = (path, body) => {
    requests.push(path);
    return handle(path, body);
  };
  const status = await h.ok('siteadmin', 'getImpersonationStatus').finally(() => (h.app.kvs.handle = handle));
  // The refusal is the 501st newest event: past the search. The success is found on the first page.
  expect(requests.filter((path) => path.includes('query'))).toHaveLength(5 + 1);
  expect(status.lastRefusal).toBeNull();
  expect(status.lastSuccess).toMatchObject({ tokenId: info.id, at: new Date(now + IMPERSONATION_SEARCHED_EVENTS).toISOString() });
});

it('is for site admins only', async () => {
  expect(await h.invoke('alice', 'getImpersonationStatus')).toMatchObject({ error: { code: 'FORBIDDEN' } });
});
