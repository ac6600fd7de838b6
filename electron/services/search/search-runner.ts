// Who answers the search channels for a store: the search worker (search-worker-entry.ts) when
// the app opened the store writable, so the main thread only passes messages; else this thread
// (the CLI, a store opened read-only through its private copy, unit tests over a plain core).
//
// A newer request of a kind supersedes the older ones at once: their callers get SUPERSEDED
// and the worker drops them at its next check. A query stuck in one long SQLite statement cannot
// be interrupted (better-sqlite3 has no interrupt), so if a superseded request keeps the worker
// busy longer than stallMs, the worker is ended and a fresh one takes the requests still wanted.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ConsistencyQuery, ConsistencyReport, SearchQuery, SearchResults } from '../../../shared/schemas/search';
import type { Store } from '../../store/store';
import { consistencyReport } from './consistency';
import { kindSlot, type SearchKind, type SearchReply, type SearchRequest, type SearchWorkerData } from './protocol';
import { search } from './search';
import { supersededError } from './superseded';
import { searchWorkerScript } from './worker-script';
import type { z } from 'zod';

export interface SearchRunner {
  query(args: z.output<typeof SearchQuery>): Promise<SearchResults>;
  consistency(args: z.output<typeof ConsistencyQuery>): Promise<ConsistencyReport>;
  close(): void;
}

const runners = new WeakMap<Store, SearchRunner>();

/** The runner answering for the store: its worker if one was started, else this thread. */
export function searchRunnerFor(store: Store): SearchRunner {
  let runner = runners.get(store);
  if (!runner) {
    runner = inThreadRunner(store);
    runners.set(store, runner);
  }
  return runner;
}

/** Answers the store's searches on a worker thread from now on (a read-only store stays on this thread). */
export function startSearchWorker(store: Store, options: { nativeBinding?: string; stallMs?: number } = {}): SearchRunner {
  const runner = store.readOnly ? inThreadRunner(store) : new WorkerRunner(store.path, options.nativeBinding, options.stallMs ?? 1000);
  runners.get(store)?.close();
  runners.set(store, runner);
  return runner;
}

function inThreadRunner(store: Store): SearchRunner {
  return {
    query: async (args) => search(store.db, args),
    consistency: async (args) => consistencyReport(store.db, args),
    close: () => undefined,
  };
}

interface Pending {
  request: SearchRequest;
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

class WorkerRunner implements SearchRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly newest = new Int32Array(new SharedArrayBuffer(8));
  private nextId = 1;
  private stallTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly storePath: string,
    private readonly nativeBinding: string | undefined,
    private readonly stallMs: number,
  ) {}

  query(args: z.output<typeof SearchQuery>): Promise<SearchResults> {
    return this.send({ id: this.nextId++, kind: 'query', args }) as Promise<SearchResults>;
  }

  consistency(args: z.output<typeof ConsistencyQuery>): Promise<ConsistencyReport> {
    return this.send({ id: this.nextId++, kind: 'consistency', args }) as Promise<ConsistencyReport>;
  }

  close(): void {
    this.closed = true;
    this.clearStallTimer();
    for (const pending of this.pending.values()) pending.reject(new AppError('SUPERSEDED', 'The store was closed.'));
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = null;
  }

  private send(request: SearchRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'Search: the store is closed.'));
    const superseded = this.supersede(request.kind);
    Atomics.store(this.newest, kindSlot[request.kind], request.id);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      const worker = this.ensureWorker();
      // Busy, the worker keeps the process alive (a CLI or a bench awaiting the answer); idle, not.
      worker.ref();
      worker.postMessage(request);
      if (superseded) this.watchForStall();
    });
  }

  /** Answers every older request of the kind with SUPERSEDED; true when one was outstanding. */
  private supersede(kind: SearchKind): boolean {
    let any = false;
    for (const [id, pending] of this.pending) {
      if (pending.request.kind !== kind) continue;
      pending.reject(supersededError());
      this.pending.delete(id);
      any = true;
    }
    return any;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: SearchWorkerData = {
      module: require.resolve('better-sqlite3'),
      storePath: this.storePath,
      nativeBinding: this.nativeBinding,
      newest: this.newest.buffer as SharedArrayBuffer,
    };
    const worker = new Worker(searchWorkerScript(), { workerData });
    worker.on('message', (reply: SearchReply) => this.onReply(reply));
    worker.on('error', (error) => this.onWorkerLost(worker, `the search worker failed (${error.message})`));
    worker.on('exit', () => this.onWorkerLost(worker, 'the search worker stopped'));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: SearchReply): void {
    this.clearStallTimer();
    const pending = this.pending.get(reply.id);
    if (!pending) return; // superseded meanwhile: its caller was answered then
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
  }

  private onWorkerLost(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // replaced on purpose (a stall)
    this.worker = null;
    this.clearStallTimer();
    for (const pending of this.pending.values()) pending.reject(new AppError('INTERNAL', `Search: ${why}.`));
    this.pending.clear();
  }

  /** A superseded request still running after stallMs: end that worker and resend what is still wanted to a new one. */
  private watchForStall(): void {
    this.clearStallTimer();
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      const stalled = this.worker;
      if (!stalled || this.pending.size === 0) return;
      this.worker = null;
      void stalled.terminate();
      const fresh = this.ensureWorker();
      fresh.ref();
      for (const pending of [...this.pending.values()].sort((a, b) => a.request.id - b.request.id)) fresh.postMessage(pending.request);
    }, this.stallMs);
    this.stallTimer.unref();
  }

  private clearStallTimer(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }
}
