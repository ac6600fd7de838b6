// When team sync runs: one run at a time; in the background every minute while the library is
// in a team and automatic sync is on, and a few seconds after an edit; after a failure, again
// after 5 s, doubling to at most 5 min; never while the store is read-only (it waits, checking
// each period). Manual runs (Sync Now, Connect) queue behind a running one.

export interface SchedulerTimings {
  periodMs: number;
  afterEditMs: number;
  backoffStartMs: number;
  backoffMaxMs: number;
}

export const defaultTimings: SchedulerTimings = { periodMs: 60_000, afterEditMs: 3_000, backoffStartMs: 5_000, backoffMaxMs: 300_000 };

export interface SchedulerHooks {
  /** Whether background runs may start now (in a team, automatic, the store writable). */
  mayRunInBackground(): boolean;
  /** Runs one background sync; throws when it fails. */
  backgroundRun(signal: AbortSignal): Promise<unknown>;
  /** A background run failed (a manual run's caller gets its error itself). */
  onBackgroundError(error: unknown): void;
}

/** The delay before retry n (1-based) after failures: 5 s, 10 s, 20 s… up to the maximum. */
export function backoffDelay(failures: number, timings: SchedulerTimings): number {
  return Math.min(timings.backoffMaxMs, timings.backoffStartMs * 2 ** Math.max(0, failures - 1));
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private current: { done: Promise<unknown>; controller: AbortController } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private stopped = true;
  /** An edit came while a run was going: sync again soon after it. */
  private editedDuringRun = false;

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly timings: SchedulerTimings = defaultTimings,
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Consecutive failed runs (0 after a success). */
  get failureCount(): number {
    return this.failures;
  }

  start(): void {
    this.stopped = false;
    this.planIn(this.timings.periodMs);
  }

  /** Stops planning runs and cancels the running one. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.cancel();
  }

  /** Something in the store changed: sync soon, unless a retry after a failure is already planned. */
  noteEdit(): void {
    if (this.stopped || this.failures > 0) return;
    if (this.current) this.editedDuringRun = true;
    else this.planIn(this.timings.afterEditMs, true);
  }

  /** The team state changed (joined, left, automatic switched): plan from now. */
  replan(): void {
    if (!this.stopped) this.planIn(this.failures > 0 ? backoffDelay(this.failures, this.timings) : this.timings.periodMs);
  }

  /** Cancels the running run, if any; returns whether there was one. */
  cancel(): boolean {
    if (!this.current || this.current.controller.signal.aborted) return false;
    this.current.controller.abort();
    return true;
  }

  /** Runs task after any running one; its success resets the backoff, its failure counts (unless cancelled). */
  runExclusive<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.execute(task));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async execute<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.clearTimer();
    const controller = new AbortController();
    const done = task(controller.signal);
    this.current = { done, controller };
    try {
      const value = await done;
      this.failures = 0;
      return value;
    } catch (error) {
      if (!controller.signal.aborted) this.failures++;
      throw error;
    } finally {
      this.current = null;
      if (this.editedDuringRun && this.failures === 0 && !this.stopped) this.planIn(this.timings.afterEditMs);
      else this.replan();
      this.editedDuringRun = false;
    }
  }

  private planIn(delayMs: number, onlyEarlier = false): void {
    const at = Date.now() + delayMs;
    if (onlyEarlier && this.timer && at >= this.dueAt) return;
    this.clearTimer();
    this.dueAt = at;
    this.timer = setTimeout(() => this.tick(), delayMs);
    // A planned sync never keeps the process alive (the CLI, tests).
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }

  private tick(): void {
    this.timer = null;
    this.dueAt = Infinity;
    if (this.stopped) return;
    if (this.current || !this.hooks.mayRunInBackground()) {
      // Paused (not in a team, automatic off, read-only) or busy: look again next period.
      if (!this.current) this.planIn(this.timings.periodMs);
      return;
    }
    this.runExclusive((signal) => this.hooks.backgroundRun(signal)).catch((error: unknown) => this.hooks.onBackgroundError(error));
  }
}
