// .glossa archives handed to Glossa from outside the page: opened from the OS (macOS open-file,
// the command line of the first launch or of a second instance) or dropped on the window. The
// renderer is untrusted, so it never names a path for these: main grants each path an opaque
// token, and the renderer asks for the plan and the import by token (datasets.*OpenedArchive).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { isArchivePath } from '../../../shared/formats';

/** Options of the Glossa executable that take a value, which is never a file to open. */
const optionsWithValue = new Set(['--db', '--user-data-dir']);

/**
 * The .glossa files named on a command line (Windows and Linux pass the opened file there, on the
 * first launch and in a second instance's argv), made absolute against that launch's folder.
 * argv[0] is the executable; options and their values are skipped.
 */
export function archivePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsWithValue.has(arg)) i++;
    else if (!arg.startsWith('-') && isArchivePath(arg)) found.push(path.resolve(cwd, arg));
  }
  return found;
}

/** The paths main granted, each under an opaque token, and the ones not yet shown to the user. */
export interface OpenedArchives {
  /** Grants a path (absolute) and returns its token. */
  grant(target: string): string;
  /** The path granted under a token; NOT_FOUND for a token main never gave (or already imported). */
  pathOf(token: string): string;
  /** Forgets a token (its archive was imported). */
  revoke(token: string): void;
  /** Grants a path opened from the OS and queues its token until the window takes it. */
  announce(target: string): string;
  /** The queued tokens, oldest first; the queue is then empty. */
  takeAnnounced(): string[];
}

export function createOpenedArchives(newToken: () => string = randomUUID): OpenedArchives {
  const granted = new Map<string, string>();
  let announced: string[] = [];
  const grant = (target: string): string => {
    if (!path.isAbsolute(target)) throw new AppError('INVALID_ARGS', `The path must be absolute (got "${target}").`);
    if (!isArchivePath(target)) throw new AppError('INVALID_ARGS', `Only Glossa archives (.glossa) open this way (got "${path.basename(target)}").`);
    const token = newToken();
    granted.set(token, target);
    return token;
  };
  return {
    grant,
    pathOf(token) {
      const target = granted.get(token);
      if (target === undefined) throw new AppError('NOT_FOUND', 'This archive is no longer open; open the file again.');
      return target;
    },
    revoke(token) {
      granted.delete(token);
    },
    announce(target) {
      const token = grant(target);
      announced.push(token);
      return token;
    },
    takeAnnounced() {
      const taken = announced;
      announced = [];
      return taken;
    },
  };
}
