import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core';
import { listDocuments, getDocument } from '../../electron/services/library/documents';
import { sampleReport } from '../../electron/sample/sample-report';
import { sampleSeededKey, seedSampleOnFirstRun } from '../../electron/sample/seed';
import { addText, openTestContext, rowCounts, ScriptedDialogs, tempDir } from './helpers';

describe('sample report', () => {
  it('is a fictional wire story of about 600 words with non-ASCII names and blank-line paragraphs', () => {
    const words = sampleReport.text.split(/\s+/).length;
    expect(words).toBeGreaterThan(500);
    expect(words).toBeLessThan(800);
    expect(sampleReport.outlet).toBe('Meridian Wire');
    expect(sampleReport.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const name of ['Zoë Haddad', 'Ayşe Kaya', 'Nuñez', 'سامر']) expect(sampleReport.text).toContain(name);
    expect(sampleReport.text).toContain('could not be independently confirmed');
    expect(sampleReport.text.split('\n\n').length).toBeGreaterThan(8);
    expect(sampleReport.text).not.toMatch(/\n{3,}|\r/);
  });

  it('is added once on a store’s first run and does not come back after deletion', () => {
    const { ctx, store } = openTestContext();
    seedSampleOnFirstRun(ctx);
    const [doc] = listDocuments(ctx);
    expect(getDocument(ctx, doc!.id)).toMatchObject({ title: sampleReport.title, text: sampleReport.text });
    seedSampleOnFirstRun(ctx);
    expect(rowCounts(store).documents).toBe(1);

    store.db.prepare('DELETE FROM documents').run();
    seedSampleOnFirstRun(ctx);
    expect(rowCounts(store).documents).toBe(0);
    expect(store.db.prepare('SELECT 1 AS seen FROM meta WHERE key = ?').get(sampleSeededKey)).toEqual({ seen: 1 });
  });

  it('is not added to a store that already has documents', () => {
    const { ctx, store } = openTestContext();
    addText(ctx, 'A report imported with the CLI.');
    seedSampleOnFirstRun(ctx);
    expect(rowCounts(store).documents).toBe(1);
  });

  it('is seeded by startCore when asked, across reopenings only once', () => {
    const storePath = path.join(tempDir(), 'glossa.sqlite');
    const options = { storePath, dialogs: new ScriptedDialogs(), appVersion: 'test', seedSample: true };
    const first = startCore(options);
    expect(rowCounts(first.store).documents).toBe(1);
    first.store.db.prepare('DELETE FROM documents').run();
    first.close();
    const second = startCore(options);
    expect(rowCounts(second.store).documents).toBe(0);
    second.close();
  });
});
