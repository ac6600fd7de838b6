// Issue 12: the notices an import produced for a document (pages mostly unreadable, control
// characters dropped, an encoding guessed) are stored with it (document_notices), come back
// through documents.provenance with its dataset source record, survive delete + undo, and the
// CLI's docs and show print them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteDocument } from '../../electron/services/library/document-delete';
import { restoreDocument } from '../../electron/services/library/document-restore';
import { getDocumentProvenance } from '../../electron/services/library/documents';
import { importPaths } from '../../electron/services/library/import-jobs';
import { importAnnotations } from '../../electron/services/datasets/import';
import { partlyUnmapped } from '../fixtures/pdf-layouts';
import { runProcess } from './child-process';
import { openTestContext, tempDir } from './helpers';
import { fixturesDir } from './formats-helpers';

const repo = path.resolve(__dirname, '../..');

describe('import notices stay with the document', () => {
  it("keeps a PDF's garbled pages and dropped characters, and a guessed encoding, across delete and undo", async () => {
    const t = openTestContext();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'report.pdf'), partlyUnmapped(5, [2, 3]));
    // Windows-1251 Cyrillic without a BOM or label: its encoding is guessed.
    fs.writeFileSync(path.join(dir, 'cyrillic.txt'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x20, 0xdd, 0xf2, 0xee, 0x20, 0xf2, 0xe5, 0xea, 0xf1, 0xf2, 0x20, 0xed, 0xe0, 0x20, 0xf0, 0xf3, 0xf1, 0xf1, 0xea, 0xee, 0xec, 0x20, 0xff, 0xe7, 0xfb, 0xea, 0xe5, 0x2e, 0x0a]));
    const report = await importPaths(t.ctx, [path.join(dir, 'report.pdf'), path.join(dir, 'cyrillic.txt')]);
    expect(report.failed).toEqual([]);
    const pdf = report.imported.find((i) => i.fileName === 'report.pdf')!;
    const stored = getDocumentProvenance(t.ctx, pdf.id);
    expect(stored.notices).toEqual(pdf.notices);
    expect(stored.notices.find((n) => n.code === 'garbled-pages')).toMatchObject({ kind: 'warning', pages: [2, 3] });
    expect(stored.sourceRecord).toBeNull();
    const txt = report.imported.find((i) => i.fileName === 'cyrillic.txt')!;
    expect(txt.encodingGuess).not.toBeNull();
    expect(getDocumentProvenance(t.ctx, txt.id).notices).toEqual([
      expect.objectContaining({ kind: 'warning', code: 'encoding-guessed', message: expect.stringMatching(new RegExp(`^The encoding was guessed from the bytes: ${txt.encoding} \\(\\d+ % sure`)) }),
    ]);
    const { undoToken } = deleteDocument(t.ctx, pdf.id);
    expect(t.store.db.prepare('SELECT count(*) FROM document_notices WHERE document_id = ?').pluck().get(pdf.id)).toBe(0);
    restoreDocument(t.ctx, undoToken);
    expect(getDocumentProvenance(t.ctx, pdf.id).notices).toEqual(pdf.notices);
  }, 60_000);

  it("gives a doccano record's id and meta as the document's source record", async () => {
    const t = openTestContext();
    await importAnnotations(t.ctx, 'doccano', path.join(fixturesDir, 'interchange', 'doccano-labels.jsonl'), true);
    const id = t.store.db.prepare("SELECT id FROM documents WHERE text LIKE 'Officials%'").pluck().get() as string;
    expect(getDocumentProvenance(t.ctx, id)).toEqual({ notices: [], sourceRecord: { id: 101, meta: { paper: 'Alder Gazette', page: 3 }, annotation_approver: null } });
  });

  it('the CLI prints them: docs lists each document with its notices, show one with its source record', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    fs.writeFileSync(path.join(dir, 'report.pdf'), partlyUnmapped(5, [2, 3]));
    const cli = async (args: string[]) => {
      const run = await runProcess(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/cli.ts'), ...args, '--db', db], { cwd: repo, env: { ...process.env, GLOSSA_DB: '' } });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as unknown;
    };
    const imported = (await cli(['import', path.join(dir, 'report.pdf')])) as { imported: { id: string }[] };
    const id = imported.imported[0]!.id;
    const docs = (await cli(['docs'])) as { id: string; notices: { code: string; pages: number[] }[] }[];
    expect(docs.find((d) => d.id === id)!.notices).toContainEqual(expect.objectContaining({ code: 'garbled-pages', pages: [2, 3] }));
    const shown = (await cli(['show', id])) as Record<string, unknown>;
    expect(shown).toMatchObject({ id, sourceFormat: 'pdf', sourceRecord: null, notices: expect.arrayContaining([expect.objectContaining({ code: 'garbled-pages' })]) });
    expect(shown).not.toHaveProperty('text');
  }, 120_000);
});
