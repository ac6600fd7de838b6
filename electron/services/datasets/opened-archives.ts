// .glossa archives handed to Glossa from outside the page: opened from the OS (macOS open-file,
// the command line of the first launch or of a second instance) or dropped on the window. Main
// grants each one a token (../grants.ts); the renderer asks for the plan and the import by token.
import path from 'node:path';
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
