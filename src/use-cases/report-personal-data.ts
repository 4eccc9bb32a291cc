import {
  backoffMs,
  cycleDays,
  cycleMs,
  isRetryable,
  REPORT_BATCH_SIZE,
  REPORT_RETRIES,
  type AccountUpdate,
  type ReportedAccount,
} from '../core/personal-data';
import type { AccountPosition, AccountReporter, KnownAccount, PersonalDataStore, PrivacyState } from '../ports/personal-data';

export interface PrivacyJobDeps {
  store: PersonalDataStore;
  reporter: AccountReporter;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds left of this run's time budget. */
  timeLeft: () => number;
}

/** What one run did; counts only, never account ids (they are personal data, and this goes to the log). */
export interface PrivacyRunReport {
  /** False when no cycle was due and no erasure was pending. */
  ran: boolean;
  accountsReported: number;
  calls: number;
  retries: number;
  closed: number;
  updated: number;
  /** Closed accounts whose data is all erased now. */
  erased: number;
  /** True when every stored account was reported in this cycle (the next is then scheduled). */
  cycleComplete: boolean;
  /** ISO 8601; when the next cycle is due. */
  nextCycleAt: string | null;
  /** Why the run stopped before the end of its cycle, if it did. */
  stopped?: string;
}

/** Keep this much of the budget for saving the state. */
const RESERVE_MS = 5_000;

class RanOut extends Error {}

function positionAfter(previous: AccountPosition | null, page: KnownAccount[]): AccountPosition | null {
  const last = page.at(-1);
  if (!last) return previous;
  const atLast = page.filter((account) => account.updatedAt === last.updatedAt).map((account) => account.accountId);
  const carried = previous && previous.updatedAt === last.updatedAt ? previous.ids : [];
  return { updatedAt: last.updatedAt, ids: [...carried, ...atLast] };
}

/**
 * The daily privacy job: finish erasing accounts answered `closed` earlier, then, when a cycle is due
 * (Atlassian's `Cycle-Period`, 7 days by default), report every stored account id with the time its
 * data last changed, 90 per call, one call at a time, retrying 429 and 5xx with backoff; erase what
 * belongs to `closed` accounts and acknowledge `updated` ones. A run that runs out of time saves where
 * it stands and the next run goes on. KVS cost: 1 read and 1 write for the state, one query per 90
 * accounts, and the erasure's reads and writes for each closed account.
 */
export async function reportPersonalData(deps: PrivacyJobDeps): Promise<PrivacyRunReport> {
  const { store, clock } = deps;
  const state: PrivacyState = structuredClone(await store.state());
  const report: PrivacyRunReport = {
    ran: false, accountsReported: 0, calls: 0, retries: 0, closed: 0, updated: 0, erased: 0, cycleComplete: false, nextCycleAt: null,
  };
  const hasTime = () => deps.timeLeft() > RESERVE_MS;
  const due = state.cycle !== null || clock() >= state.nextCycleAt;
  if (!due && state.closing.length === 0) {
    return { ...report, nextCycleAt: new Date(state.nextCycleAt).toISOString() };
  }
  report.ran = true;
  try {
    await eraseClosing(deps, state, report, hasTime);
    if (due) await runCycle(deps, state, report, hasTime);
  } catch (error) {
    if (!(error instanceof RanOut)) throw error;
    report.stopped = error.message;
  } finally {
    await store.saveState(state);
  }
  report.nextCycleAt = state.cycle ? null : new Date(state.nextCycleAt).toISOString();
  return report;
}

async function eraseClosing(deps: PrivacyJobDeps, state: PrivacyState, report: PrivacyRunReport, hasTime: () => boolean): Promise<void> {
  while (state.closing.length > 0) {
    if (!hasTime()) throw new RanOut('out of time while erasing closed accounts');
    const [accountId] = state.closing;
    if (!(await deps.store.eraseAccount(accountId, deps.clock(), hasTime))) throw new RanOut('out of time while erasing a closed account');
    state.closing.shift();
    report.erased += 1;
  }
}

async function runCycle(deps: PrivacyJobDeps, state: PrivacyState, report: PrivacyRunReport, hasTime: () => boolean): Promise<void> {
  const cycle = (state.cycle ??= { startedAt: deps.clock(), after: null });
  let days: number | undefined;
  for (;;) {
    if (!hasTime()) throw new RanOut('out of time while reporting');
    // Up to the cycle's start: an account written since (a new token, an acknowledged update) is the next cycle's.
    const page = await deps.store.accounts(cycle.after, cycle.startedAt, REPORT_BATCH_SIZE);
    if (page.length === 0) break;
    const answer = await reportWithRetries(deps, report, page.map(({ accountId, updatedAt }) => ({ accountId, updatedAt: new Date(updatedAt).toISOString() })));
    days = answer.days ?? days;
    report.accountsReported += page.length;
    for (const update of answer.accounts) {
      if (update.status === 'closed') {
        report.closed += 1;
        if (!state.closing.includes(update.accountId)) state.closing.push(update.accountId);
      } else if (update.status === 'updated') {
        report.updated += 1;
        // Stamped after the cycle's start, so it is not reported twice in this cycle.
        await deps.store.acknowledgeUpdate(update.accountId, Math.max(deps.clock(), cycle.startedAt + 1));
      }
    }
    cycle.after = positionAfter(cycle.after, page);
    await eraseClosing(deps, state, report, hasTime);
  }
  state.nextCycleAt = cycle.startedAt + cycleMs(days ?? cycleDays(null));
  state.cycle = null;
  report.cycleComplete = true;
}

/** One report call, tried again on 429 and 5xx after Retry-After or an exponential backoff. */
async function reportWithRetries(
  deps: PrivacyJobDeps,
  report: PrivacyRunReport,
  accounts: ReportedAccount[],
): Promise<{ accounts: AccountUpdate[]; days: number | undefined }> {
  for (let attempt = 0; ; attempt++) {
    report.calls += 1;
    const answer = await deps.reporter.report(accounts);
    if (answer.status === 200 || answer.status === 204) {
      return { accounts: answer.status === 200 ? answer.accounts : [], days: answer.cyclePeriod === null ? undefined : cycleDays(answer.cyclePeriod) };
    }
    if (!isRetryable(answer.status) || attempt >= REPORT_RETRIES) {
      throw new RanOut(`the reporting API answered ${answer.status}`);
    }
    const wait = backoffMs(attempt, answer.retryAfter);
    if (deps.timeLeft() - wait <= RESERVE_MS) throw new RanOut(`out of time waiting to retry after ${answer.status}`);
    report.retries += 1;
    await deps.sleep(wait);
  }
}
