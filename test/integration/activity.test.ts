import { DAY_MS } from '../../src/core/clock';
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';
import type { AuditRecord } from '../../src/core/audit';
import { advanceSeconds, DOCS, ENG, Harness } from '../support/harness';
import { readEvent, storeAuditEvents } from '../support/seed-audit';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Lets every event settle, then folds them all. */
async function foldEverything() {
  advanceSeconds(FOLD_LIMITS.settleMs / 1000 + 1);
  expect(await h.fold()).toMatchObject({ caughtUp: true });
}

const refused = (event: AuditRecord): AuditRecord => ({ ...event, outcome: 'denied', status: 403, code: 'SPACE_NOT_GRANTED', spaceKey: null });
const failed = (event: AuditRecord): AuditRecord => ({ ...event, outcome: 'failed', status: 502, code: 'UPSTREAM_ERROR' });

/** The days with requests, as `date: ok/denied/failed`. */
const busyDays = (days: Array<{ date: string; ok: number; denied: number; failed: number }>) =>
  days.filter((day) => day.ok + day.denied + day.failed > 0).map((day) => `${day.date}: ${day.ok}/${day.denied}/${day.failed}`);

/** The KVS requests `run` makes. */
async function kvsRequests(run: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  const handle = h.app.kvs.handle.bind(h.app.kvs);
  h.app.kvs.handle = (path, body) => {
    paths.push(path);
    return handle(path, body);
  };
  try {
    await run();
  } finally {
    h.app.kvs.handle = handle;
  }
  return paths;
}

describe('the space activity chart', () => {
  it('counts a space’s requests per UTC day and outcome over the last 30 days, for every token or one', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    const bobs = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    const now = Date.now();
    const alice = { id: alices.info.id, ownerAccountId: 'alice' };
    const bob = { id: bobs.info.id, ownerAccountId: 'bob' };
    await storeAuditEvents([
      readEvent(alice, now - 40 * DAY_MS, DOCS), // before the window
      readEvent(alice, now - 29 * DAY_MS, DOCS), // its first day
      readEvent(bob, now - 3 * DAY_MS, DOCS),
      refused(readEvent(bob, now - 3 * DAY_MS + 1, DOCS)),
      failed(readEvent(alice, now - 3 * DAY_MS + 2, DOCS)),
      readEvent(bob, now - 3 * DAY_MS + 3, ENG), // another space
    ]);
    // And one request today, through the gateway.
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token: bobs.token })).status).toBe(200);
    await foldEverything();

    const all = await h.ok('alice', 'getSpaceActivity', { spaceKey: 'DOCS' });
    expect(all.days).toHaveLength(30);
    expect([all.days[0].date, all.days[29].date]).toEqual([utcDay(Date.now() - 29 * DAY_MS), utcDay(Date.now())]);
    expect(busyDays(all.days)).toEqual([`${utcDay(now - 29 * DAY_MS)}: 1/0/0`, `${utcDay(now - 3 * DAY_MS)}: 1/1/1`, `${utcDay(now)}: 1/0/0`]);
    expect(all.asOf).toBe(new Date(Date.now() - FOLD_LIMITS.settleMs).toISOString());

    const bobsOnly = await h.ok('alice', 'getSpaceActivity', { spaceKey: 'DOCS', tokenId: bob.id });
    expect(busyDays(bobsOnly.days)).toEqual([`${utcDay(now - 3 * DAY_MS)}: 1/1/0`, `${utcDay(now)}: 1/0/0`]);
    const eng = await h.ok('bob', 'getSpaceActivity', { spaceKey: 'ENG' });
    expect(busyDays(eng.days)).toEqual([`${utcDay(now - 3 * DAY_MS)}: 1/0/0`]);
  });

  it('shows no requests before the first fold, and says so', async () => {
    const answer = await h.ok('alice', 'getSpaceActivity', { spaceKey: 'DOCS' });
    expect(busyDays(answer.days)).toEqual([]);
    expect(answer.asOf).toBeNull();
  });

  it('costs two storage requests, however much traffic the space had: the folded counts, and the requests after them', async () => {
    const tokens = await Promise.all(Array.from({ length: 3 }, () => h.issue('bob', ['DOCS'], ['read'])));
    const now = Date.now();
    await storeAuditEvents(Array.from({ length: 600 }, (_, i) => readEvent({ id: tokens[i % 3].info.id, ownerAccountId: 'bob' }, now - (i % 30) * DAY_MS + i, DOCS)));
    await foldEverything();
    for (const payload of [{ spaceKey: 'DOCS' }, { spaceKey: 'DOCS', tokenId: tokens[0].info.id }]) {
      let answer: Awaited<ReturnType<typeof h.ok<'getSpaceActivity'>>> | undefined;
      const requests = await kvsRequests(async () => {
        answer = await h.ok('alice', 'getSpaceActivity', payload);
      });
      expect(requests).toEqual(['/api/v1/batch/get', '/api/v1/entity/query']);
      expect(answer!.days.reduce((sum, day) => sum + day.ok, 0)).toBe(payload.tokenId ? 200 : 600);
      expect(answer!.uncounted).toEqual({ count: 0, more: false, byToken: {} });
    }
  });

  it('is for the space’s admins only, and checks what it is given', async () => {
    expect(await h.invoke('bob', 'getSpaceActivity', { spaceKey: 'DOCS' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await h.invoke('alice', 'getSpaceActivity', { spaceKey: 'DOCS', tokenId: '../x' })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await h.invoke('alice', 'getSpaceActivity', { spaceKey: 'NOPE' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('requests not counted yet', () => {
  it('are counted from the audit log past the fold, for the owner’s list and the space chart, rotations aside', async () => {
    const reader = await h.issue('alice', ['DOCS'], ['read']);
    for (let i = 0; i < 3; i++) await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token: reader.token });
    await h.ok('alice', 'rotateToken', { id: reader.info.id, graceHours: 1 });
    const listed = await h.ok('alice', 'listTokens');
    expect(listed.tokens[0]).toMatchObject({ usageCount: 0, lastUsedAt: null });
    expect(listed.uncounted).toEqual({ count: 3, more: false, byToken: { [reader.info.id]: 3 } });
    expect((await h.ok('alice', 'getSpaceActivity', { spaceKey: 'DOCS' })).uncounted).toEqual({ count: 3, more: false, byToken: { [reader.info.id]: 3 } });

    await foldEverything();
    expect((await h.ok('alice', 'listTokens')).uncounted).toEqual({ count: 0, more: false, byToken: {} });
    // Past one audit page, the count is a floor.
    await storeAuditEvents(Array.from({ length: 101 }, (_, i) => readEvent({ id: reader.info.id, ownerAccountId: 'alice' }, Date.now() + i, DOCS)));
    expect((await h.ok('alice', 'getSpaceActivity', { spaceKey: 'DOCS' })).uncounted).toMatchObject({ count: 100, more: true });
  });
});

describe('token sparklines', () => {
  it('give owners their own tokens’ requests per day in every space, and nobody else’s', async () => {
    const alices = await h.issue('alice', ['DOCS'], ['read']);
    const bobs = await h.issue('bob', ['DOCS', 'ENG'], ['read']);
    await h.gateway({ path: '/self', token: alices.token });
    await h.gateway({ path: `/wiki/api/v2/spaces/${ENG.id}/pages`, token: alices.token }); // refused: not its space
    await h.gateway({ path: `/wiki/api/v2/spaces/${DOCS.id}/pages`, token: bobs.token });
    await foldEverything();

    const today = utcDay(Date.now());
    const own = await h.ok('alice', 'listTokenActivity', { tokenIds: [alices.info.id, bobs.info.id] });
    expect(busyDays(own.activity[alices.info.id])).toEqual([`${today}: 1/1/0`]);
    // Bob's token reads as one without requests, whether it exists or not.
    expect(busyDays(own.activity[bobs.info.id])).toEqual([]);
    expect(busyDays((await h.ok('bob', 'listTokenActivity', { tokenIds: [bobs.info.id] })).activity[bobs.info.id])).toEqual([`${today}: 1/0/0`]);
    expect(await h.invoke('alice', 'listTokenActivity', { tokenIds: 'all' } as never)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
