// Import jobs: progress events, cancel, the clipboard, dropped paths and the dialog's folder mode,
// through the services and the dispatcher.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { getDocument } from '../../electron/services/library/documents';
import { grantDroppedPaths } from '../../electron/services/grants';
import { cancelImport, importClipboard, importPaths } from '../../electron/services/library/import-jobs';
import { createHandlers } from '../../electron/services/index';
import { openTestContext, rowCounts, type TestContext } from './helpers';

function writeReports(t: TestContext, folder: string, n: number): string {
  const dir = path.join(t.dir, folder);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(3, '0')}.txt`), `Report ${i}\n\nRebels said they held bridge ${i}.\n`);
  }
  return dir;
}

function recordEvents(t: TestContext): AppEvent[] {
  const events: AppEvent[] = [];
  t.ctx.emit = (event) => events.push(event);
  return events;
}

describe('import jobs', () => {
  it('reports progress as `import:<jobId>` events, n of N with the file at hand, ending at N of N', async () => {
    const t = openTestContext();
    const events = recordEvents(t);
    const dir = writeReports(t, 'batch', 5);
    const report = await importPaths(t.ctx, [dir], { jobId: 'job-7' });
    expect(report.jobId).toBe('job-7');
    expect(report.imported).toHaveLength(5);
    expect(events.every((e) => e.name === 'progress' && e.payload.task === 'import:job-7')).toBe(true);
    const progress = events.flatMap((e) => (e.name === 'progress' ? [e.payload] : []));
    expect(progress[0]).toEqual({ task: 'import:job-7', done: 0, total: 0 });
    expect(progress[1]).toEqual({ task: 'import:job-7', done: 0, total: 5, current: 'batch/report-000.txt' });
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(progress.slice(1).map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('cancel leaves exactly the documents that completed, and says it was cancelled', async () => {
    const t = openTestContext();
    const dir = writeReports(t, 'many', 30);
    t.ctx.emit = (event) => {
      if (event.name === 'progress' && event.payload.done === 3) expect(cancelImport(t.ctx, 'job-c')).toBe(true);
    };
    const report = await importPaths(t.ctx, [dir], { jobId: 'job-c', concurrency: 1 });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toHaveLength(3);
    const stored = (t.store.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    expect(stored).toEqual(report.imported.map((i) => i.id).sort());
    // The job is over: cancelling again finds nothing, and the same id can run again.
    expect(cancelImport(t.ctx, 'job-c')).toBe(false);
    t.ctx.emit = () => undefined;
    const again = await importPaths(t.ctx, [dir], { jobId: 'job-c' });
    expect(again.imported).toHaveLength(27);
    expect(again.duplicates).toHaveLength(3);
    expect(t.store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('cancels through the dispatcher while an import call is running', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const dir = writeReports(t, 'dispatch', 20);
    let cancelled: Promise<unknown> | undefined;
    t.ctx.emit = (event) => {
      if (event.name === 'progress' && event.payload.done === 1 && !cancelled) cancelled = dispatch('import.cancel', { jobId: 'ui-1' });
    };
    const result = await dispatch('documents.importGranted', { tokens: [t.ctx.grants.grant(dir)], jobId: 'ui-1' });
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ ok: true, value: { cancelled: true } });
    const value = (result as { value: { imported: unknown[] } }).value;
    expect(rowCounts(t.store).documents).toBe(value.imported.length);
    expect(await dispatch('import.cancel', { jobId: 'no-such-job' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await dispatch('import.cancel', { jobId: 'bad id!' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });

  it('imports dropped files and folders by their grants through the dispatcher, refusing a path or a token main never gave', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const dir = writeReports(t, 'dropped', 2);
    const single = path.join(t.dir, 'single.md');
    fs.writeFileSync(single, '# Single\n\nOne file.');
    const tokens = grantDroppedPaths(t.ctx.grants, [dir, single, 'relative/file.txt']).map((g) => g.token);
    expect(tokens).toHaveLength(2);
    const result = await dispatch('documents.importGranted', { tokens });
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: [
          { fileName: 'dropped/report-000.txt', format: 'txt', encoding: 'utf-8' },
          { fileName: 'dropped/report-001.txt' },
          { fileName: 'single.md', format: 'md', title: 'Single' },
        ],
        cancelled: false,
      },
    });
    expect(await dispatch('documents.importPaths', { paths: [single] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('documents.importGranted', { paths: [single] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('documents.importGranted', { tokens: [single] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows the dialog in folder mode when asked, and in files mode by default', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    t.dialogs.filesToImport = [writeReports(t, 'chosen', 2)];
    const result = await dispatch('documents.importDialog', { mode: 'folder' });
    expect(result).toMatchObject({ ok: true, value: { imported: [{ fileName: 'chosen/report-000.txt' }, { fileName: 'chosen/report-001.txt' }] } });
    t.dialogs.filesToImport = [];
    await dispatch('documents.importDialog', {});
    expect(t.dialogs.importModes).toEqual(['folder', 'files']);
  });
});

describe('import from the clipboard', () => {
  it('takes the HTML flavour through the sanitising path, as text only', async () => {
    const t = openTestContext();
    t.ctx.clipboard = {
      readHtml: () =>
        '<meta charset="utf-8"><!--StartFragment--><h2>Bridge at Dorsk</h2><p>Rebels <b>said</b> they <a href="javascript:alert(1)">took</a> it.</p>' +
        '<script>document.title="RAN"</script><img src=x onerror="alert(1)"><!--EndFragment-->',
      readText: () => 'Bridge at Dorsk\nRebels said they took it.',
    };
    const report = await importClipboard(t.ctx);
    expect(report.imported).toMatchObject([{ fileName: 'Clipboard', format: 'clipboard', encoding: null, title: 'Bridge at Dorsk' }]);
    const doc = getDocument(t.ctx, report.imported[0]!.id);
    expect(doc).toMatchObject({ text: 'Bridge at Dorsk\n\nRebels said they took it.', sourceFormat: 'clipboard', sourceName: 'clipboard' });
  });

  it('takes plain text when there is no HTML, and says so when the clipboard is empty', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    t.ctx.clipboard = { readHtml: () => '', readText: () => 'Pasted line one\r\nline two' };
    const result = await dispatch('documents.importClipboard', {});
    expect(result).toMatchObject({ ok: true, value: { imported: [{ title: 'Pasted line one', format: 'clipboard' }] } });
    t.ctx.clipboard = { readHtml: () => '', readText: () => '  \n' };
    expect(await dispatch('documents.importClipboard', {})).toMatchObject({
      ok: true,
      value: { imported: [], failed: [{ fileName: 'Clipboard', reason: 'The clipboard has no text to import.' }] },
    });
  });
});
