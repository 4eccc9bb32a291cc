/**
 * Atlassian's side of personal data reporting: which accounts were closed or changed their profile,
 * and the reporting API `POST /app/report-accounts` as @forge/api reaches it (`__forge_fetch__` with
 * `{type: 'fpp', provider: 'app', remote: 'stargate'}`; see @forge/api/out/privacy). An answer lists the
 * reported accounts that are `closed` (erase) or `updated` (their profile changed after the reported
 * `updatedAt`: refresh), 200 with `{accounts}`, or 204 when there are none; it carries `Cycle-Period`
 * when one is set (the app then reports again after that many days; 7 when absent).
 */
export const REPORT_ACCOUNTS_PATH = '/app/report-accounts';
/** Accounts per call (@forge/api's LIMIT); more is a 400. */
export const REPORT_LIMIT = 90;

export interface ReportFault {
  status: number;
  retryAfter?: number;
  times?: number;
}

export class AccountDirectory {
  private readonly closed = new Set<string>();
  private readonly profileChangedAt = new Map<string, number>();
  private readonly faults: ReportFault[] = [];
  /** The `Cycle-Period` header of every answer (days); none when null. */
  cyclePeriod: string | null = null;
  /** Every report received: the account ids of each call, in order. */
  readonly reports: Array<Array<{ accountId: string; updatedAt: string }>> = [];

  constructor(private readonly clock: () => number) {}

  /** What happens when a person deletes their Atlassian account (or an admin closes a managed one). */
  close(accountId: string): void {
    this.closed.add(accountId);
  }

  /** What happens when a person changes their profile (name, email, picture). */
  update(accountId: string): void {
    this.profileChangedAt.set(accountId, this.clock());
  }

  isClosed(accountId: string): boolean {
    return this.closed.has(accountId);
  }

  /** Answers the next report call(s) with this status instead (429 with Retry-After, 500, 503). */
  failNext(fault: ReportFault): void {
    for (let i = 0; i < (fault.times ?? 1); i++) this.faults.push(fault);
  }

  answer(init: RequestInit | undefined): Response {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cyclePeriod !== null) headers['cycle-period'] = this.cyclePeriod;
    const fault = this.faults.shift();
    if (fault) {
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      return new Response(JSON.stringify({ message: 'Emulated failure' }), { status: fault.status, headers });
    }
    let accounts: unknown;
    try {
      accounts = (JSON.parse(typeof init?.body === 'string' ? init.body : '') as { accounts?: unknown }).accounts;
    } catch {
      accounts = undefined;
    }
    const valid = Array.isArray(accounts) && accounts.length <= REPORT_LIMIT && accounts.every(
      (account) => typeof account?.accountId === 'string' && typeof account?.updatedAt === 'string' && !Number.isNaN(Date.parse(account.updatedAt)),
    );
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST' || !valid) {
      return new Response(JSON.stringify({ message: `POST {accounts: [{accountId, updatedAt}]}, at most ${REPORT_LIMIT}` }), { status: 400, headers });
    }
    const reported = accounts as Array<{ accountId: string; updatedAt: string }>;
    this.reports.push(reported.map(({ accountId, updatedAt }) => ({ accountId, updatedAt })));
    const answers = reported.flatMap(({ accountId, updatedAt }) => {
      if (this.closed.has(accountId)) return [{ accountId, status: 'closed' }];
      const changed = this.profileChangedAt.get(accountId);
      return changed !== undefined && changed > Date.parse(updatedAt) ? [{ accountId, status: 'updated' }] : [];
    });
    if (answers.length === 0) return new Response(null, { status: 204, headers });
    return new Response(JSON.stringify({ accounts: answers }), { status: 200, headers });
  }
}
