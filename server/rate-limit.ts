// A token bucket per key (an analyst, or an address failing to authenticate): `perMinute`
// requests, refilled continuously, bursts up to the same.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    bucket.at = now;
    return bucket;
  }

  private wait(tokens: number): number {
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil(((1 - tokens) * 60) / this.perMinute));
  }

  /** 0 when the request may go ahead (and is counted), else the seconds to wait before retrying. */
  take(key: string): number {
    const bucket = this.refilled(key);
    const wait = this.wait(bucket.tokens);
    if (wait === 0) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return wait;
  }

  /** What take would answer, without counting a request. Full buckets are forgotten, so the map holds only recent callers. */
  peek(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= this.perMinute) this.buckets.delete(key);
    else this.buckets.set(key, bucket);
    return this.wait(bucket.tokens);
  }
}
