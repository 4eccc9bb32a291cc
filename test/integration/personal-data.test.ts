import { kvs } from '@forge/kvs';
import { chunks } from '../../src/adapters/kvs/limits';
import { QUOTA_ENTITY } from '../../src/adapters/kvs/schema';
import { CLOSED_ACCOUNT } from '../../src/core/personal-data';
import type { PrivacyRunReport } from '../../src/use-cases/report-personal-data';
import { advanceDays, Harness, SEED } from '../support/harness';

/**
 * Item 1 of issue 18: personal data, end to end. The daily job reports every stored account id to
 * Atlassian's reporting API (emulated as @forge/api calls it), erases what belongs to accounts answered
 * `closed`, acknowledges `updated` ones and keeps to the answer's Cycle-Period.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
const SCRIPT = { 'user-agent': 'release-bot/1.0', 'x-forwarded-for': '198.51.100.4' };

async function runJob(): Promise<PrivacyRunReport> {
  const run = await h.app.scheduledTrigger('report-personal-data');
  if (!run.ok || run.response.statusCode !== 200) throw new Error(`The privacy run failed: ${JSON.stringify(run)}`);
  return JSON.parse(run.response.body ?? '') as PrivacyRunReport;
}

const stored = (entityName: string) =>
  h.app.kvs.dump().filter((item) => item.entityName === entityName) as Array<{ key: string; value: Record<string, unknown> }>;

describe('a closed account', () => {
  it('loses its tokens (401), its quota record and, in its audit events, who and where; other people keep theirs', async () => {
    const alice1 = await h.issue('alice', ['DOCS'], ['read']);
    const alice2 = await h.issue('alice', ['DOCS', 'ENG'], ['read']);
    const bob = await h.issue('bob', ['ENG'], ['read']);
    for (const token of [alice1.token, alice2.token]) expect((await h.gateway({ path: PAGE, token, headers: SCRIPT })).status).toBe(200);
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${SEED.spaces.ENG.id}`, token: bob.token, headers: SCRIPT })).status).toBe(200);
    const before = stored('audit-event');
    const bobBefore = JSON.stringify([stored('token').filter((item) => item.key === bob.info.id), stored('audit-event').filter((item) => item.value.ownerAccountId === 'bob'), stored('token-quota').filter((item) => item.key === 'bob')]);

    h.app.platform.accounts.close('alice');
    const report = await runJob();
    expect(report).toMatchObject({ ran: true, accountsReported: 2, calls: 1, closed: 1, erased: 1, cycleComplete: true });
    expect(h.app.platform.accounts.reports[0].map((account) => account.accountId).sort()).toEqual(['alice', 'bob']);

    for (const token of [alice1.token, alice2.token]) {
      const answer = await h.gateway({ path: PAGE, token });
      expect(answer.status).toBe(401);
      expect(answer.json.errors[0].code).toBe('INVALID_TOKEN');
    }
    // Nothing stored names alice any more: tokens, grants and quota gone, audit events anonymised.
    expect(JSON.stringify(h.app.kvs.dump())).not.toContain('alice');
    const anonymised = stored('audit-event').filter((item) => item.value.ownerAccountId === CLOSED_ACCOUNT);
    expect(anonymised).toHaveLength(2);
    for (const event of anonymised) {
      const original = before.find((item) => item.key === event.key)!;
      expect(event.value).toEqual({ ...original.value, ownerAccountId: CLOSED_ACCOUNT, clientIp: CLOSED_ACCOUNT, userAgent: CLOSED_ACCOUNT });
    }
    // Bob's token, events and quota are exactly as they were, and his token still works.
    expect(JSON.stringify([stored('token').filter((item) => item.key === bob.info.id), stored('audit-event').filter((item) => item.value.ownerAccountId === 'bob'), stored('token-quota').filter((item) => item.key === 'bob')])).toBe(bobBefore);
    expect((await h.gateway({ path: `/wiki/api/v2/spaces/${SEED.spaces.ENG.id}`, token: bob.token })).status).toBe(200);
  });

  it('is reported again after 429 and 5xx answers, with backoff, and not again once erased', async () => {
    await h.issue('alice', ['DOCS'], ['read']);
    h.app.platform.accounts.close('alice');
    h.app.platform.accounts.failNext({ status: 429, retryAfter: 0 });
    h.app.platform.accounts.failNext({ status: 503, retryAfter: 0 });
    const report = await runJob();
    expect(report).toMatchObject({ calls: 3, retries: 2, closed: 1, erased: 1, cycleComplete: true });
    expect(stored('token')).toEqual([]);
    advanceDays(7);
    expect(await runJob()).toMatchObject({ ran: true, accountsReported: 0, calls: 0, closed: 0 });
  });

  it('can no longer be impersonated', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.platform.accounts.close('alice');
    const answer = await h.gateway({ path: PAGE, token });
    expect(answer.json.errors[0].code).toBe('IMPERSONATION_REFUSED');
  });
});

describe('updated accounts and the reporting cycle', () => {
  it('reports once per Cycle-Period, and acknowledges an updated profile so it is not reported as updated again', async () => {
    await h.issue('bob', ['ENG'], ['read']);
    h.app.platform.accounts.cyclePeriod = '14';
    expect(await runJob()).toMatchObject({ ran: true, accountsReported: 1, updated: 0, cycleComplete: true });
    const issuedAt = h.app.platform.accounts.reports[0][0].updatedAt;

    advanceDays(1);
    h.app.platform.accounts.update('bob');
    for (let day = 1; day < 14; day++) {
      expect(await runJob()).toMatchObject({ ran: false, calls: 0 });
      advanceDays(1);
    }
    expect(h.app.platform.accounts.reports).toHaveLength(1);

    // Day 14: the next cycle; bob's profile changed after the time reported, so the app hears `updated`.
    expect(await runJob()).toMatchObject({ ran: true, accountsReported: 1, updated: 1 });
    expect(h.app.platform.accounts.reports[1]).toEqual([{ accountId: 'bob', updatedAt: issuedAt }]);
    // The app keeps no copy of profile data (names are looked up when shown), so acknowledging is all there is.
    h.app.platform.accounts.cyclePeriod = null; // no Cycle-Period: Atlassian's default of 7 days
    advanceDays(14);
    expect(await runJob()).toMatchObject({ ran: true, accountsReported: 1, updated: 0 });
    expect(Date.parse(h.app.platform.accounts.reports[2][0].updatedAt)).toBeGreaterThan(Date.parse(issuedAt));
    advanceDays(6);
    expect(await runJob()).toMatchObject({ ran: false });
    advanceDays(1);
    expect(await runJob()).toMatchObject({ ran: true, accountsReported: 1 });
  });

  it('reports 90 accounts a call, one call at a time, every account once', async () => {
    const now = Date.now();
    const owners = Array.from({ length: 200 }, (_, i) => `owner-${String(i).padStart(3, '0')}`);
    for (const batch of chunks(owners)) {
      // Several owners share each millisecond, so a page boundary falls inside one.
      await kvs.batchSet(batch.map((key, i) => ({ key, entityName: QUOTA_ENTITY, value: { version: 1, counted: [], updatedAt: now - 1_000 + (i % 3) } })));
    }
    expect(await runJob()).toMatchObject({ accountsReported: 200, calls: 3, cycleComplete: true });
    const reports = h.app.platform.accounts.reports;
    expect(reports.map((call) => call.length)).toEqual([90, 90, 20]);
    expect(reports.flat().map((account) => account.accountId).sort()).toEqual(owners);
  });
});
