import { advanceDays, Harness } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

async function limitTokensPerUser(maxTokensPerUser: number): Promise<void> {
  const { policy } = await h.ok('siteadmin', 'getPolicy');
  await h.ok('siteadmin', 'setPolicy', { ...policy, maxTokensPerUser });
}

const create = (accountId: string, expiresInDays = 30) =>
  h.invoke(accountId, 'createToken', { label: 'CI export', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays });

async function activeCount(accountId: string): Promise<number> {
  return (await h.ok(accountId, 'listTokens')).tokens.filter((token) => token.status === 'active').length;
}

describe('maxTokensPerUser', () => {
  it('holds when 20 createToken calls arrive at once', async () => {
    await limitTokensPerUser(3);
    const answers = await Promise.all(Array.from({ length: 20 }, () => create('alice')));
    const codes = answers.map((answer) => ('error' in answer ? answer.error.code : 'created'));
    expect(codes.filter((code) => code === 'created')).toHaveLength(3);
    expect(codes.filter((code) => code === 'TOKEN_LIMIT_REACHED')).toHaveLength(17);
    expect(await activeCount('alice')).toBe(3);
    // Another user's tokens are counted apart.
    expect(await create('bob')).toHaveProperty('token');
  });

  it('lets every one of 20 simultaneous creations through when the limit allows them', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => create('alice')));
    expect(answers.filter((answer) => 'token' in answer)).toHaveLength(20);
    expect(await activeCount('alice')).toBe(20);
  });

  it('gives a slot back when a token is revoked, by its owner, a site admin or a space admin', async () => {
    await limitTokensPerUser(1);
    const own = await h.ok('bob', 'createToken', { label: 'a', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
    expect(await create('bob')).toMatchObject({ error: { code: 'TOKEN_LIMIT_REACHED' } });
    await h.ok('bob', 'revokeToken', { id: own.info.id });
    // Revoking twice gives nothing back twice.
    await h.ok('bob', 'revokeToken', { id: own.info.id });

    const second = await h.ok('bob', 'createToken', { label: 'b', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
    expect(await create('bob')).toMatchObject({ error: { code: 'TOKEN_LIMIT_REACHED' } });
    await h.ok('siteadmin', 'adminRevokeToken', { id: second.info.id });

    // alice administers DOCS: cutting bob's token off from its only space revokes it.
    const third = await h.ok('bob', 'createToken', { label: 'c', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
    await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: third.info.id });
    expect(await create('bob')).toHaveProperty('token');
    expect(await create('bob')).toMatchObject({ error: { code: 'TOKEN_LIMIT_REACHED' } });
  });

  it('keeps the count true when revoke-all and creations race', async () => {
    await limitTokensPerUser(2);
    await create('alice');
    await create('alice');
    await Promise.all([h.ok('alice', 'revokeAllTokens'), create('alice'), create('alice')]);
    expect(await activeCount('alice')).toBeLessThanOrEqual(2);
    // Whatever the interleaving, exactly the free slots can still be taken: none leaked, none lost.
    while ('token' in (await create('alice')));
    expect(await activeCount('alice')).toBe(2);
  });

  it('stops counting a token once it has expired, without any write at expiry', async () => {
    await limitTokensPerUser(1);
    await create('alice', 7);
    expect(await create('alice')).toMatchObject({ error: { code: 'TOKEN_LIMIT_REACHED' } });
    advanceDays(7);
    expect(await create('alice')).toHaveProperty('token');
  });

  it('costs two reads and one write request to create a token', async () => {
    await create('alice');
    h.app.kvs.resetCounters();
    expect(await create('alice')).toHaveProperty('token');
    const counters = h.app.kvs.counters();
    // The policy and the quota; then the token, its grant and the quota in one transaction.
    expect([counters.readRequests, counters.writeRequests, counters.writeOps]).toEqual([2, 1, 3]);
  });
});
