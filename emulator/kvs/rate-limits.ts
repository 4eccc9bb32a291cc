import { KvsError, KvsErrorCode } from './errors';

/**
 * Forge KVS's per-installation budget: 4,000 reads and 4,000 writes per minute, each request counted
 * in 10 KB units (10 KB or less is 1; 65 KB is 7). Past it, Forge answers 429 RATE_LIMIT_EXCEEDED.
 */
export interface KvsRateLimits {
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
}

export const FORGE_KVS_RATE_LIMITS: KvsRateLimits = { readUnitsPerMinute: 4_000, writeUnitsPerMinute: 4_000 };

const UNIT_BYTES = 10 * 1024;
const MINUTE_MS = 60_000;

export const unitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / UNIT_BYTES));

/**
 * Fixed one-minute windows on the engine's clock (Forge does not publish its window; a fixed one is
 * the strictest reading at a window's start and the most lenient across a boundary). A request is
 * refused when the budget it needs is already spent; its own units are charged after it runs, since
 * a read's size is known only then.
 */
export class RateLimitWindow {
  private windowStart = -1;
  private reads = 0;
  private writes = 0;

  constructor(
    private readonly limits: KvsRateLimits,
    private readonly now: () => number,
  ) {}

  admit(kind: { reads: boolean; writes: boolean }): void {
    this.roll();
    const spent = (kind.reads && this.reads >= this.limits.readUnitsPerMinute) || (kind.writes && this.writes >= this.limits.writeUnitsPerMinute);
    if (spent) {
      const retryAfter = Math.ceil((this.windowStart + MINUTE_MS - this.now()) / 1000);
      throw new KvsError(KvsErrorCode.RATE_LIMIT_EXCEEDED, 'Rate limit exceeded', { retryAfterSeconds: retryAfter });
    }
  }

  charge(readBytes: number, writtenBytes: number, kind: { reads: boolean; writes: boolean }): void {
    this.roll();
    if (kind.reads) this.reads += unitsOf(readBytes);
    if (kind.writes) this.writes += unitsOf(writtenBytes);
  }

  private roll(): void {
    const start = Math.floor(this.now() / MINUTE_MS) * MINUTE_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.reads = 0;
      this.writes = 0;
    }
  }
}
