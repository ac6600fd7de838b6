// Import jobs: files chosen in the open dialog (several files, or whole folders), dropped on
// the window (as bytes, or as paths in Electron), or the clipboard. Files are read and parsed
// on worker threads (importers/pool.ts); this thread only inserts each finished document, in
// its own transaction, and reports progress as the `progress` event with task `import:<jobId>`.
// Cancelling stops the workers: the documents stored by then stay, nothing else is written.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { type ImportReport, importTask } from '../../../shared/schemas/library';
import type { ServiceContext } from '../context';
import { addDocument } from './documents';
import { ParserPool, type PoolOptions } from './importers/pool';
import type { ParseResult, TaskInput } from './importers/protocol';
import { expandPaths } from './importers/walk';
import { rememberGuessedSource } from './reencode';

export { maxTitleLength } from './importers/limits';

interface DroppedBytes {
  name: string;
  data: Uint8Array;
}

interface ImportOptions extends PoolOptions {
  /** The renderer's id for the job (so it can cancel early); made up when absent. */
  jobId?: string;
  /** A WHATWG encoding label that overrides detection for text files and web pages (CLI --encoding). */
  encoding?: string;
}

interface Job {
  cancelled: boolean;
  pool: ParserPool | null;
}

const runningJobs = new WeakMap<ServiceContext, Map<string, Job>>();

function jobsOf(ctx: ServiceContext): Map<string, Job> {
  let jobs = runningJobs.get(ctx);
  if (!jobs) runningJobs.set(ctx, (jobs = new Map()));
  return jobs;
}

export function emptyReport(jobId: string = randomUUID()): ImportReport {
  return { jobId, imported: [], duplicates: [], failed: [], skipped: [], cancelled: false };
}

interface Planned {
  tasks: { fileName: string; input: TaskInput }[];
  failed: ImportReport['failed'];
  skipped: ImportReport['skipped'];
}

/** Appends a list of any length: push(...list) overflows the call stack past ~100,000 items. */
export function appendAll<T>(target: T[], list: readonly T[]): void {
  for (const item of list) target.push(item);
}

/** Stops a running job. Documents already stored stay. */
export function cancelImport(ctx: ServiceContext, jobId: string): boolean {
  const job = jobsOf(ctx).get(jobId);
  if (!job || job.cancelled) return false;
  job.cancelled = true;
  job.pool?.close();
  return true;
}

async function runJob(
  ctx: ServiceContext,
  options: ImportOptions,
  plan: (isCancelled: () => boolean) => Promise<Planned>,
): Promise<ImportReport> {
  const jobId = options.jobId ?? randomUUID();
  const jobs = jobsOf(ctx);
  if (jobs.has(jobId)) throw new AppError('INVALID_ARGS', `An import with id ${jobId} is already running.`);
  const job: Job = { cancelled: false, pool: null };
  jobs.set(jobId, job);
  const report = emptyReport(jobId);
  const task = importTask(jobId);
  const progress = (done: number, total: number, current?: string) =>
    ctx.emit({ name: 'progress', payload: { task, done, total, ...(current === undefined ? {} : { current }) } });
  try {
    progress(0, 0);
    const planned = await plan(() => job.cancelled);
    appendAll(report.failed, planned.failed);
    appendAll(report.skipped, planned.skipped);
    const total = planned.tasks.length;
    if (job.cancelled || total === 0) {
      report.cancelled = job.cancelled;
      progress(0, total);
      return report;
    }
    progress(0, total, planned.tasks[0]!.fileName);
    job.pool = new ParserPool(options);
    const pool = job.pool;
    // Files are parsed in parallel but stored in the order given, so that of two copies of a
    // report the first is kept and the second reported as its duplicate, whichever parsed first.
    const finished: (ParseResult | undefined)[] = new Array(total);
    let next = 0;
    const commit = (index: number) => {
      const { fileName, input } = planned.tasks[index]!;
      const result = finished[index]!;
      finished[index] = undefined;
      if (!result.ok) {
        report.failed.push({ fileName, reason: result.reason });
        return;
      }
      try {
        const added = ctx.store.transaction(() => addDocument(ctx, result.doc));
        if (added.status === 'added') {
          report.imported.push({
            id: added.document.id,
            title: added.document.title,
            fileName,
            format: result.doc.sourceFormat,
            encoding: result.doc.encoding,
            encodingGuess: result.doc.encodingGuess,
            notices: result.doc.notices,
          });
          if (result.doc.encodingGuess && input.kind !== 'clipboard') rememberGuessedSource(ctx, added.document.id, input);
        } else {
          report.duplicates.push({ fileName, existingId: added.existingId, title: added.title });
        }
      } catch (error) {
        report.failed.push({ fileName, reason: `${fileName} could not be stored: ${(error as Error).message}` });
      }
    };
    await Promise.all(
      planned.tasks.map(async ({ input }, index) => {
        const result = await pool.run(input);
        if (job.cancelled) return;
        finished[index] = result;
        while (next < total && finished[next] !== undefined && !job.cancelled) {
          commit(next);
          next++;
          progress(next, total, planned.tasks[next]?.fileName ?? planned.tasks[next - 1]!.fileName);
        }
      }),
    );
    report.cancelled = job.cancelled;
    return report;
  } finally {
    job.pool?.close();
    jobs.delete(jobId);
  }
}

function encodingOption(options: ImportOptions): { encoding?: string } {
  return options.encoding ? { encoding: options.encoding } : {};
}

/** Imports files and folders (recursively) from disk: the open dialog, dropped paths, the CLI. */
export function importPaths(ctx: ServiceContext, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  return runJob(ctx, options, async (isCancelled) => {
    const found = await expandPaths(paths.map((p) => path.resolve(p)), isCancelled);
    return {
      tasks: found.files.map((f) => ({ fileName: f.fileName, input: { kind: 'path', path: f.path, fileName: f.fileName, ...encodingOption(options) } })),
      failed: found.failed,
      skipped: found.skipped,
    };
  });
}

/** A dropped file's name as the report shows it: its relative path, with nothing climbing out. */
function droppedName(name: string): string {
  // An absolute path (some systems send one) keeps only its last part.
  if (/^(?:[A-Za-z]:)?[\\/]/.test(name)) name = name.replace(/^.*[\\/]/, '');
  const parts = name.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.join('/') || 'unnamed';
}

/** Imports files dropped on the window, sent by the renderer as bytes. */
export function importDropped(ctx: ServiceContext, files: readonly DroppedBytes[], options: ImportOptions = {}): Promise<ImportReport> {
  return runJob(ctx, options, async () => {
    const seen = new Map<string, number>();
    const tasks = files.map((file) => {
      let fileName = droppedName(file.name);
      // Two dropped files with one name stay apart in the report.
      const n = (seen.get(fileName) ?? 0) + 1;
      seen.set(fileName, n);
      if (n > 1) fileName = `${fileName} (${n})`;
      return { fileName, input: { kind: 'bytes' as const, fileName: droppedName(file.name), bytes: file.data, ...encodingOption(options) } };
    });
    return { tasks, failed: [], skipped: [] };
  });
}

/** "New document from clipboard": the HTML flavour through the sanitising HTML path, else the text. */
export function importClipboard(ctx: ServiceContext, options: ImportOptions = {}): Promise<ImportReport> {
  return runJob(ctx, options, async () => {
    const html = await ctx.clipboard.readHtml();
    const text = await ctx.clipboard.readText();
    if (html.trim() === '' && text.trim() === '') {
      return { tasks: [], failed: [{ fileName: 'Clipboard', reason: 'The clipboard has no text to import.' }], skipped: [] };
    }
    return { tasks: [{ fileName: 'Clipboard', input: { kind: 'clipboard', html, text } }], failed: [], skipped: [] };
  });
}
