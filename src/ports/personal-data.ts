import type { AccountUpdate, ReportedAccount } from '../core/personal-data';

/** An account the app holds data about, and when that data last changed (epoch ms). */
export interface KnownAccount {
  accountId: string;
  updatedAt: number;
}

/** Where a reporting cycle stands: every account up to this `updatedAt`, and these at it, is reported. */
export interface AccountPosition {
  updatedAt: number;
  ids: string[];
}

export interface PrivacyState {
  /** When the next reporting cycle is due (epoch ms); 0 before the first. */
  nextCycleAt: number;
  /** The cycle in progress, resumed by the next run when one ran out of time. */
  cycle: { startedAt: number; after: AccountPosition | null } | null;
  /** Accounts answered `closed` whose data is not all erased yet (a run ran out of time). */
  closing: string[];
}

export const NO_PRIVACY_STATE: PrivacyState = { nextCycleAt: 0, cycle: null, closing: [] };

/** The app's storage as the reporting job sees it. */
export interface PersonalDataStore {
  state(): Promise<PrivacyState>;
  saveState(state: PrivacyState): Promise<void>;
  /**
   * Accounts in `updatedAt` order from `after` on (those at `after.updatedAt` listed in it excluded) up to
   * `until` included, at most `limit`.
   */
  accounts(after: AccountPosition | null, until: number, limit: number): Promise<KnownAccount[]>;
  /**
   * Erases a closed account: its tokens and their grants deleted, its audit events (and those of its
   * tokens) anonymised, its quota record deleted last. Stops early, answering false, once `hasTime` does;
   * doing it again finishes the job.
   */
  eraseAccount(accountId: string, now: number, hasTime: () => boolean): Promise<boolean>;
  /** The account's data is current as of `now` (the app keeps no copy of profile data to refresh). */
  acknowledgeUpdate(accountId: string, now: number): Promise<void>;
}

/** One call of Atlassian's personal data reporting API, as answered. */
export interface ReportAnswer {
  status: number;
  /** On 200: the accounts to erase or refresh. */
  accounts: AccountUpdate[];
  cyclePeriod: string | null;
  retryAfter: string | null;
}

export interface AccountReporter {
  report(accounts: ReportedAccount[]): Promise<ReportAnswer>;
}
