// The search worker (a worker_threads thread): answers search.query and search.consistency over
// its own read-only connection, so a slow query never blocks the main thread, which serves the
// window. Requests are answered in order; one superseded by a newer request of its kind (the
// analyst typed on) stops at its next check and answers SUPERSEDED.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/store';
import { consistencyReport } from './consistency';
import { kindSlot, type SearchReply, type SearchRequest, type SearchWorkerData } from './protocol';
import { search, searchBudgetMs } from './search';
import { supersededError } from './superseded';

const data = workerData as SearchWorkerData;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the main thread's copy of the module, by path
const Database = require(data.module) as typeof import('better-sqlite3');
const db: Db = new Database(data.storePath, { readonly: true, fileMustExist: true, timeout: 5000, nativeBinding: data.nativeBinding });
const newest = new Int32Array(data.newest);

function answer(request: SearchRequest): SearchReply {
  const slot = kindSlot[request.kind];
  const stillWanted = () => Atomics.load(newest, slot) === request.id;
  try {
    if (!stillWanted()) throw supersededError();
    // One read transaction: every statement of the answer sees the same committed state.
    const value = db.transaction(() =>
      request.kind === 'query' ? search(db, request.args, { stillWanted, budgetMs: searchBudgetMs }) : consistencyReport(db, request.args),
    )();
    return { id: request.id, ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { id: request.id, ok: false, error: error.toData() };
    return { id: request.id, ok: false, error: { code: 'INTERNAL', message: `Search failed: ${(error as Error)?.message ?? String(error)}` } };
  }
}

parentPort?.on('message', (request: SearchRequest) => parentPort?.postMessage(answer(request)));
