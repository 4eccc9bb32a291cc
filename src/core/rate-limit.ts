/**
 * Per-token request limit as token buckets: each token may burst up to its per-minute allowance, then
 * refills at that rate. State lives in memory (Forge has no shared memory), so the limit holds per
 * function instance; `maxTracked` bounds that memory whatever the number of tokens seen.
 */
interface Bucket {
  tokens: number;
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
    const tokens = previous ? Math.min(this.perMinute, previous.tokens + (now - previous.at) * rate) : this.perMinute;
    if (tokens < 1) {
      this.remember(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
    }
    this.remember(key, { tokens: tokens - 1, at: now });
    return undefined;
  }

  /** Most recently used last; past the bound the least recently used is forgotten (it starts full again). */
  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxTracked) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
