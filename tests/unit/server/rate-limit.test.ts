// The server's token bucket, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../server/rate-limit';

describe('the rate limiter', () => {
  it('allows a burst of the limit, then refills continuously, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0);
    now += 5_000;
    expect(limiter.take('a')).toBe(5);
    now += 5_000;
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
  });

  it('peeks without counting', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.peek('a')).toBe(60);
  });
});
