import { KvsFoldStore } from '../../src/adapters/kvs/fold-store';
import { usageCell } from '../../src/core/usage-folder';
import { spaceActivityCell, spaceTokenActivityCell, tokenActivityCell, type DailyCounts } from '../../src/core/activity-folder';
import { FOLD_LIMITS, FOLDERS, foldEvents, type FoldLimits, type RunClock } from '../../src/use-cases/fold-events';
import { advanceSeconds, DOCS, Harness } from '../support/harness';
import { readEvent, storeAuditEvents } from '../support/seed-audit';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const SETTLE_S = FOLD_LIMITS.settleMs / 1000;

/** One run of the fold with other bounds, inside an invocation of the scheduled trigger's function. */
const FOLD_INVOCATION = { moduleKey: 'fold-audit-events', moduleType: 'scheduledTrigger', functionKey: 'fold-fn', timeoutMs: 900_000 };

function foldWith(limits: Partial<FoldLimits>, clock?: RunClock) {
  return h.app.platform.run(FOLD_INVOCATION, () => foldEvents(new KvsFoldStore(), FOLDERS, Date.now(), { ...FOLD_LIMITS, ...limits }, clock));
}

function readCells(names: string[]) {
  return h.app.platform.run(FOLD_INVOCATION, () => new KvsFoldStore().cells(names));
}

const dayTotal = (counts: DailyCounts | undefined) => Object.values(counts?.days ?? {}).reduce((sum, day) => sum + day.reduce((a, b) => a + b, 0), 0);

/** What the folded cells of these tokens (all in DOCS) hold: how many exist, and each total. */
async function cellTotals(tokenIds: string[]) {
  const names = [
    ...tokenIds.map(usageCell),
    ...tokenIds.map(tokenActivityCell),
    spaceActivityCell(DOCS.id),
    ...tokenIds.map((id) => spaceTokenActivityCell(DOCS.id, id)),
  ];
  const cells = await readCells(names);
  return {
    written: cells.size,
    usage: tokenIds.map((id) => (cells.get(usageCell(id)) as { count: number } | undefined)?.count ?? 0),
    sparklines: tokenIds.map((id) => dayTotal(cells.get(tokenActivityCell(id)) as DailyCounts | undefined)),
    space: dayTotal(cells.get(spaceActivityCell(DOCS.id)) as DailyCounts | undefined),
    spaceByToken: tokenIds.map((id) => dayTotal(cells.get(spaceTokenActivityCell(DOCS.id, id)) as DailyCounts | undefined)),
  };
}

async function usageOf(accountId: string): Promise<Record<string, number>> {
  const { tokens } = await h.ok(accountId, 'listTokens');
  return Object.fromEntries(tokens.map((token) => [token.label, token.usageCount]));
}

async function issueLabelled(accountId: string, label: string) {
  return h.ok(accountId, 'createToken', { label, spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
}

/** More tokens than the default per-user limit allows, one after another. */
async function issueMany(accountId: string, count: number) {
  const { policy } = await h.ok('siteadmin', 'getPolicy');
  await h.ok('siteadmin', 'setPolicy', { ...policy, maxTokensPerUser: count });
  const tokens = [];
  for (let i = 0; i < count; i++) tokens.push(await issueLabelled(accountId, `t${i}`));
  return tokens;
}

describe('the background fold', () => {
  it('counts each settled request once, however often it runs, and every list says how fresh the counts are', async () => {
    const { token, info } = await issueLabelled('alice', 'export');
    for (let i = 0; i < 3; i++) await h.gateway({ path: '/self', token });
    const usedAt = new Date(Date.now()).toISOString();

    advanceSeconds(1);
    expect(await h.fold()).toMatchObject({ eventsFolded: 0, caughtUp: true });
    expect(await usageOf('alice')).toEqual({ export: 0 });

    advanceSeconds(SETTLE_S);
    expect(await h.fold()).toMatchObject({ eventsFolded: 3, caughtUp: true, superseded: false });
    expect(await h.fold()).toMatchObject({ eventsFolded: 0, caughtUp: true });
    const asOf = new Date(Date.now() - FOLD_LIMITS.settleMs).toISOString();
    const own = await h.ok('alice', 'listTokens');
    expect(own.tokens[0]).toMatchObject({ id: info.id, usageCount: 3, lastUsedAt: usedAt });
    expect(own.usageAsOf).toBe(asOf);
    const space = await h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' });
    expect([space.tokens[0].usageCount, space.usageAsOf]).toEqual([3, asOf]);
    const all = await h.ok('siteadmin', 'listAllTokens', {});
    expect([all.items[0].usageCount, all.usageAsOf]).toEqual([3, asOf]);

    await h.gateway({ path: '/self', token });
    advanceSeconds(SETTLE_S + 1);
    await h.fold();
    expect(await usageOf('alice')).toEqual({ export: 4 });
  });

  it('works through a backlog a bounded batch per run, resuming where the last run stopped', async () => {
    const tokens = await Promise.all(['a', 'b', 'c'].map((label) => issueLabelled('alice', label)));
    const start = Date.now();
    await storeAuditEvents(
      Array.from({ length: 250 }, (_, i) => readEvent({ id: tokens[i % 3].info.id, ownerAccountId: 'alice' }, start + i, DOCS)),
    );
    advanceSeconds(SETTLE_S + 1);

    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await foldWith({ maxPages: 1, pageSize: 100 }));
    expect(runs.map((report) => [report.pages, report.eventsFolded, report.caughtUp])).toEqual([
      [1, 100, false],
      // The page starts at the last folded event, which is read again and skipped.
      [1, 99, false],
      [1, 51, true],
      // Nothing has settled since the last run.
      [0, 0, true],
    ]);
    expect(await usageOf('alice')).toEqual({ a: 84, b: 83, c: 83 });
  });

  it('resumes between requests made in the same millisecond without counting any twice', async () => {
    // The test clock stands still: every request below is stamped with the same millisecond.
    const tokens = await issueMany('alice', 30);
    for (const { token } of tokens) await h.gateway({ path: '/self', token });
    advanceSeconds(SETTLE_S + 1);

    // Windows of 10 requests end inside the shared millisecond; each run stops after its first transaction.
    const limits = { maxWrites: 1, maxWindowEvents: 10 };
    const reports = [await foldWith(limits)];
    while (!reports[reports.length - 1].caughtUp && reports.length < 30) reports.push(await foldWith(limits));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports.map((report) => report.caughtUp)).toEqual([...Array(reports.length - 1).fill(false), true]);
    expect(reports.reduce((sum, report) => sum + report.eventsFolded, 0)).toBe(30);
    expect(Object.values(await usageOf('alice'))).toEqual(Array(30).fill(1));
  });

  it('loses and doubles nothing when a run dies between two transactions of a window', async () => {
    const tokens = await issueMany('alice', 30);
    const start = Date.now();
    await storeAuditEvents(tokens.map((token, i) => readEvent({ id: token.info.id, ownerAccountId: 'alice' }, start + i, DOCS)));
    advanceSeconds(SETTLE_S + 1);

    // 30 tokens touch 91 cells: one window of four transactions (24 cells each at most); the function dies at the second.
    const handle = h.app.kvs.handle.bind(h.app.kvs);
    let transactions = 0;
    h.app.kvs.handle = (path, body) => {
      if (path === '/api/v1/transaction' && ++transactions === 2) throw new Error('the function timed out');
      return handle(path, body);
    };
    await expect(h.fold()).rejects.toThrow(/fold run failed/);
    h.app.kvs.handle = handle;
    const halfWay = await cellTotals(tokens.map((token) => token.info.id));
    expect(halfWay.written).toBe(24);

    // The next run reads the same window again and writes the cells not yet done.
    expect(await h.fold()).toMatchObject({ eventsFolded: 30, windows: 1, transactions: 3, caughtUp: true });
    const after = await cellTotals(tokens.map((token) => token.info.id));
    expect(after).toEqual({ written: 91, usage: Array(30).fill(1), sparklines: Array(30).fill(1), space: 30, spaceByToken: Array(30).fill(1) });
    expect(Object.values(await usageOf('alice'))).toEqual(Array(30).fill(1));
  });

  it('writes each cell once per window, however the events of tokens and spaces interleave', async () => {
    // 5 tokens × 4 spaces, every request next to one of another token and space: 5 + 4 + 20 + 5 = 34 cells.
    const spaces = Array.from({ length: 4 }, (_, i) => ({ id: `90${i}`, key: `S${i}` }));
    const owners = Array.from({ length: 5 }, (_, i) => ({ id: `tok${i}`, ownerAccountId: 'alice' }));
    const start = Date.now();
    await storeAuditEvents(Array.from({ length: 400 }, (_, i) => readEvent(owners[i % 5], start + i, spaces[i % 4])));
    advanceSeconds(SETTLE_S + 1);

    const report = await h.fold();
    // Two transactions (24 + 10 cells), each with the state: the writes follow the cells, not the requests.
    expect(report).toMatchObject({ eventsFolded: 400, windows: 1, transactions: 2, writes: 36, caughtUp: true });
    const cells = await readCells(spaces.map((space) => spaceActivityCell(space.id)));
    expect([...cells.values()].map((counts) => dayTotal(counts as DailyCounts))).toEqual([100, 100, 100, 100]);
  });

  it("stops starting windows when the function's time runs short, and the next run goes on", async () => {
    const owners = Array.from({ length: 3 }, (_, i) => ({ id: `tok${i}`, ownerAccountId: 'alice' }));
    const start = Date.now();
    await storeAuditEvents(Array.from({ length: 120 }, (_, i) => readEvent(owners[i % 3], start + i, DOCS)));
    advanceSeconds(SETTLE_S + 1);

    // The function has 80 s left, then 10 s less at each look: one window starts above the 60 s reserve.
    let left = 90_000;
    const shortOfTime = { now: () => Date.now(), remainingMs: () => (left -= 10_000) };
    const first = await foldWith({ maxWindowEvents: 30 }, shortOfTime);
    expect(first).toMatchObject({ windows: 1, eventsFolded: 30, caughtUp: false });

    // Four minutes after it started, a run starts nothing more, however much time the function has left.
    let clock = Date.now();
    const slow = { now: () => (clock += 50_000), remainingMs: () => 900_000 };
    expect(await foldWith({ maxWindowEvents: 30 }, slow)).toMatchObject({ windows: 2, eventsFolded: 60, caughtUp: false });
    expect(await foldWith({ maxWindowEvents: 30 })).toMatchObject({ windows: 1, eventsFolded: 30, caughtUp: true });
  });

  it('writes nothing from a run that another run overtook', async () => {
    const { token, info } = await issueLabelled('alice', 'export');
    await h.gateway({ path: '/self', token });
    advanceSeconds(SETTLE_S + 1);
    const store = new KvsFoldStore();
    const info2 = FOLD_INVOCATION;
    const stale = await h.app.platform.run(info2, () => store.state());
    await h.fold();

    const late = { seq: stale.seq + 1, position: { at: Date.now(), ids: [] } };
    const change = { cell: usageCell(info.id), value: { count: 99, lastUsedAt: 0 }, ttlDays: 1 };
    expect(await h.app.platform.run(info2, () => store.commit(stale, late, [change]))).toBe(false);
    expect(await usageOf('alice')).toEqual({ export: 1 });
  });

  it('lets concurrent runs fold each request exactly once', async () => {
    const tokens = await issueMany('alice', 30);
    for (const token of tokens) await h.gateway({ path: '/self', token: token.token });
    advanceSeconds(SETTLE_S + 1);
    const reports = await Promise.all([h.fold(), h.fold(), h.fold()]);
    expect(reports.reduce((sum, report) => sum + report.eventsFolded, 0)).toBe(30);
    expect(Object.values(await usageOf('alice'))).toEqual(Array(30).fill(1));
  });
});

describe('token lists', () => {
  it('cost at most 3 storage requests per page of tokens, however many events are unfolded', async () => {
    const tokens = await Promise.all(['a', 'b'].map((label) => issueLabelled('alice', label)));
    const start = Date.now();
    await storeAuditEvents(
      Array.from({ length: 5_000 }, (_, i) => readEvent({ id: tokens[i % 2].info.id, ownerAccountId: 'alice' }, start + i, DOCS)),
    );
    advanceSeconds(3600);
    const costOf = async (list: () => Promise<unknown>) => {
      h.app.kvs.resetCounters();
      await list();
      const { readRequests, writeRequests } = h.app.kvs.counters();
      return readRequests + writeRequests;
    };
    const lists = {
      own: () => h.ok('alice', 'listTokens'),
      space: () => h.ok('alice', 'listSpaceTokens', { spaceKey: 'DOCS' }),
      all: () => h.ok('siteadmin', 'listAllTokens', {}),
    };
    for (const [name, list] of Object.entries(lists)) expect([name, await costOf(list)]).toEqual([name, name === 'all' ? 2 : 3]); // own: + the audit query for what is not counted yet
  });
});
