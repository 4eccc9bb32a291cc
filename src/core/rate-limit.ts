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
  private readonly buckets = new Map<string, Bucket>();
  private perMinute: number;

  constructor(
    defaultPerMinute: number,
    private readonly maxTracked = 10_000,
  ) {
    this.perMinute = defaultPerMinute;
  }

  /** The site policy's limit, as last read with a token: the check runs before that read. */
  configure(perMinute: number): void {
    this.perMinute = perMinute;
  }

  /** Takes one request from `key`'s allowance: undefined when allowed, else the seconds until one is. */
  take(key: string, now: number): number | undefined {
    const rate = this.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const spent = previous ? Math.max(0, previous.spent - (now - previous.at) * rate) : 0;
    if (spent + 1 > this.perMinute) {
      this.remember(key, { spent, at: now });
      return Math.max(1, Math.ceil((spent + 1 - this.perMinute) / rate / 1000));
    }
    this.remember(key, { spent: spent + 1, at: now });
    return undefined;
  }

  /** Most recently used last; past the bound the least recently used is forgotten (it starts full again). */
  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxTracked) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
