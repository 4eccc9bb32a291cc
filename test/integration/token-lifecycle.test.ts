import { fromEntity, type TokenEntity } from '../../src/adapters/kvs/token-entity';
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';
import { advanceDays, advanceSeconds, DOCS, Harness, SEED } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const HOUR_S = 3600;
const errorCode = (answer: { json: any }) => answer.json?.errors?.[0]?.code;
const create = (accountId: string, payload: Record<string, unknown>) =>
  h.invoke(accountId, 'createToken', { label: 'CI publish', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, ...payload } as never);
const policy = (changes: Record<string, unknown>) =>
  h.ok('siteadmin', 'setPolicy', {
    maxLifetimeDays: 365, maxTokensPerUser: 25, allowedOperations: ['read', 'create', 'update', 'delete'], gatewayEnabled: true,
    auditRetentionDays: 90, requireIpAllowlist: false, maxGraceHours: 168, ...changes,
  } as never);
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('rotation', () => {
  it('replaces the secret and keeps id, label, scope and expiry; the previous secret works until the grace period ends', async () => {
    const old = await h.issue('alice', ['DOCS'], ['read']);
    const rotated = await h.ok('alice', 'rotateToken', { id: old.info.id, graceHours: 2 });
    expect(rotated.token).not.toBe(old.token);
    expect(rotated.token.slice(0, 17)).toBe(old.token.slice(0, 17));
    const { hint: _oldHint, previousSecretValidUntil: _none, ...kept } = old.info;
    expect(rotated.info).toMatchObject({ ...kept, previousSecretValidUntil: new Date(Date.now() + 2 * HOUR_S * 1000).toISOString() });
    expect(rotated.info.hint).toBe(`${rotated.token.slice(0, 16)}…${rotated.token.slice(-4)}`);

    expect((await h.gateway({ path: '/self', token: rotated.token })).status).toBe(200);
    expect((await h.gateway({ path: '/self', token: old.token })).status).toBe(200);
    advanceSeconds(2 * HOUR_S - 1);
    expect((await h.gateway({ path: '/self', token: old.token })).status).toBe(200);
    advanceSeconds(1);
    expect((await h.gateway({ path: '/self', token: old.token })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token: rotated.token })).status).toBe(200);
  });

  it('stops the previous secret at once with a grace of 0, and keeps only one previous secret', async () => {
    const first = await h.issue('alice', ['DOCS'], ['read']);
    const second = await h.ok('alice', 'rotateToken', { id: first.info.id, graceHours: 0 });
    expect(second.info.previousSecretValidUntil).toBeNull();
    expect((await h.gateway({ path: '/self', token: first.token })).status).toBe(401);
    const third = await h.ok('alice', 'rotateToken', { id: first.info.id, graceHours: 24 });
    expect((await h.gateway({ path: '/self', token: second.token })).status).toBe(200);
    await h.ok('alice', 'rotateToken', { id: first.info.id, graceHours: 24 });
    expect((await h.gateway({ path: '/self', token: second.token })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token: third.token })).status).toBe(200);
  });

  it('refuses someone else’s token, bad grace periods, and revoked tokens', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    expect(await h.invoke('bob', 'rotateToken', { id: alices.info.id, graceHours: 1 })).toEqual({ error: { code: 'NOT_FOUND', message: 'No such token.' } });
    for (const graceHours of [-1, 169, 1.5, '24', undefined]) {
      expect(await h.invoke('alice', 'rotateToken', { id: alices.info.id, graceHours } as never)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    await h.ok('alice', 'revokeToken', { id: alices.info.id });
    expect(await h.invoke('alice', 'rotateToken', { id: alices.info.id, graceHours: 1 })).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await h.gateway({ path: '/self', token: alices.token })).status).toBe(401);
  });

  it('lets a script rotate itself through POST /self/rotate, 24 hours of grace by default', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    const answer = await h.gateway({ method: 'POST', path: '/self/rotate', token, body: {} });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      token: expect.stringMatching(/^sst_/),
      id: info.id,
      expiresAt: info.expiresAt,
      previousSecretValidUntil: new Date(Date.now() + 24 * HOUR_S * 1000).toISOString(),
    });
    const next = answer.json.token as string;
    expect((await h.gateway({ path: '/self', token: next })).status).toBe(200);
    // The previous secret may still do everything else, but not rotate.
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token })).status).toBe(200);
    const again = await h.gateway({ method: 'POST', path: '/self/rotate', token, body: { graceHours: 1 } });
    expect(again.status).toBe(403);
    expect(errorCode(again)).toBe('CURRENT_SECRET_REQUIRED');
    expect((await h.gateway({ path: '/self', token: next })).status).toBe(200);

    const short = await h.gateway({ method: 'POST', path: '/self/rotate', token: next, body: { graceHours: 0 } });
    expect(short.json.previousSecretValidUntil).toBeNull();
    expect((await h.gateway({ path: '/self', token: next })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token })).status).toBe(401);
  });

  it('lets only one of two simultaneous self-rotations win; the loser is told, not rotated on top', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const answers = await Promise.all([1, 2].map(() => h.gateway({ method: 'POST', path: '/self/rotate', token, body: { graceHours: 1 } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!.json.token;
    expect((await h.gateway({ path: '/self', token: winner })).status).toBe(200);
    expect((await h.gateway({ path: '/self', token })).status).toBe(200); // the previous secret, in its grace period
  });

  it('refuses a bad grace period at /self/rotate and changes nothing', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    for (const body of [{ graceHours: 200 }, { graceHours: 'soon' }, '[1]', 'not json']) {
      const answer = await h.gateway({ method: 'POST', path: '/self/rotate', token, body });
      expect(answer.status).toBe(400);
    }
    expect((await h.gateway({ path: '/self', token })).status).toBe(200);
  });

  it('records every rotation in the audit trail, from the UI and from the gateway, without counting it as a use', async () => {
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    await h.ok('alice', 'rotateToken', { id: info.id, graceHours: 1 });
    advanceSeconds(1);
    await h.gateway({ method: 'POST', path: '/self/rotate', token, body: {} }); // previous secret: refused
    const { items } = await h.ok('alice', 'listAudit', { operation: 'rotate' });
    expect(items).toMatchObject([
      { tokenId: info.id, operation: 'rotate', method: 'POST', status: 403, outcome: 'denied', code: 'CURRENT_SECRET_REQUIRED' },
      { tokenId: info.id, operation: 'rotate', method: 'UI', status: 200, outcome: 'ok' },
    ]);
    advanceSeconds(FOLD_LIMITS.settleMs / 1000 + 1);
    await h.fold();
    const listed = (await h.ok('alice', 'listTokens')).tokens[0];
    expect(listed.usageCount).toBe(1);
  });

  it('applies maxGraceHours at rotation and at use', async () => {
    await policy({ maxGraceHours: 12 });
    const { token, info } = await h.issue('alice', ['DOCS'], ['read']);
    expect(await h.invoke('alice', 'rotateToken', { id: info.id, graceHours: 13 })).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    // /self/rotate without a choice gets the most the site allows.
    const selfRotated = await h.gateway({ method: 'POST', path: '/self/rotate', token, body: {} });
    expect(selfRotated.json.previousSecretValidUntil).toBe(new Date(Date.now() + 12 * HOUR_S * 1000).toISOString());
    expect((await h.gateway({ method: 'POST', path: '/self/rotate', token: selfRotated.json.token, body: { graceHours: 24 } })).status).toBe(400);
    // Lowering the policy cuts a running grace period short.
    advanceSeconds(2 * HOUR_S);
    expect((await h.gateway({ path: '/self', token })).status).toBe(200);
    await policy({ maxGraceHours: 1 });
    expect((await h.gateway({ path: '/self', token })).status).toBe(401);
    expect((await h.gateway({ path: '/self', token: selfRotated.json.token })).status).toBe(200);
  });
});

describe('IP allowlists', () => {
  it('normalizes addresses and ranges, and refuses a bad entry by name', async () => {
    const created = await h.ok('alice', 'createToken', {
      label: 'CI', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30,
      allowedIps: ['203.0.113.7', ' 10.1.2.3/16 ', '2001:DB8::/32', '203.0.113.7'],
    });
    expect(created.info.allowedIps).toEqual(['203.0.113.7', '10.1.0.0/16', '2001:db8::/32']);
    for (const bad of ['10.1', '300.1.1.1', '10.0.0.0/33', 'example.com', '0x0a000001', 'fe80::1%eth0', '10.0.0.1/8/8']) {
      const answer = await create('alice', { allowedIps: ['192.0.2.1', bad] });
      expect(answer).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(JSON.stringify(bad)) } });
    }
    // Every bad entry at once, in words without the field's internal name, which the details carry for the form.
    const several = await create('alice', { allowedIps: ['10.1', '192.0.2.1', 'example.com', '10.1'] });
    expect(several).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'allowedIps', entries: ['10.1', 'example.com'] } } });
    expect((several as { error: { message: string } }).error.message).toBe('Allowed IP addresses: "10.1", "example.com" are not IPv4 or IPv6 addresses or CIDR ranges (write e.g. 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32).');
    expect(await create('alice', { allowedIps: Array.from({ length: 21 }, (_, i) => `192.0.2.${i}`) })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await create('alice', { allowedIps: '192.0.2.1' })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await h.ok('alice', 'listTokens')).tokens).toHaveLength(1);
  });

  it('answers 403 IP_NOT_ALLOWED from elsewhere, judged by the edge-appended address only, and audits it', async () => {
    const { token, info } = await h.ok('alice', 'createToken', {
      label: 'CI', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, allowedIps: ['203.0.113.0/24', '2001:db8::/32'],
    });
    const path = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
    expect((await h.gateway({ path, token, headers: from('203.0.113.9') })).status).toBe(200);
    expect((await h.gateway({ path, token, headers: from('2001:db8::42') })).status).toBe(200);
    expect((await h.gateway({ path, token, headers: from('::ffff:203.0.113.9') })).status).toBe(200);
    // A client claiming an allowed address first: only the last entry, the edge's, counts.
    const claimed = await h.gateway({ path, token, headers: from('203.0.113.9, 198.51.100.1') });
    expect(claimed.status).toBe(403);
    expect(errorCode(claimed)).toBe('IP_NOT_ALLOWED');
    expect(claimed.text).not.toContain('Getting Started');
    advanceSeconds(1);
    expect((await h.gateway({ path, token })).status).toBe(403); // no address at all
    const { items } = await h.ok('alice', 'listAudit', { tokenId: info.id, outcome: 'denied' });
    expect(items[0]).toMatchObject({ code: 'IP_NOT_ALLOWED', status: 403, clientIp: null });
    expect(items[1]).toMatchObject({ code: 'IP_NOT_ALLOWED', clientIp: '198.51.100.1' });
  });

  it('applies requireIpAllowlist at creation, rotation and use', async () => {
    const open = await h.issue('alice', ['DOCS'], ['read']);
    const listed = await h.ok('alice', 'createToken', { label: 'CI', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, allowedIps: ['192.0.2.0/24'] });
    await policy({ requireIpAllowlist: true });
    expect(await create('alice', {})).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    expect(await create('alice', { allowedIps: [] })).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    expect(await h.invoke('alice', 'rotateToken', { id: open.info.id, graceHours: 1 })).toMatchObject({ error: { code: 'POLICY_VIOLATION' } });
    const refused = await h.gateway({ path: '/self', token: open.token, headers: from('192.0.2.1') });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('IP_NOT_ALLOWED');
    expect((await h.gateway({ path: '/self', token: listed.token, headers: from('192.0.2.1') })).status).toBe(200);
    expect(await h.invoke('alice', 'rotateToken', { id: listed.info.id, graceHours: 1 })).toHaveProperty('token');
  });
});

describe('page-tree scope', () => {
  const release = SEED.pages.releaseNotes; // DOCS: Home > Release Notes
  async function treeToken(operations: Array<'read' | 'create' | 'update' | 'delete'> = ['read', 'create', 'update', 'delete']) {
    return h.ok('alice', 'createToken', { label: 'Release notes bot', spaceKeys: ['DOCS'], operations, expiresInDays: 30, pageIds: [release.id] });
  }

  it('checks the roots at creation: visible pages in the token’s spaces, at most 10', async () => {
    const { info } = await treeToken();
    expect(info.pageIds).toEqual([release.id]);
    expect(info.pages).toEqual([{ id: release.id, title: 'Release Notes', spaceKey: 'DOCS' }]);
    // ENG's page is visible to alice but outside the token's spaces; 20005 is restricted to alice (bob cannot see it); 99999 does not exist.
    expect(await create('alice', { pageIds: [SEED.pages.engHome.id] })).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(SEED.pages.engHome.id) } });
    expect(await create('bob', { pageIds: [SEED.pages.aliceNotes.id] })).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { pageIds: [SEED.pages.aliceNotes.id] } } });
    expect(await create('alice', { pageIds: ['99999'] })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await create('alice', { pageIds: Array.from({ length: 11 }, (_, i) => String(20001 + i)) })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await create('alice', { pageIds: ['abc'] })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('reaches the roots and their descendants; other pages answer like missing ones', async () => {
    const { token } = await treeToken();
    const child = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, '2.0', { parentId: release.id }) });
    expect(child.status).toBe(200);
    const grandchild = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, '2.0.1', { parentId: child.json.id }) });
    expect(grandchild.status).toBe(200);
    for (const id of [release.id, child.json.id, grandchild.json.id]) {
      expect((await h.gateway({ path: `/wiki/api/v2/pages/${id}`, token })).status).toBe(200);
    }
    const outside = `/wiki/api/v2/pages/${SEED.pages.installation.id}`;
    const missing = await h.gateway({ path: '/wiki/api/v2/pages/29999', token });
    const read = await h.gateway({ path: outside, token });
    expect(read.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(read.text).toBe(missing.text); // exactly a missing page: no oracle for what exists outside the trees
    expect(read.headers['Content-Type']).toEqual(missing.headers['Content-Type']);
    const current = SEED.pages.installation;
    expect((await h.gateway({ method: 'PUT', path: outside, token, body: { id: current.id, status: 'current', title: 'x', body: { representation: 'storage', value: '<p/>' }, version: { number: 2 } } })).status).toBe(404);
    expect((await h.gateway({ method: 'DELETE', path: outside, token })).status).toBe(404);
    expect(h.app.confluence.snapshot().pages[current.id]).toMatchObject({ title: 'Installation', status: 'current' });
    const { items } = await h.ok('alice', 'listAudit', { outcome: 'denied' });
    expect(items.map((event) => event.code)).toEqual(['PAGE_NOT_GRANTED', 'PAGE_NOT_GRANTED', 'PAGE_NOT_GRANTED']);
  });

  it('needs a parent inside a tree to create, and keeps moves inside', async () => {
    const { token } = await treeToken();
    const noParent = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Loose') });
    const foreignParent = await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Loose', { parentId: SEED.pages.gettingStarted.id }) });
    // Without a parent the token is told what it needs (it knows it has page trees); a parent outside them looks missing.
    expect(noParent.status).toBe(400);
    expect(noParent.json.errors[0]).toMatchObject({ code: 'PARENT_REQUIRED', detail: expect.stringContaining('parentId inside one of them') });
    expect(noParent.text).not.toContain(release.id);
    expect(foreignParent.status).toBe(404);
    expect(Object.values(h.app.confluence.snapshot().pages).map((page) => page.title)).not.toContain('Loose');

    const a = (await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'A', { parentId: release.id }) })).json;
    const b = (await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'B', { parentId: release.id }) })).json;
    const move = (parentId: string, version: number) =>
      h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${a.id}`, token, body: { id: a.id, status: 'current', title: 'A', parentId, body: { representation: 'storage', value: '<p>A</p>' }, version: { number: version } } });
    expect((await move(SEED.pages.gettingStarted.id, 2)).status).toBe(404);
    expect((await move(SEED.pages.docsHome.id, 2)).status).toBe(404);
    expect(h.app.confluence.snapshot().pages[a.id].parentId).toBe(release.id);
    expect((await move(b.id, 2)).status).toBe(200);
    expect(h.app.confluence.snapshot().pages[a.id].parentId).toBe(b.id);
  });

  it('lists only pages inside the trees', async () => {
    const { token } = await treeToken();
    const child = (await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, '2.0', { parentId: release.id }) })).json;
    const listed = await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token, query: { limit: '250' } });
    expect(listed.status).toBe(200);
    expect(listed.json.results.map((page: { id: string }) => page.id)).toEqual([release.id, child.id]);
    // Paged two at a time, pages whose parents are on earlier pages are still decided right.
    const seen: string[] = [];
    let query: Record<string, string> = { limit: '2' };
    for (;;) {
      const page = await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token, query });
      seen.push(...page.json.results.map((result: { id: string }) => result.id));
      if (!page.json._links?.next) break;
      query = Object.fromEntries(new URL(page.json._links.next, 'https://x.invalid').searchParams);
    }
    expect(seen).toEqual([release.id, child.id]);
  });

  it('holds through REST v1 too: content by id, content lists and CQL search see only the trees', async () => {
    const { token } = await treeToken();
    const child = (await h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, '3.0', { parentId: release.id }) })).json;
    expect((await h.gateway({ path: `/wiki/rest/api/content/${child.id}`, token })).status).toBe(200);
    const outside = await h.gateway({ path: `/wiki/rest/api/content/${SEED.pages.installation.id}`, token });
    expect(outside.status).toBe(404);
    expect(outside.text).not.toContain('Installation');
    const listed = await h.gateway({ path: '/wiki/rest/api/content', token, query: { spaceKey: 'DOCS', limit: '100' } });
    expect(listed.json.results.map((page: { id: string }) => page.id).sort()).toEqual([release.id, child.id].sort());
    for (const path of ['/wiki/rest/api/content/search', '/wiki/rest/api/search']) {
      const found = await h.gateway({ path, token, query: { cql: 'type = page', limit: '100' } });
      expect(found.status).toBe(200);
      const ids = found.json.results.map((result: { id?: string; content?: { id: string } }) => result.content?.id ?? result.id);
      expect(ids.sort()).toEqual([release.id, child.id].sort());
    }
  });

  it('describes the trees at /self and drops them with their space; a token left with no tree is revoked, never widened', async () => {
    const both = await h.ok('alice', 'createToken', { label: 'two', spaceKeys: ['DOCS', 'ENG'], operations: ['read'], expiresInDays: 30, pageIds: [release.id] });
    expect((await h.gateway({ path: '/self', token: both.token })).json.pageIds).toEqual([release.id]);
    expect((await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, token: both.token })).status).toBe(404);
    const { token } = await h.ok('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: both.info.id });
    expect(token).toMatchObject({ status: 'revoked', pageIds: [] });
    expect((await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, token: both.token })).status).toBe(401);
  });

  it('finds pages by title in the chosen spaces, as the user sees them', async () => {
    const { pages } = await h.ok('alice', 'searchPages', { spaceKeys: ['DOCS', 'ENG'], query: 'HOME' });
    expect(pages).toEqual([
      { id: SEED.pages.docsHome.id, title: 'Documentation Home', spaceKey: 'DOCS' },
      { id: SEED.pages.engHome.id, title: 'Engineering Home', spaceKey: 'ENG' },
    ]);
    const notes = await h.ok('alice', 'searchPages', { spaceKeys: ['DOCS'], query: 'notes' });
    expect(notes.pages.map((page) => page.id)).toEqual([SEED.pages.aliceNotes.id, SEED.pages.releaseNotes.id]);
    const bobs = await h.ok('bob', 'searchPages', { spaceKeys: ['DOCS'], query: 'notes' });
    expect(bobs.pages.map((page) => page.id)).toEqual([SEED.pages.releaseNotes.id]); // not alice's restricted page
    expect((await h.ok('carol', 'searchPages', { spaceKeys: ['DOCS'], query: '' })).pages).toEqual([]);
    for (const spaceKeys of [[], ['no spaces!']]) {
      expect(await h.invoke('alice', 'searchPages', { spaceKeys, query: 'x' })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await h.invoke('alice', 'searchPages', { spaceKeys: ['DOCS'], query: 'x'.repeat(101) })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('expiry notices', () => {
  it('flags active tokens expiring within 7 days to owners and space admins', async () => {
    const soon = await h.issue('bob', ['DOCS'], ['read'], 7);
    const later = await h.issue('bob', ['DOCS'], ['read'], 8);
    const flags = async () => Object.fromEntries((await h.ok('bob', 'listTokens')).tokens.map((token) => [token.id, token.expiresSoon]));
    expect(await flags()).toEqual({ [soon.info.id]: true, [later.info.id]: false });
    const admin = await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' });
    expect(Object.fromEntries(admin.tokens.map((token) => [token.id, token.expiresSoon]))).toEqual({ [soon.info.id]: true, [later.info.id]: false });
    advanceDays(7);
    expect(await flags()).toEqual({ [soon.info.id]: false, [later.info.id]: true });
    expect((await h.ok('bob', 'listTokens')).tokens.find((token) => token.id === soon.info.id)?.status).toBe('expired');
  });
});

describe('stored tokens from before these fields', () => {
  it('read as having no allowlist, no page trees and no previous secret', () => {
    const stored = { ownerAccountId: 'alice', label: 'old', createdAt: 1, expiresAt: 2, revokedAt: 0, spaces: [], operations: ['read'], secretHash: { alg: 'sha256', salt: '', hash: '' }, hint: 'sst_…', version: 1 };
    expect(fromEntity('AAAAAAAAAAAA', stored as TokenEntity)).toMatchObject({ allowedIps: [], pages: [], previousSecret: null, revokedAt: null });
  });
});
