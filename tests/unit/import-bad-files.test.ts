// The bad-file corpus: committed small files (tests/fixtures/bad) and generated big or special
// ones (import-corpus.ts). Each gets a clear message, nothing partial reaches the store, the
// import goes on with the next file, and the store passes its integrity check at the end.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from '../../electron/services/library/documents';
import { importDropped, importPaths } from '../../electron/services/library/import-jobs';
import { hostileHtml } from '../fixtures/make-fixtures';
import { writeGeneratedBadFiles, writeUnreadableFolder } from './import-corpus';
import { openTestContext, rowCounts, tempDir } from './helpers';

const bad = path.resolve(__dirname, '../fixtures/bad');

const committed = new Map<string, string | RegExp>([
  ['empty.txt', 'empty.txt is empty.'],
  ['random-binary.pdf', 'random-binary.pdf is not a PDF (it does not start with a PDF header).'],
  ['truncated.pdf', 'truncated.pdf is incomplete: the PDF ends early (it may have been cut off while downloading or copying).'],
  ['encrypted.pdf', 'encrypted.pdf is password-protected (encrypted); open it in a PDF reader, save a copy without the password, and import that.'],
  ['scanned.pdf', /^scanned\.pdf has no text layer \(it looks like scanned images\): it needs OCR/],
  ['not-a-zip.docx', 'not-a-zip.docx is not a Word document: a .docx file is a zip archive, and this one is not (or is damaged).'],
  ['invalid-utf8.txt', 'invalid-utf8.txt is not valid UTF-8 text (first bad byte at offset 19), and no legacy encoding Glossa knows reads all its bytes; save it as UTF-8 and import it again.'],
]);

/** Text that would be in a document only if something in the page had run or been rendered. */
const hostileMarkers = ['RAN', 'SCRIPT', 'IFRAME FALLBACK', 'SRCDOC', 'SVG TEXT', 'OBJECT FALLBACK', 'NOSCRIPT', 'HIDDEN TEXT', 'FORM VALUE', 'WRITTEN BY', 'javascript', 'evil', 'iVBOR', '<', '>'];

function expectReason(actual: string | undefined, expected: string | RegExp): void {
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else expect(actual).toMatch(expected);
}

describe('bad-file corpus', () => {
  it('gives each bad file its message, stores nothing partial, keeps going, and leaves an intact store', { timeout: 120_000 }, async () => {
    const t = openTestContext();
    const generatedDir = tempDir('glossa-bad-');
    const generated = writeGeneratedBadFiles(generatedDir);
    const folder = writeUnreadableFolder(path.join(tempDir('glossa-unreadable-'), 'unreadable'));
    const good = path.join(t.dir, 'good-after-bad.txt');
    fs.writeFileSync(good, 'A good report read after all the bad ones.\n');

    const committedPaths = [...committed.keys()].map((name) => path.join(bad, name));
    const generatedPaths = [...generated.expected.keys()].map((name) => path.join(generatedDir, name));
    const report = await importPaths(t.ctx, [
      ...committedPaths,
      ...generatedPaths,
      path.join(generatedDir, 'hostile-big-image.html'),
      path.join(bad, 'hostile.html'),
      path.join(t.dir, 'does-not-exist.pdf'),
      good,
    ]);

    const reasons = new Map(report.failed.map((f) => [f.fileName, f.reason]));
    for (const [name, expected] of [...committed, ...generated.expected]) expectReason(reasons.get(name), expected);
    expect(reasons.get('does-not-exist.pdf')).toBe('does-not-exist.pdf could not be read: it does not exist (or is a link to nothing).');
    for (const reason of reasons.values()) expect(reason.length).toBeLessThan(400);

    // The hostile pages import as their text only (the two share it once the image is gone, so
    // the second is a duplicate); the good file after everything imports too.
    expect(report.imported.map((i) => i.fileName).sort()).toEqual(['good-after-bad.txt', 'hostile-big-image.html']);
    expect(report.duplicates.map((d) => d.fileName)).toEqual(['hostile.html']);
    for (const item of report.imported.filter((i) => i.format === 'html')) {
      const doc = getDocument(t.ctx, item.id);
      expect(doc.text).toContain('Officials in Kessel said on Tuesday');
      expect(doc.text).toContain('repairs would begin once the wind dropped.');
      for (const marker of hostileMarkers) expect(doc.text).not.toContain(marker);
      expect(doc.text.length).toBeLessThan(2000);
    }

    // The unreadable folder: its good file imports, the rest is reported or skipped.
    const dirReport = await importPaths(t.ctx, [folder.dir]);
    expect(dirReport.imported.map((i) => i.fileName)).toEqual([folder.good]);
    for (const [name, expected] of folder.expected) expectReason(dirReport.failed.find((f) => f.fileName === name)?.reason, expected);
    expect(dirReport.skipped.map((s) => s.fileName)).toEqual(folder.skipped);
    expect(JSON.stringify(dirReport)).not.toContain('.hidden.txt');

    // Only whole documents are stored: the two from the corpus run and one from the folder.
    expect(rowCounts(t.store).documents).toBe(3);
    const integrity = t.store.db.pragma('integrity_check') as { integrity_check: string }[];
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(t.store.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('loads nothing from the network for a hostile page, and runs none of its code', async () => {
    const t = openTestContext();
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('<script>document.title="FETCHED RAN"</script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page = hostileHtml(
        `<img src="${origin}/img.png"><script src="${origin}/script.js"></script><iframe src="${origin}/frame.html"></iframe>` +
          `<link rel="stylesheet" href="${origin}/style.css"><video src="${origin}/v.mp4"></video><object data="${origin}/o"></object>`,
      ).replaceAll('https://evil.example', origin);
      const report = await importDropped(t.ctx, [{ name: 'hostile-local.html', data: new TextEncoder().encode(page) }]);
      expect(report.failed).toEqual([]);
      // Give anything that might have been started a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests).toEqual([]);
      const doc = getDocument(t.ctx, report.imported[0]!.id);
      for (const marker of hostileMarkers) expect(doc.text).not.toContain(marker);
    } finally {
      server.close();
    }
  });
});
