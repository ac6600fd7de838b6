// Temp folders and real stores for unit tests. Every store is a real SQLite file in a fresh
// temp folder, removed when the test finishes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createContext } from '../../electron/core';
import type { DialogPort, ServiceContext } from '../../electron/services/context';
import { addDocument } from '../../electron/services/library/documents';
import { openStore, type Store } from '../../electron/store/store';

/** A fresh temp folder, removed after the current test. */
export function tempDir(prefix = 'glossa-unit-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A DialogPort whose answers the test sets, and which records what it was asked. */
export class ScriptedDialogs implements DialogPort {
  filesToImport: string[] = [];
  exportPath: string | null = null;
  readonly exportRequests: { suggestedName: string; extension: string }[] = [];
  /** The mode of each open dialog shown ('files' or 'folder'). */
  readonly importModes: (string | undefined)[] = [];

  chooseFilesToImport(mode?: 'files' | 'folder'): Promise<string[]> {
    this.importModes.push(mode);
    return Promise.resolve(this.filesToImport);
  }

  /** The format of each annotations dialog shown. */
  readonly annotationFormats: string[] = [];

  /** The first of filesToImport (a file, or brat's folder); null when none. */
  chooseAnnotationsToImport(format: string): Promise<string | null> {
    this.annotationFormats.push(format);
    return Promise.resolve(this.filesToImport[0] ?? null);
  }

  chooseExportPath(suggestedName: string, extension: string): Promise<string | null> {
    this.exportRequests.push({ suggestedName, extension });
    return Promise.resolve(this.exportPath);
  }
}

export interface TestContext {
  dir: string;
  dbPath: string;
  store: Store;
  ctx: ServiceContext;
  dialogs: ScriptedDialogs;
}

/** A real store in a temp folder with a service context over it; closed after the test. */
export function openTestContext(): TestContext {
  const dir = tempDir();
  const dbPath = path.join(dir, 'glossa.sqlite');
  const store = openStore(dbPath);
  onTestFinished(() => store.close());
  const dialogs = new ScriptedDialogs();
  return { dir, dbPath, store, ctx: createContext(store, dialogs, '0.0.0-test'), dialogs };
}

export function addText(ctx: ServiceContext, text: string, title = 'Test report'): string {
  const result = addDocument(ctx, { title, text });
  if (result.status !== 'added') throw new Error('test document was a duplicate');
  return result.document.id;
}

export function rowCounts(store: Store): { documents: number; annotations: number } {
  const count = (table: string): number =>
    (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { documents: count('documents'), annotations: count('annotations') };
}

/** Runs fn and returns the AppError code it threw (fails the test if it did not throw). */
export function errorCodeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? `not an AppError: ${String(error)}`;
  }
  throw new Error('expected an error');
}
