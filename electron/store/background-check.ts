// The quick_check an opened store left for later (Store.checkPending), run on a worker thread
// with its own read-only connection, so the window is up and answering while a large file is
// read end to end. (A second copy of Glossa is refused by the store's lock file, store-lock.ts,
// taken when the store opened.)
import { Worker } from 'node:worker_threads';
import type { Store } from './store';

export interface BackgroundCheckOptions {
  nativeBinding?: string;
}

export interface BackgroundCheck {
  /** What quick_check found wrong, as a sentence for the user, or null when the store is sound. */
  readonly result: Promise<string | null>;
  /** Stops the check (the app is quitting); result then answers null. */
  stop(): void;
}

// Plain JavaScript evaluated in the worker: no build step, and it loads the same native
// better-sqlite3 the main process uses (its path and binding come in workerData).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: 5000, nativeBinding: workerData.nativeBinding });
  const rows = db.pragma('quick_check');
  const ok = rows.length === 1 && rows[0].quick_check === 'ok';
  parentPort.postMessage(ok ? null : rows.slice(0, 3).map((r) => r.quick_check).join('; '));
} catch (error) {
  parentPort.postMessage('it cannot be read (' + (error && error.message) + ')');
} finally {
  if (db) db.close();
}
`;

export function checkStoreInBackground(store: Store, options: BackgroundCheckOptions = {}): BackgroundCheck {
  if (!store.checkPending) return { result: Promise.resolve(null), stop: () => undefined };
  let stopped = false;
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { module: require.resolve('better-sqlite3'), path: store.path, nativeBinding: options.nativeBinding },
  });
  const result = new Promise<string | null>((resolve) => {
    // Answered at exit, when the worker's connection is closed.
    let found: string | null = null;
    worker.once('message', (message: string | null) => (found = message));
    worker.once('error', (error) => (found = stopped ? null : `it could not be checked (${error.message})`));
    worker.once('exit', () => resolve(found));
  }).then((found) => {
    if (stopped) return null;
    return found === null ? null : damageMessage(store.path, found);
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

export function damageMessage(storePath: string, found: string): string {
  return (
    `The Glossa store at ${storePath} is damaged (${found}). ` +
    'Restore the latest good backup, or move the damaged store aside and start a new one.'
  );
}
