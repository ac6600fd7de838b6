// The team sync scheduler with real timers, shortened: background runs each period, soon after
// an edit, backing off after failures, one at a time, paused while the store is read-only, and
// cancelled runs not counted as failures. The runs write to a real store.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, defaultTimings, SyncScheduler, type SchedulerHooks, type SchedulerTimings } from '../../../electron/services/team/scheduler';
import { openStore, type Store } from '../../../electron/store/store';
import { tempDir } from '../helpers';

const timings: SchedulerTimings = { periodMs: 400, afterEditMs: 40, backoffStartMs: 60, backoffMaxMs: 240 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let scheduler: SyncScheduler | null = null;
afterEach(() => scheduler?.stop());

/** A store whose runs record their start times in a table, so what ran is on disk. */
function storeIn(dir: string, readOnly = false): Store {
  const store = openStore(path.join(dir, 'glossa.sqlite'), { readOnly });
  if (!readOnly) store.db.exec('CREATE TABLE IF NOT EXISTS test_runs (started REAL NOT NULL)');
  return store;
}

interface Recorder {
  hooks: SchedulerHooks;
  starts: number[];
  errors: unknown[];
  maxConcurrent: number;
}

function recorder(store: Store, options: { fail?: () => boolean; runMs?: number; allowed?: () => boolean } = {}): Recorder {
  const rec: Recorder = { starts: [], errors: [], maxConcurrent: 0, hooks: null as unknown as SchedulerHooks };
  let running = 0;
  rec.hooks = {
    mayRunInBackground: () => !store.readOnly && (options.allowed?.() ?? true),
    backgroundRun: async (signal) => {
      running++;
      rec.maxConcurrent = Math.max(rec.maxConcurrent, running);
      rec.starts.push(Date.now());
      try {
        store.db.prepare('INSERT INTO test_runs (started) VALUES (?)').run(Date.now());
        await sleep(options.runMs ?? 5);
        if (signal.aborted) throw new Error('cancelled');
        if (options.fail?.()) throw new Error('server unreachable');
      } finally {
        running--;
      }
    },
    onBackgroundError: (error) => rec.errors.push(error),
  };
  return rec;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}

describe('team sync scheduler', () => {
  it('backs off from 5 s, doubling, to at most 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, defaultTimings) / 1000)).toEqual([5, 10, 20, 40, 80, 160, 300, 300]);
    expect(defaultTimings).toMatchObject({ periodMs: 60_000, afterEditMs: 3_000 });
  });

  it('runs each period, and soon after an edit rather than at the end of the period', async () => {
    const store = storeIn(tempDir());
    const rec = recorder(store);
    scheduler = new SyncScheduler(rec.hooks, timings);
    const started = Date.now();
    scheduler.start();
    await until(() => rec.starts.length >= 1);
    expect(rec.starts[0]! - started).toBeGreaterThanOrEqual(timings.periodMs - 5);
    const edited = Date.now();
    scheduler.noteEdit();
    scheduler.noteEdit();
    await until(() => rec.starts.length >= 2);
    expect(rec.starts[1]! - edited).toBeLessThan(timings.periodMs / 2);
    await sleep(timings.periodMs / 2);
    // Two edits in a row make one run.
    expect(rec.starts).toHaveLength(2);
    expect(store.db.prepare('SELECT COUNT(*) FROM test_runs').pluck().get()).toBe(2);
  });

  it('after failures retries with growing delays, and a success resets them', async () => {
    const store = storeIn(tempDir());
    let failing = true;
    const rec = recorder(store, { fail: () => failing });
    scheduler = new SyncScheduler(rec.hooks, timings);
    scheduler.start();
    scheduler.noteEdit();
    await until(() => rec.starts.length >= 5, 8_000);
    const gaps = rec.starts.slice(1).map((t, i) => t - rec.starts[i]!);
    // 60, 120, 240, 240 ms, each plus the run's own few ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(55);
    expect(gaps[1]).toBeGreaterThanOrEqual(115);
    expect(gaps[2]).toBeGreaterThanOrEqual(235);
    expect(gaps[3]).toBeGreaterThanOrEqual(235);
    expect(gaps[3]).toBeLessThan(timings.periodMs);
    expect(rec.errors.length).toBeGreaterThanOrEqual(4);
    expect(scheduler.failureCount).toBeGreaterThanOrEqual(4);
    // While failing, edits do not hurry the next retry.
    const before = rec.starts.length;
    scheduler.noteEdit();
    await sleep(timings.afterEditMs * 2);
    expect(rec.starts.length).toBe(before);
    failing = false;
    await scheduler.runExclusive((signal) => rec.hooks.backgroundRun(signal));
    expect(scheduler.failureCount).toBe(0);
  });

  it('runs one at a time: a manual run waits for the background one', async () => {
    const store = storeIn(tempDir());
    const rec = recorder(store, { runMs: 120 });
    scheduler = new SyncScheduler(rec.hooks, timings);
    scheduler.start();
    scheduler.noteEdit();
    await until(() => scheduler!.running);
    const manual = Promise.all([1, 2, 3].map(() => scheduler!.runExclusive((signal) => rec.hooks.backgroundRun(signal))));
    scheduler.noteEdit();
    await manual;
    expect(rec.starts.length).toBeGreaterThanOrEqual(4);
    expect(rec.maxConcurrent).toBe(1);
  });

  it('does not run while the store is read-only or background sync is off, and resumes when allowed', async () => {
    const dir = tempDir();
    storeIn(dir).close();
    const readOnly = storeIn(dir, true);
    const paused = recorder(readOnly);
    scheduler = new SyncScheduler(paused.hooks, timings);
    scheduler.start();
    scheduler.noteEdit();
    await sleep(timings.periodMs * 2.5);
    expect(paused.starts).toEqual([]);
    scheduler.stop();
    readOnly.close();

    let allowed = false;
    const store = storeIn(dir);
    const rec = recorder(store, { allowed: () => allowed });
    scheduler = new SyncScheduler(rec.hooks, timings);
    scheduler.start();
    scheduler.noteEdit();
    await sleep(timings.periodMs * 1.5);
    expect(rec.starts).toEqual([]);
    allowed = true;
    await until(() => rec.starts.length >= 1, timings.periodMs * 3);
  });

  it('cancel aborts the running run, which is not counted as a failure', async () => {
    const store = storeIn(tempDir());
    const rec = recorder(store, { runMs: 300 });
    scheduler = new SyncScheduler(rec.hooks, timings);
    scheduler.start();
    const run = scheduler.runExclusive((signal) => rec.hooks.backgroundRun(signal));
    await until(() => scheduler!.running);
    expect(scheduler.cancel()).toBe(true);
    await expect(run).rejects.toThrow('cancelled');
    expect(scheduler.failureCount).toBe(0);
    expect(scheduler.cancel()).toBe(false);
  });
});
