// Issue 11's import limits at full size: a folder of 150,001 files of other types (which failed
// with "Maximum call stack size exceeded") is walked and each file reported skipped; a 3.6 KB
// DOCX that unpacks to 30,000 paragraphs (which kept a worker busy for the 120 s timeout) is
// refused from its zip directory. The unit tests hold the same cases at a small size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import { importDropped, importPaths } from '../../electron/services/library/import-jobs';
import { parseBytes } from '../../electron/services/library/importers/parse';
import { openStore } from '../../electron/store/store';
import { zipOf } from '../unit/import-corpus';
import { round1 } from './stats';

export const pathsTargets = { manyFiles: 150_001, manySeconds: 60, docxBombMs: 1000 };

export async function measurePaths(log: (message: string) => void) {
  // tmpfs where there is one: creating 150,001 files on a disk is the slow part, not the walk.
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'glossa-paths-bench-'));
  try {
    const store = openStore(path.join(dir, 'glossa.sqlite'));
    const ctx = createContext(store, { chooseFilesToImport: async () => [], chooseExportPath: async () => null, chooseAnnotationsToImport: async () => null }, 'bench');
    const folder = path.join(dir, 'others');
    fs.mkdirSync(folder);
    log(`paths: writing ${pathsTargets.manyFiles.toLocaleString('en')} files of other types…`);
    for (let i = 0; i < pathsTargets.manyFiles; i++) fs.closeSync(fs.openSync(path.join(folder, `data-${i}.dat`), 'w'));
    let started = performance.now();
    const report = await importPaths(ctx, [folder]);
    const manySeconds = (performance.now() - started) / 1000;
    const paragraphs = '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(30_000);
    const docx = zipOf([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ['word/document.xml', Buffer.from(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`)],
    ]);
    // Through an import job (a new worker, which loads the DOCX reader first), then the parser's
    // own time with the reader loaded: the refusal itself.
    started = performance.now();
    const refused = await importDropped(ctx, [{ name: 'paragraphs.docx', data: docx }]);
    const docxJobMs = performance.now() - started;
    await import('../../electron/services/library/importers/docx');
    started = performance.now();
    const parsed = await parseBytes('paragraphs.docx', docx).then(
      () => false,
      () => true,
    );
    const docxMs = performance.now() - started;
    store.close();
    return {
      import_150k_skipped: report.skipped.length,
      import_150k_s: round1(manySeconds),
      docx_bomb_refused_ms: Math.round(docxMs),
      docxRefused: parsed && refused.failed.length === 1 && refused.imported.length === 0,
      docxJobMs: Math.round(docxJobMs),
      docxBytes: docx.length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
