import { RecentMap } from './recent-map';

/**
 * Per-token request limit as token buckets: each token may burst up to its per-minute allowance, then
 * refills at that rate. A bucket keeps what was spent rather than what is left, so a new limit applies
 * at once to every bucket, up or down. State lives in memory (Forge has no shared memory), so the
 * limit holds per function instance; `maxTracked` bounds that memory whatever the number of tokens.
 */
interface Bucket {
  spent: number;
  at: number;
}

export class RequestLimiter {
  private readonly buckets: RecentMap<string, Bucket>;
  private perMinute: number;

  constructor(defaultPerMinute: number, maxTracked = 10_000) {
    this.perMinute = defaultPerMinute;
    this.buckets = new RecentMap(maxTracked);
  }

  /** The site policy's limit, as last read with a token: the check runs before that read. */
  configure(perMinute: number): void {
    this.perMinute = perMinute;
  }

  /** Takes one request from `key`'s allowance: undefined when allowed, else the seconds until one is. */
  take(key: string, now: number): number | undefined {
    const spent = this.spent(key, now);
    if (spent + 1 > this.perMinute) {
      this.buckets.set(key, { spent, at: now });
      return Math.max(1, Math.ceil(((spent + 1 - this.perMinute) * 60) / this.perMinute));
    }
    this.buckets.set(key, { spent: spent + 1, at: now });
    return undefined;
  }

  /** Gives back a request taken from `key` that turned out not to be `key`'s (a secret that failed). */
  give(key: string, now: number): void {
    this.buckets.set(key, { spent: Math.max(0, this.spent(key, now) - 1), at: now });
  }

  /** What `key` has spent at `now`, refills counted; a forgotten key (past the bound) starts full again. */
  private spent(key: string, now: number): number {
    const previous = this.buckets.get(key);
    return previous ? Math.max(0, previous.spent - (now - previous.at) * (this.perMinute / 60_000)) : 0;
  }
}
