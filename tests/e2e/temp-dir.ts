import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A new empty folder for a test's files. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-files-'));
}
