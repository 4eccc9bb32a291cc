import type { AuditEvent } from '../../src/contract/resolvers';
import { DOCS, Harness, SEED, type GatewayAnswer } from '../support/harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every event of one token, as its owner pages through them. */
async function auditOf(owner: string, tokenId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await h.ok(owner, 'listAudit', { tokenId, limit: 100, ...(cursor && { cursor }) });
    events.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return events;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

it('records exactly one audit event for each of 500 concurrent requests over 20 tokens', async () => {
  const owners = ['alice', 'bob'];
  const tokens = await Promise.all(
    Array.from({ length: 20 }, (_, i) => h.issue(owners[i % 2], ['DOCS'], ['read', 'create', 'update'])),
  );
  const page = SEED.pages.releaseNotes;
  // Reads, writes, a contended update (one wins, the rest get Confluence's 409), denials and refusals.
  const requests = Array.from({ length: 500 }, (_, i) => {
    const { token } = tokens[i % tokens.length];
    switch (i % 6) {
      case 0:
        return h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
      case 1:
        return h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: { spaceId: DOCS.id, status: 'current', title: `Concurrent ${i}`, body: { representation: 'storage', value: '<p/>' } } });
      case 2:
        return h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${page.id}`, token, body: { id: page.id, status: 'current', title: page.title, body: { representation: 'storage', value: `<p>${i}</p>` }, version: { number: 2 } } });
      case 3:
        return h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}`, token });
      case 4:
        return h.gateway({ method: 'DELETE', path: `/wiki/api/v2/pages/${page.id}`, token });
      default:
        return h.gateway({ path: '/self', token });
    }
  });
  const answers: GatewayAnswer[] = await Promise.all(requests);
  expect(answers.filter((answer, i) => i % 6 === 2 && answer.status === 200)).toHaveLength(1);

  for (const [index, { info }] of tokens.entries()) {
    const sent = answers.filter((_, i) => i % tokens.length === index);
    const events = await auditOf(info.ownerAccountId, info.id);
    expect(events).toHaveLength(sent.length);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(sorted(events.map((event) => event.status))).toEqual(sorted(sent.map((answer) => answer.status)));
  }
  const stored = h.app.kvs.dump().filter((item) => item.entityName === 'audit-event');
  expect(stored).toHaveLength(500);
});

describe('revocation takes effect for every request that starts after it returns', () => {
  it.each([
    ['the owner revokes it', 'bob', 'revokeToken'],
    ['a site admin revokes it', 'siteadmin', 'adminRevokeToken'],
    ['the space admin cuts off its only space', 'alice', 'revokeSpaceAccess'],
  ] as const)('%s', async (_name, admin, resolver) => {
    const { token, info } = await h.issue('bob', ['DOCS'], ['read']);
    const path = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
    const started: Array<Promise<{ afterRevocation: boolean; status: number }>> = [];
    let revoked = false;
    const launch = () => {
      const afterRevocation = revoked;
      started.push(h.gateway({ path, token }).then((answer) => ({ afterRevocation, status: answer.status })));
    };

    for (let i = 0; i < 50; i++) {
      launch();
      await nextTick();
    }
    const payload = resolver === 'revokeSpaceAccess' ? { spaceKey: 'DOCS', tokenId: info.id } : { id: info.id };
    let settled = false;
    const revocation = h.ok(admin, resolver, payload as never).finally(() => {
      settled = true;
    });
    // Requests keep arriving while the revocation is in flight, and after it has returned.
    while (!settled) {
      launch();
      await nextTick();
    }
    await revocation;
    revoked = true;
    for (let i = 0; i < 50; i++) {
      launch();
      await nextTick();
    }

    const outcomes = await Promise.all(started);
    const before = outcomes.filter((outcome) => !outcome.afterRevocation);
    const after = outcomes.filter((outcome) => outcome.afterRevocation);
    expect(before.some((outcome) => outcome.status === 200)).toBe(true);
    expect(before.every((outcome) => outcome.status === 200 || outcome.status === 401)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(50);
    expect(after.map((outcome) => outcome.status)).toEqual(after.map(() => 401));
  });
});
