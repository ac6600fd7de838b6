// One writer per table (design.md): every INSERT, UPDATE and DELETE of the store's tables is
// written in electron/store/ (writers/ and the migrations), nowhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');

/**
 * Files that still write rows themselves, each with its reason. document-restore.ts: undo of a
 * document's delete puts back raw rows of whatever tables reference it, read from the schema's
 * foreign keys (checked row by row as new rows are).
 */
const notYet = new Set(['electron/services/library/document-restore.ts']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const writeStatement = /\b(INSERT\s+(OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/;

describe('one writer per table', () => {
  it('writes rows only in electron/store/', () => {
    const writers = sourceFiles('electron')
      .filter((file) => !file.startsWith('electron/store/') && !notYet.has(file))
      .filter((file) => writeStatement.test(fs.readFileSync(path.join(repo, file), 'utf8')));
    expect(writers).toEqual([]);
  });
});
