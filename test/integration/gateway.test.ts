import { advanceDays, advanceSeconds, DOCS, ENG, Harness, PRIV, SEED } from '../support/harness';
import { tokenParts } from '../../src/core/token-format';
import { tokenWithValidChecksum } from '../support/checksum-key';
import { newPage } from '../../emulator/demo/new-page';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const ALL = ['read', 'create', 'update', 'delete'] as const;
const errorCode = (answer: { json: any }) => answer.json?.errors?.[0]?.code;
/** Outside the token's scope answers exactly what a missing page answers (test/hardening/out-of-scope.test.ts has the details). */
const expectMissing = (answer: { status: number; json: any }) =>
  expect([answer.status, answer.json]).toEqual([404, { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] }]);

describe('the gateway as a drop-in for Confluence REST v2', () => {
  it('creates, reads, updates and deletes pages in a granted space, as the owner', async () => {
    const { token } = await h.issue('alice', ['DOCS'], [...ALL]);
    const created = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Release 1.2') });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ title: 'Release 1.2', spaceId: DOCS.id, authorId: 'alice', version: { number: 1, authorId: 'alice' } });
    const path = `/wiki/api/v2/pages/${created.json.id}`;

    const read = await h.gateway({ path, token, query: { 'body-format': 'storage' } });
    expect(read.status).toBe(200);
    expect(read.json.body.storage.value).toBe('<p>Release 1.2</p>');

    const updated = await h.gateway({ method: 'PUT', path, token, body: { id: created.json.id, status: 'current', title: 'Release 1.2 (final)', body: { representation: 'storage', value: '<p>done</p>' }, version: { number: 2 } } });
    expect(updated.status).toBe(200);
    expect(updated.json.version.number).toBe(2);

    const stale = await h.gateway({ method: 'PUT', path, token, body: { id: created.json.id, status: 'current', title: 'again', body: { representation: 'storage', value: '<p/>' }, version: { number: 2 } } });
    expect(stale.status).toBe(409); // Confluence's own answer passes through

    const deleted = await h.gateway({ method: 'DELETE', path, token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(h.app.confluence.snapshot().pages[created.json.id].status).toBe('trashed');
  });

  it('lists only the spaces in scope, whatever is asked for', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const all = await h.gateway({ path: '/wiki/api/v2/spaces', token });
    expect(all.json.results.map((space: { key: string }) => space.key)).toEqual(['DOCS']);
    const asked = await h.gateway({ path: '/wiki/api/v2/spaces', token, query: { keys: 'ENG,PRIV' } });
    expect(asked.status).toBe(200);
    expect(asked.json.results).toEqual([]);
    const byId = await h.gateway({ path: '/wiki/api/v2/spaces', token, query: { ids: ENG.id } });
    expect(byId.json.results).toEqual([]);
  });

  it('pages through a space’s pages with Confluence’s cursor links', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const first = await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token, query: { limit: '2' } });
    expect(first.json.results).toHaveLength(2);
    const next = new URL(first.json._links.next, 'https://example.invalid');
    const second = await h.gateway({ path: next.pathname, token, query: Object.fromEntries(next.searchParams) });
    expect(second.status).toBe(200);
    expect(second.json.results[0].id).not.toBe(first.json.results[0].id);
  });

  it('describes the token at /self', async () => {
    const { token, info } = await h.issue('alice', ['DOCS', 'ENG'], ['read']);
    const self = await h.gateway({ path: '/self', token });
    expect(self.json).toEqual({ id: info.id, label: info.label, ownerAccountId: 'alice', spaces: info.spaces, operations: ['read'], expiresAt: info.expiresAt });
  });

  it('accepts Basic auth with the token as the password, as curl --user does', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const basic = `Basic ${Buffer.from(`alice@example.com:${token}`).toString('base64')}`;
    expect((await h.gateway({ path: '/self', authorization: basic })).status).toBe(200);
  });
});

describe('authentication', () => {
  it.each([
    ['no credentials', undefined, 'Bearer realm="Confluence space-scoped tokens"'],
    ['a malformed token', 'Bearer not-a-token', 'Bearer realm="Confluence space-scoped tokens", error="invalid_token"'],
    ['another scheme', 'Token abc', 'Bearer realm="Confluence space-scoped tokens", error="invalid_token"'],
  ])('answers 401 with WWW-Authenticate for %s', async (_name, authorization, challenge) => {
    const answer = await h.gateway({ path: '/self', authorization });
    expect(answer.status).toBe(401);
    expect(answer.headers['WWW-Authenticate']).toEqual([challenge]);
    expect(answer.json).toEqual({ errors: [{ status: 401, code: 'INVALID_TOKEN', title: 'Unauthorized', detail: expect.any(String) }] });
  });

  describe('a credential that is clearly not one of ours', () => {
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const OPAQUE = 'The token is missing, malformed, unknown, expired or revoked.';
    it.each([
      ['an Atlassian API token', basic('alice@example.com', `ATATT3xFfGF0${'q'.repeat(180)}=1A2B3C4D`)],
      ['an Atlassian API token from before 2023', `Bearer ${'x7'.repeat(12)}`],
      ['a JWT', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl'],
      ['an empty password', basic('alice@example.com', '')],
    ])('gets a 401 that names the token it needs: %s', async (_name, authorization) => {
      const answer = await h.gateway({ path: '/self', authorization });
      expect(answer.status).toBe(401);
      expect(answer.json.errors[0]).toMatchObject({ code: 'INVALID_TOKEN', detail: expect.stringMatching(/space-scoped token \(sst_…\) from the app's API tokens page/) });
    });

    it('while anything that could be ours, issued or not, gets the same opaque detail', async () => {
      const { token } = await h.issue('alice', ['DOCS'], ['read']);
      const { id, secret } = tokenParts(token)!;
      const details = [];
      for (const candidate of [
        tokenWithValidChecksum(h.app, { id, secret: secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
        tokenWithValidChecksum(h.app, { id: 'A'.repeat(12), secret }),
        `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`,
        'not-a-token',
      ]) {
        details.push((await h.gateway({ path: '/self', token: candidate })).json.errors[0].detail);
      }
      expect(details).toEqual(details.map(() => OPAQUE));
    });
  });

  it('refuses a tampered checksum without touching storage', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const last = token.at(-1) === 'a' ? 'b' : 'a';
    h.app.kvs.resetCounters();
    const answer = await h.gateway({ path: '/self', token: token.slice(0, -1) + last });
    expect(answer.status).toBe(401);
    const { readRequests, writeRequests } = h.app.kvs.counters();
    expect({ readRequests, writeRequests }).toEqual({ readRequests: 0, writeRequests: 0 });
  });

  it('refuses the right id with the wrong secret (valid checksum and all)', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const { id, secret } = tokenParts(token)!;
    const forged = tokenWithValidChecksum(h.app, { id, secret: (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1) });
    const answer = await h.gateway({ path: '/self', token: forged });
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('INVALID_TOKEN');
  });

  it('refuses a revoked token at once and an expired one from its expiry', async () => {
    const revoked = await h.issue('alice', ['DOCS'], ['read']);
    const expiring = await h.issue('alice', ['DOCS'], ['read'], 1);
    await h.ok('alice', 'revokeToken', { id: revoked.info.id });
    expect((await h.gateway({ path: '/self', token: revoked.token })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token: expiring.token })).status).toBe(200);
    advanceDays(1);
    expect((await h.gateway({ path: '/self', token: expiring.token })).status).toBe(401);
  });

  it('costs one storage read to authenticate and one write for the audit event', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.kvs.resetCounters();
    await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    const { readRequests, writeRequests } = h.app.kvs.counters();
    expect({ readRequests, writeRequests }).toEqual({ readRequests: 1, writeRequests: 1 });
  });
});

describe('scope', () => {
  it('refuses a page id from another space, even one the owner can read', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'update', 'delete']); // alice may read ENG
    const engPage = `/wiki/api/v2/pages/${SEED.pages.engHome.id}`;
    const read = await h.gateway({ path: engPage, token });
    expectMissing(read);
    expect(read.text).not.toContain('Engineering');
    expectMissing(await h.gateway({ method: 'DELETE', path: engPage, token }));
    expect(h.app.confluence.snapshot().pages[SEED.pages.engHome.id].status).toBe('current');
  });

  it('refuses to create in a space out of scope, or under a parent in another space', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['create']); // bob may create in ENG (admin) too
    const outside = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(ENG.id, 'Sneaky') });
    expectMissing(outside);
    const underForeignParent = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Sneaky', { parentId: SEED.pages.engHome.id }) });
    expectMissing(underForeignParent);
    const titles = Object.values(h.app.confluence.snapshot().pages).map((page) => page.title);
    expect(titles).not.toContain('Sneaky');
  });

  it('refuses to move a page out of scope, by space or by parent', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read', 'update']);
    const page = SEED.pages.gettingStarted;
    const path = `/wiki/api/v2/pages/${page.id}`;
    const current = (await h.gateway({ path, token })).json;
    const update = (extra: Record<string, unknown>) => ({ id: page.id, status: 'current', title: current.title, body: { representation: 'storage', value: '<p>moved</p>' }, version: { number: current.version.number + 1 }, ...extra });
    expectMissing(await h.gateway({ method: 'PUT', path, token, body: update({ spaceId: ENG.id }) }));
    expectMissing(await h.gateway({ method: 'PUT', path, token, body: update({ parentId: SEED.pages.engHome.id }) }));
    expect(h.app.confluence.snapshot().pages[page.id]).toMatchObject({ spaceId: DOCS.id, parentId: page.parentId });
    // Moving within the space is fine.
    expect((await h.gateway({ method: 'PUT', path, token, body: update({ parentId: SEED.pages.releaseNotes.id }) })).status).toBe(200);
  });

  it('refuses operations the token was not given, and purging always', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'delete']);
    const write = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Nope') });
    expect(write.status).toBe(403);
    expect(errorCode(write)).toBe('OPERATION_NOT_GRANTED');
    const purge = await h.gateway({ method: 'DELETE', path: `/wiki/api/v2/pages/${SEED.pages.releaseNotes.id}`, token, query: { purge: 'true' } });
    expect(purge.status).toBe(403);
    expect(errorCode(purge)).toBe('PURGE_NOT_ALLOWED');
  });

  it('acts with the owner’s current rights: an owner who lost access is refused at once', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']);
    const path = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
    expect((await h.gateway({ path, token })).status).toBe(200);
    h.app.confluence.setSpacePermissions('DOCS', 'bob', []);
    expect((await h.gateway({ path, token })).status).toBe(404);
  });

  it('respects page restrictions for the owner', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    const restricted = `/wiki/api/v2/pages/${SEED.pages.aliceNotes.id}`;
    expect((await h.gateway({ path: restricted, token: bobs.token })).status).toBe(404);
    expect((await h.gateway({ path: restricted, token: alices.token })).status).toBe(200);
  });

  it('never reaches a space the owner cannot see, whatever the token claims', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    expectMissing(await h.gateway({ path: `/wiki/api/v2/spaces/${PRIV.id}/pages`, token }));
  });
});

describe('errors', () => {
  let token: string;
  beforeEach(async () => {
    ({ token } = await h.issue('alice', ['DOCS'], [...ALL]));
  });

  it.each([
    ['an unknown route', 'GET', '/wiki/api/v2/blogposts', 404, 'NOT_FOUND'],
    ['a non-numeric page id', 'GET', '/wiki/api/v2/pages/..%2F..%2Fadmin', 404, 'NOT_FOUND'],
    ['a method the route lacks', 'PATCH', '/wiki/api/v2/pages/20002', 405, 'METHOD_NOT_ALLOWED'],
  ])('answers %s in Confluence’s error envelope', async (_name, method, path, status, code) => {
    const answer = await h.gateway({ method, path, token });
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ errors: [{ status, code, title: expect.any(String), detail: expect.any(String) }] });
  });

  it('names the allowed methods on 405', async () => {
    const answer = await h.gateway({ method: 'PATCH', path: '/wiki/api/v2/pages/20002', token });
    expect(answer.headers.Allow).toEqual(['GET, PUT, DELETE']);
  });

  it('answers 400 for a malformed body and 413 over 5 MB', async () => {
    const malformed = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: '{"spaceId": ' });
    expect(malformed.status).toBe(400);
    expect(errorCode(malformed)).toBe('INVALID_REQUEST');
    const huge = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
  });

  it.each([
    [429, '7'],
    [503, '30'],
  ])('passes Confluence’s %i through with Retry-After', async (status, retryAfter) => {
    h.app.confluence.failNext({ status, retryAfter: Number(retryAfter) });
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    expect(answer.status).toBe(status);
    expect(answer.headers['Retry-After']).toEqual([retryAfter]);
  });

  it('answers 502 for an upstream failure, without a stack trace', async () => {
    h.app.confluence.failNext({ status: 500 });
    const failed = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    expect(failed.status).toBe(502);
    expect(errorCode(failed)).toBe('UPSTREAM_ERROR');
    h.app.confluence.failNext({ networkError: 'socket hang up' });
    const unreachable = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    expect(unreachable.status).toBe(502);
    expect(unreachable.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(h.app.platform.failures).toEqual([]);
  });

  it('records every authenticated request, refused ones included', async () => {
    const spoofed = { 'user-agent': 'curl/8.5', 'x-forwarded-for': '10.0.0.1, 198.51.100.4' };
    await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, token, headers: spoofed });
    advanceSeconds(1);
    await h.gateway({ method: 'PATCH', path: '/wiki/api/v2/pages/20002', token });
    const { items } = await h.ok('alice', 'listAudit', {});
    expect(items).toMatchObject([
      { method: 'PATCH', operation: null, status: 405, outcome: 'failed', code: 'METHOD_NOT_ALLOWED' },
      { method: 'GET', operation: 'read', pageId: SEED.pages.engHome.id, status: 404, outcome: 'denied', code: 'SPACE_NOT_GRANTED', userAgent: 'curl/8.5', clientIp: '198.51.100.4' },
    ]);
  });
});

describe('impersonation', () => {
  it('answers a clear error when the platform refuses to act as the owner, never acting as the app', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const manifest = h.app.platform.manifest.scopes as Map<string, { allowImpersonation?: boolean }>;
    const grant = manifest.get('read:page:confluence')!;
    const original = grant.allowImpersonation;
    grant.allowImpersonation = false;
    try {
      const answer = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
      expect(answer.status).toBe(502);
      expect(errorCode(answer)).toBe('IMPERSONATION_REFUSED');
    } finally {
      grant.allowImpersonation = original;
    }
  });
});
