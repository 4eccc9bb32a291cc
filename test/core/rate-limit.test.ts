import { RequestLimiter } from '../../src/core/rate-limit';

describe('per-token request limiter', () => {
  it('allows a burst of the per-minute allowance, then one request per refill interval, per token', () => {
    const limiter = new RequestLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('a', 0)).toBeUndefined();
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBeUndefined();
    expect(limiter.take('a', 999)).toBe(1);
    expect(limiter.take('a', 1_000)).toBeUndefined();
    expect(limiter.take('a', 1_000)).toBe(1);
  });

  it('applies a new limit at once to what each token has spent', () => {
    const limiter = new RequestLimiter(300);
    for (let i = 0; i < 100; i++) limiter.take('a', 0);
    limiter.configure(60);
    expect(limiter.take('a', 0)).toBe(41); // 100 spent, 60 allowed: 41 s until one more is
    limiter.configure(10_000);
    expect(limiter.take('a', 0)).toBeUndefined();
  });

  it('forgets the least recently used token past its bound', () => {
    const limiter = new RequestLimiter(1, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.take('a', 0)).toBeUndefined(); // forgotten: full again
    expect(limiter.take('c', 0)).toBe(60);
  });
});
