// Runs parse tasks on worker threads, so reading a 100-page PDF never blocks the main process
// (which serves the renderer's IPC). Each worker takes one task at a time; a task that takes
// too long, or a worker that dies (out of memory on a hostile file), fails that one file and
// the worker is replaced. cancel() ends every worker at once.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScriptPath } from '../../worker-script';
import { parseTimeoutMs } from './limits';
import type { ParseResult, ParseTask, TaskInput } from './protocol';

function workerScript(): string {
  return workerScriptPath({ builtName: 'import-worker.js', sourceEntry: path.join(__dirname, 'worker-entry.ts') });
}

/** Two parsers where there are cores to spare; the main thread needs little. */
function defaultConcurrency(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

export interface PoolOptions {
  concurrency?: number;
  timeoutMs?: number;
}

interface Slot {
  worker: Worker;
  busy: { task: ParseTask; resolve: (r: ParseResult) => void; timer: NodeJS.Timeout } | null;
}

export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: ParseTask; resolve: (r: ParseResult) => void }[] = [];
  private nextId = 1;
  private closed = false;
  private readonly script = workerScript();
  private readonly timeoutMs: number;
  private readonly concurrency: number;

  constructor(options: PoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? parseTimeoutMs;
    this.concurrency = options.concurrency ?? defaultConcurrency();
  }

  /** Parses one file (or the clipboard); never rejects: failures are results. */
  run(input: TaskInput): Promise<ParseResult> {
    const task = { ...input, id: this.nextId++ } as ParseTask;
    if (this.closed) return Promise.resolve({ id: task.id, ok: false, reason: 'The import was cancelled.' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  /** Ends every worker now; tasks not finished resolve as cancelled. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots) {
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.resolve({ id: slot.busy.task.id, ok: false, reason: 'The import was cancelled.' });
        slot.busy = null;
      }
      void slot.worker.terminate();
    }
    for (const { task, resolve } of this.queue.splice(0)) resolve({ id: task.id, ok: false, reason: 'The import was cancelled.' });
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      // A hostile file that makes the parser balloon kills this worker, not the app.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (result: ParseResult) => {
      const busy = slot.busy;
      if (!busy || busy.task.id !== result.id) return;
      clearTimeout(busy.timer);
      slot.busy = null;
      busy.resolve(result);
      this.pump();
    });
    const died = (why: string) => {
      const busy = slot.busy;
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (busy) {
        clearTimeout(busy.timer);
        slot.busy = null;
        busy.resolve({ id: busy.task.id, ok: false, reason: `${nameOf(busy.task)} could not be imported: ${why}` });
      }
      if (!this.closed) this.pump();
    };
    worker.on('error', (error: Error & { code?: string }) =>
      died(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reading it needed more memory than Glossa allows.' : `the reader stopped (${error.message}).`),
    );
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) died(`the reader stopped (exit code ${code}).`);
    });
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.concurrency) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      const current = slot;
      const timer = setTimeout(() => {
        // Hung on this file: give up on it and replace the worker.
        const busy = current.busy;
        if (!busy) return;
        current.busy = null;
        this.slots.splice(this.slots.indexOf(current), 1);
        void current.worker.terminate();
        busy.resolve({ id: busy.task.id, ok: false, reason: `${nameOf(busy.task)} took longer than ${Math.round(this.timeoutMs / 1000)} s to read and was given up.` });
        this.pump();
      }, this.timeoutMs);
      current.busy = { ...next, timer };
      current.worker.postMessage(next.task);
    }
  }
}

function nameOf(task: ParseTask): string {
  return task.kind === 'clipboard' ? 'The clipboard' : task.fileName;
}
