import { POLICY_FRESH_MS } from '../../src/core/gateway-memory';
import { REVOKED_TOKEN_TAIL_DAYS } from '../../src/adapters/kvs/schema';
import { TOKEN_PATTERN } from '../../src/core/token-format';
import { advanceDays, advanceSeconds, DOCS, ENG, Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const create = (accountId: string, payload: Record<string, unknown>) =>
  h.invoke(accountId, 'createToken', { label: 'CI export', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, ...payload } as never);

describe('createToken', () => {
  it('returns the secret once and stores only a salted hash of it', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    expect(token).toMatch(new RegExp(`^${TOKEN_PATTERN.source}$`));
    expect(info).toMatchObject({ status: 'active', spaces: [{ key: 'DOCS', id: DOCS.id }], operations: ['read', 'create'], usageCount: 0 });
    const secret = token.slice(17, 60);
    const stored = JSON.stringify(h.app.kvs.dump());
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(token);
    const { tokens } = await h.ok('alice', 'listTokens');
    expect(JSON.stringify(tokens)).not.toContain(secret);
  });

  it('refuses rights the owner does not hold, listing what is missing', async () => {
    // bob may read, create and update in DOCS but not delete, and cannot see PRIV at all.
    const answer = await create('bob', { spaceKeys: ['DOCS', 'PRIV'], operations: ['read', 'delete'] });
    expect(answer).toEqual({
      error: {
        code: 'INSUFFICIENT_PERMISSIONS',
        message: expect.stringContaining('DOCS: delete'),
        details: [
          { spaceKey: 'PRIV', operations: ['read', 'delete'] },
          { spaceKey: 'DOCS', operations: ['delete'] },
        ],
      },
    });
    expect(await h.ok('bob', 'listTokens')).toEqual({ tokens: [], uncounted: { count: 0, more: false, byToken: {} }, usageAsOf: null });
  });

  it.each([
    ['an empty label', { label: '  ' }, 'VALIDATION_FAILED'],
    ['a 101-character label', { label: 'x'.repeat(101) }, 'VALIDATION_FAILED'],
    ['no space', { spaceKeys: [] }, 'VALIDATION_FAILED'],
    ['eleven spaces', { spaceKeys: Array.from({ length: 11 }, (_, i) => `S${i}`) }, 'VALIDATION_FAILED'],
    ['no operation', { operations: [] }, 'VALIDATION_FAILED'],
    ['an unknown operation', { operations: ['purge'] }, 'VALIDATION_FAILED'],
    ['no expiry', { expiresInDays: undefined }, 'VALIDATION_FAILED'],
    ['an expiry beyond the policy', { expiresInDays: 366 }, 'POLICY_VIOLATION'],
  ])('refuses %s with a stable code', async (_name, payload, code) => {
    expect(await create('alice', payload)).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await h.ok('alice', 'listTokens')).toEqual({ tokens: [], uncounted: { count: 0, more: false, byToken: {} }, usageAsOf: null });
  });

  it('caps the tokens one person creates in 24 hours, revoked ones included', async () => {
    const { policy } = await h.ok('siteadmin', 'getPolicy');
    await h.ok('siteadmin', 'setPolicy', { ...policy, maxTokenCreationsPerDay: 3 });
    for (let i = 0; i < 3; i++) {
      const { info } = await h.issue('alice', ['DOCS'], ['read']);
      await h.ok('alice', 'revokeToken', { id: info.id });
      advanceSeconds(3600);
    }
    expect(await create('alice', {})).toEqual({
      error: { code: 'TOKEN_LIMIT_REACHED', message: expect.stringMatching(/^You created 3 tokens in the last 24 hours.*after 2026-03-02T09:00:00.000Z\.$/) },
    });
    expect(await create('bob', {})).toHaveProperty('token');
    advanceSeconds(21 * 3600 + 1);
    expect(await create('alice', {})).toHaveProperty('token');
  });

  it('enforces the policy: allowed operations and tokens per user', async () => {
    await h.ok('siteadmin', 'setPolicy', { maxLifetimeDays: 90, maxTokensPerUser: 2, allowedOperations: ['read'], gatewayEnabled: true, auditRetentionDays: 30, requireIpAllowlist: false, maxGraceHours: 168, maxRequestsPerMinute: 300, maxRequestsPerOwnerPerMinute: 600, maxTokenCreationsPerDay: 50 });
    expect(await create('alice', { operations: ['create'] })).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    expect(await create('alice', { expiresInDays: 91 })).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    await h.issue('alice', ['DOCS'], ['read']);
    const second = await h.issue('alice', ['DOCS'], ['read']);
    expect(await create('alice', {})).toMatchObject({ error: { code: 'TOKEN_LIMIT_REACHED' } });
    await h.ok('alice', 'revokeToken', { id: second.info.id });
    expect(await create('alice', {})).toHaveProperty('token');
  });
});

describe('listTokens and revocation', () => {
  it('shows only the caller its own tokens, with status that follows time and revocation', async () => {
    const kept = await h.issue('alice', ['DOCS'], ['read'], 10);
    const revoked = await h.issue('alice', ['DOCS', 'ENG'], ['read'], 30);
    await h.issue('bob', ['ENG'], ['read']);
    await h.ok('alice', 'revokeToken', { id: revoked.info.id });
    advanceDays(6);
    expect((await h.ok('alice', 'listTokens')).tokens.map((token) => [token.id, token.status])).toEqual(
      expect.arrayContaining([
        [kept.info.id, 'active'],
        [revoked.info.id, 'revoked'],
      ]),
    );
    advanceDays(5);
    // A revoked token is shown for a week (REVOKED_TOKEN_TAIL_DAYS), an expired one for 30 days after expiry.
    const { tokens } = await h.ok('alice', 'listTokens');
    expect(tokens.map((token) => [token.id, token.status])).toEqual([[kept.info.id, 'expired']]);
  });

  it("forgets a revoked token and its space grants a week after revocation; its audit events stay", async () => {
    const revoked = await h.issue('alice', ['DOCS'], ['read'], 365);
    await h.gateway({ path: '/self', token: revoked.token });
    await h.ok('alice', 'revokeToken', { id: revoked.info.id });
    advanceDays(REVOKED_TOKEN_TAIL_DAYS);
    expect((await h.ok('alice', 'listTokens')).tokens).toEqual([]);
    expect((await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' })).tokens).toEqual([]);
    expect(h.app.kvs.handle('/api/v1/entity/get', { entityName: 'token-grant', key: `${revoked.info.id}:${DOCS.id}` }).body).toMatchObject({ code: 'KEY_NOT_FOUND' });
    const events = (await h.ok('alice', 'listAudit', {})).items;
    expect(events.filter((event) => event.tokenId === revoked.info.id).length).toBeGreaterThan(0);
  });

  it('never lets a user revoke someone else’s token, and answers the same as for a missing one', async () => {
    const bobs = await h.issue('bob', ['ENG'], ['read']);
    expect(await h.invoke('alice', 'revokeToken', { id: bobs.info.id })).toEqual({ error: { code: 'NOT_FOUND', message: 'No such token.' } });
    expect(await h.invoke('alice', 'revokeToken', { id: 'AAAAAAAAAAAA' })).toEqual({ error: { code: 'NOT_FOUND', message: 'No such token.' } });
    expect((await h.gateway({ path: '/self', token: bobs.token })).status).toBe(200);
  });

  it('revokes all of the caller’s active tokens and nobody else’s', async () => {
    const a1 = await h.issue('alice', ['DOCS'], ['read']);
    const a2 = await h.issue('alice', ['ENG'], ['read']);
    const b1 = await h.issue('bob', ['ENG'], ['read']);
    expect(await h.ok('alice', 'revokeAllTokens')).toEqual({ revoked: 2 });
    for (const token of [a1, a2]) expect((await h.gateway({ path: '/self', token: token.token })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token: b1.token })).status).toBe(200);
  });

  it('shows last use and usage count as folded from the audit trail, without losing concurrent requests', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    await Promise.all(Array.from({ length: 30 }, () => h.gateway({ path: '/self', token })));
    const usedAt = new Date(Date.now()).toISOString();
    advanceSeconds(180);
    await h.fold();
    const { tokens, usageAsOf } = await h.ok('alice', 'listTokens');
    expect(tokens[0]).toMatchObject({ id: info.id, usageCount: 30, lastUsedAt: usedAt });
    expect(usageAsOf).toBe(new Date(Date.now() - 120_000).toISOString());
  });
});

describe('space admins', () => {
  it('lists the tokens that reach their space, with owners, and cuts one off', async () => {
    const bobs = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    await h.issue('alice', ['ENG'], ['read']);
    const listed = await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' });
    expect(listed.tokens.map((token) => [token.id, token.owner.displayName])).toEqual([[bobs.info.id, 'Bob Brown']]);
    expect(listed.tokens[0]).not.toHaveProperty('hint');

    const { token } = await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: bobs.info.id });
    // DOCS's admin learns the token still reaches one other space, not which.
    expect([token.spaces, token.otherSpaces, token.status]).toEqual([[], 1, 'active']);
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token: bobs.token })).status).toBe(404);
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${ENG.id}/pages`, token: bobs.token })).status).toBe(200);
    expect((await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' })).tokens).toEqual([]);
  });

  it('revokes a token left with no space', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    const { token } = await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: bobs.info.id });
    expect(token.status).toBe('revoked');
    expect((await h.gateway({ path: '/self', token: bobs.token })).status).toBe(401);
  });

  it('refuses people who do not administer the space, whatever they send', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    // bob can use DOCS but does not administer it; carol cannot even see it.
    for (const user of ['bob', 'carol']) {
      expect(await h.invoke(user, 'listSpaceTokens', { spaceKey: 'DOCS' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await h.invoke(user, 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: bobs.info.id })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await h.invoke(user, 'listAudit', { spaceKey: 'DOCS' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    // Site admins may.
    expect((await h.ok('siteadmin', 'listSpaceTokens', { spaceKey: 'DOCS' })).tokens).toHaveLength(1);
  });
});

describe('audit', () => {
  it('shows owners their own events, space admins their space’s, newest first, with paging', async () => {
    const bobs = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    for (const id of [DOCS.id, ENG.id, DOCS.id]) {
      advanceSeconds(1);
      await h.gateway({ path: `/wiki/api/v2/spaces/${id}/pages`, token: bobs.token, headers: { 'user-agent': 'nightly-export/1.0', 'x-forwarded-for': '203.0.113.7' } });
    }

    const own = await h.ok('bob', 'listAudit', {});
    expect(own.items.map((event) => event.spaceKey)).toEqual(['DOCS', 'ENG', 'DOCS']);
    expect(own.items[0]).toMatchObject({ tokenId: bobs.info.id, operation: 'read', status: 200, outcome: 'ok', userAgent: 'nightly-export/1.0', clientIp: '203.0.113.7' });

    const docs = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS', limit: 1 });
    expect(docs.items).toHaveLength(1);
    const next = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS', limit: 1, cursor: docs.cursor! });
    expect(next.items.map((event) => event.spaceKey)).toEqual(['DOCS']);
    expect(next.items[0].id).not.toBe(docs.items[0].id);

    expect((await h.ok('alice', 'listAudit', {})).items).toEqual([]);
    expect(await h.invoke('alice', 'listAudit', { tokenId: bobs.info.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await h.ok('siteadmin', 'listAudit', { tokenId: bobs.info.id })).items).toHaveLength(3);
  });

  it('filters by outcome and operation', async () => {
    const bobs = await h.issue('bob', ['DOCS'], ['read']);
    await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token: bobs.token });
    await h.gateway({ method: 'DELETE', path: '/wiki/api/v2/pages/20002', token: bobs.token });
    const denied = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS', outcome: 'denied' });
    // Refused for its operation, the delete is still filed under the page's space, for DOCS's admins.
    expect(denied.items).toMatchObject([{ operation: 'delete', status: 403, code: 'OPERATION_NOT_GRANTED', spaceId: DOCS.id, spaceKey: 'DOCS' }]);
    const own = await h.ok('bob', 'listAudit', { outcome: 'denied' });
    expect(own.items).toMatchObject([{ operation: 'delete', status: 403, code: 'OPERATION_NOT_GRANTED' }]);
    expect((await h.ok('bob', 'listAudit', { operation: 'read' })).items).toHaveLength(1);
  });

  it('shows space admins refused attempts on their space by tokens that do not reach it', async () => {
    const bobs = await h.issue('bob', ['ENG'], ['read']); // bob can read DOCS himself; his token may not
    const answer = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token: bobs.token });
    expect(answer.status).toBe(404);
    const { items } = await h.ok('alice', 'listAudit', { spaceKey: 'DOCS', outcome: 'denied' });
    expect(items).toMatchObject([{ tokenId: bobs.info.id, spaceId: DOCS.id, spaceKey: null, code: 'SPACE_NOT_GRANTED', pageId: SEED.pages.gettingStarted.id }]);
    expect((await h.ok('bob', 'listAudit', { spaceKey: 'ENG' })).items).toEqual([]);
  });

  it('expires events after the policy’s retention', async () => {
    await h.ok('siteadmin', 'setPolicy', { maxLifetimeDays: 365, maxTokensPerUser: 25, allowedOperations: ['read'], gatewayEnabled: true, auditRetentionDays: 7, requireIpAllowlist: false, maxGraceHours: 168, maxRequestsPerMinute: 300, maxRequestsPerOwnerPerMinute: 600, maxTokenCreationsPerDay: 50 });
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    await h.gateway({ path: '/self', token });
    expect((await h.ok('alice', 'listAudit', {})).items).toHaveLength(1);
    advanceDays(8);
    expect((await h.ok('alice', 'listAudit', {})).items).toHaveLength(0);
  });
});

describe('policy and site admin', () => {
  it('lets only site admins change the policy, and validates it', async () => {
    const policy = { maxLifetimeDays: 30, maxTokensPerUser: 5, allowedOperations: ['read', 'update'], gatewayEnabled: false, auditRetentionDays: 60, requireIpAllowlist: true, maxGraceHours: 12, maxRequestsPerMinute: 300, maxRequestsPerOwnerPerMinute: 600, maxTokenCreationsPerDay: 50 };
    expect(await h.invoke('alice', 'setPolicy', policy as never)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await h.invoke('siteadmin', 'setPolicy', { ...policy, maxLifetimeDays: 0 } as never)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await h.ok('siteadmin', 'setPolicy', policy as never)).toEqual({ policy });
    expect(await h.ok('alice', 'getPolicy')).toEqual({ policy });
  });

  it('switches the gateway off and on', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const policy = { maxLifetimeDays: 365, maxTokensPerUser: 25, allowedOperations: ['read', 'create', 'update', 'delete'], gatewayEnabled: false, auditRetentionDays: 90, requireIpAllowlist: false, maxGraceHours: 168, maxRequestsPerMinute: 300, maxRequestsPerOwnerPerMinute: 600, maxTokenCreationsPerDay: 50 };
    await h.ok('siteadmin', 'setPolicy', policy as never);
    const off = await h.gateway({ path: '/self', token });
    expect(off.status).toBe(503);
    expect(off.json.errors[0].code).toBe('GATEWAY_DISABLED');
    await h.ok('siteadmin', 'setPolicy', { ...policy, gatewayEnabled: true } as never);
    // A gateway instance trusts the policy it last read for up to a minute, kill switch included.
    advanceSeconds(POLICY_FRESH_MS / 1000);
    expect((await h.gateway({ path: '/self', token })).status).toBe(200);
  });

  it('lists and revokes every token for site admins only', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    await h.issue('bob', ['ENG'], ['read']);
    expect(await h.invoke('alice', 'listAllTokens', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await h.invoke('alice', 'adminRevokeToken', { id: alices.info.id })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const all = await h.ok('siteadmin', 'listAllTokens', {});
    expect(all.items.map((token) => token.owner.displayName).sort()).toEqual(['Alice Adams', 'Bob Brown']);
    expect((await h.ok('siteadmin', 'adminRevokeToken', { id: alices.info.id })).token.status).toBe('revoked');
    expect((await h.gateway({ path: '/self', token: alices.token })).status).toBe(401);
  });

  it('answers the gateway URL and who the viewer is', async () => {
    expect(await h.ok('alice', 'getGatewayInfo')).toEqual({ url: `${h.app.baseUrl}/x/gateway` });
    expect(await h.ok('siteadmin', 'getViewer')).toEqual({ accountId: 'siteadmin', isSiteAdmin: true });
    expect((await h.ok('alice', 'listMySpaces')).spaces.map((space) => space.key)).toEqual(['DOCS', 'ENG']);
  });

  it('takes identity only from Forge’s context, never from the payload', async () => {
    const bobs = await h.issue('bob', ['ENG'], ['read']);
    const answer = await h.invoke('alice', 'revokeToken', { id: bobs.info.id, accountId: 'bob', ownerAccountId: 'bob' } as never);
    expect(answer).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await h.invoke('alice', 'listTokens', { accountId: 'bob' } as never)).toEqual({ tokens: [], uncounted: { count: 0, more: false, byToken: {} }, usageAsOf: null });
  });
});
