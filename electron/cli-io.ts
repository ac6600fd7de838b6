// The command line's standard streams and store checks: `-` for standard input or output, the
// store that must already exist for commands that only read, and how a failure is written
// (a sentence, or with --json one JSON object) with its exit code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';

/** Exit codes, as `glossa --help` documents them. */
export const exitCodes = {
  done: 0,
  failed: 1,
  usage: 2,
  /** The import kept some input and not the rest; the report on stdout names each thing not kept. */
  partial: 3,
} as const;

/** 0 when every file was imported (or was already there), 3 when only some were, 1 when none was. */
export function importExitCode(report: { imported: readonly unknown[]; duplicates: readonly unknown[]; failed: readonly unknown[] }): number {
  if (report.failed.length === 0) return exitCodes.done;
  return report.imported.length + report.duplicates.length > 0 ? exitCodes.partial : exitCodes.failed;
}

/** The counts of an import, first in its JSON output, with the exit code it ends with. */
export function importSummary(
  report: { imported: readonly unknown[]; duplicates: readonly unknown[]; failed: readonly unknown[]; skipped: readonly unknown[] },
  exitCode: number,
): { imported: number; duplicates: number; failed: number; skipped: number; exitCode: number } {
  return { imported: report.imported.length, duplicates: report.duplicates.length, failed: report.failed.length, skipped: report.skipped.length, exitCode };
}

/**
 * import-annotations: 0 when everything the file holds was kept (or was already there), 3 when
 * something was not (an annotation that could not be anchored, a record dropped, a relation or
 * value left out: each named in the report). A file refused whole exits 1 before this.
 */
export function annotationImportExitCode(report: { unanchored: readonly unknown[]; dropped: readonly unknown[]; conflicts: readonly unknown[] }): number {
  return report.unanchored.length + report.dropped.length + report.conflicts.length > 0 ? exitCodes.partial : exitCodes.done;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

/** A result written to standard output as it is (a dataset, a schema), not as JSON. */
export class RawOutput {
  constructor(readonly content: Uint8Array | string) {}
}

/** The store path of a command that only works on an existing store: refused when there is none. */
export function existingStore(storePath: string): string {
  if (!fs.existsSync(storePath)) {
    throw new AppError('NOT_FOUND', `No Glossa store at ${storePath} (this command does not create one; import does).`);
  }
  return storePath;
}

/** Reads all of standard input (a pipe or a redirected file). */
export function readStdin(): Buffer {
  if (process.stdin.isTTY) throw new UsageError('"-" reads standard input, which is a terminal here: pipe or redirect a file into it.');
  return fs.readFileSync(0);
}

/** A private temp folder for one command, removed by the returned function. */
export function scratchFolder(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-cli-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes everything to standard output, also when it is a pipe that drains slowly. */
export function writeStdout(content: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(content, (error) => (error ? reject(error) : resolve()));
  });
}

/** A failure on stderr: `glossa: message` for people, one JSON object with --json. */
export function writeFailure(message: string, exitCode: number, code: string, json: boolean): void {
  process.stderr.write(json ? JSON.stringify({ error: { code, message, exitCode } }) + '\n' : `glossa: ${message}\n`);
}
