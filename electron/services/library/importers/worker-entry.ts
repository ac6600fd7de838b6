// The import worker (a worker_threads thread): reads and parses files, one task at a time, and
// posts back each document or the reason it failed. It never touches the store: the main
// thread inserts what it receives, so a cancelled or crashed worker leaves nothing partial.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { parseBytes, parseClipboard, parsePath } from './parse';
import type { ParseResult, ParseTask } from './protocol';

// On Linux a thread has its own nice value, and setpriority(0) sets only the calling thread's:
// parsing yields the CPU to the main thread, which serves the UI. (Elsewhere it would renice the
// whole app, so it is left alone.)
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 5);
  } catch {
    // Not allowed here: parse at normal priority.
  }
}

async function run(task: ParseTask): Promise<ParseResult> {
  try {
    const doc =
      task.kind === 'path'
        ? await parsePath(task.path, task.fileName, task.encoding)
        : task.kind === 'bytes'
          ? await parseBytes(task.fileName, task.bytes, undefined, task.encoding)
          : await parseClipboard(task.html, task.text);
    return { id: task.id, ok: true, doc };
  } catch (error) {
    const name = task.kind === 'clipboard' ? 'The clipboard' : task.fileName;
    const reason = error instanceof AppError ? error.message : `${name} could not be imported: ${(error as Error)?.message ?? String(error)}`;
    return { id: task.id, ok: false, reason };
  }
}

parentPort?.on('message', (task: ParseTask) => {
  void run(task).then((result) => parentPort?.postMessage(result));
});
