// Bad input: a clear message naming the file (and line), and nothing partial imported.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { zip } from '../../electron/services/datasets/files';
import { addText, openTestContext, rowCounts } from './helpers';
import { seedUnicode } from './formats-helpers';

async function failure(fn: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('bad input is refused whole, with the file and line named', () => {
  it('a malformed JSON line: file and line in the message, no document or annotation kept', async () => {
    const { ctx, dir, store } = openTestContext();
    const file = path.join(dir, 'broken.jsonl');
    fs.writeFileSync(file, '{"text": "Good line.", "label": [[0, 4, "Claim"]]}\n\n{"text": "Oops", "label": [[0, 2, "Claim"]\n');
    const before = rowCounts(store);
    const error = await failure(() => importAnnotations(ctx, 'doccano', file));
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toMatch(/^broken\.jsonl line 3: not valid JSON/);
    expect(error.message).toContain('Nothing was imported');
    expect(rowCounts(store)).toEqual(before);
  });

  it('a line that is JSON but not a document names its line too', async () => {
    const { ctx, dir } = openTestContext();
    const file = path.join(dir, 'odd.jsonl');
    fs.writeFileSync(file, '{"text": "A."}\n[1, 2]\n');
    expect((await failure(() => importAnnotations(ctx, 'doccano', file))).message).toMatch(/^odd\.jsonl line 2: Each line must be a JSON object/);
  });

  it('brat offsets beyond the text', async () => {
    const { ctx, dir, store } = openTestContext();
    const folder = path.join(dir, 'brat');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Short text.');
    fs.writeFileSync(path.join(folder, 'a.ann'), 'T1\tClaim 0 5\tShort\nT2\tClaim 6 40\ttext and more\n');
    const before = rowCounts(store);
    const error = await failure(() => importAnnotations(ctx, 'brat', folder));
    expect(error.message).toMatch(/^a\.ann line 2: offsets 6–40 are beyond the text of a\.txt \(11 characters\)/);
    expect(rowCounts(store)).toEqual(before);
  });

  it('a Label Studio file from another labeling config', async () => {
    const { ctx, dir } = openTestContext();
    const file = path.join(dir, 'images.json');
    fs.writeFileSync(
      file,
      JSON.stringify([{ data: { image: 'http://x/1.jpg' }, annotations: [{ result: [{ type: 'rectanglelabels', from_name: 'box', to_name: 'image', value: { x: 1, y: 2, rectanglelabels: ['Car'] } }] }] }]),
    );
    const error = await failure(() => importAnnotations(ctx, 'labelstudio', file));
    expect(error.message).toMatch(/^images\.json: task 1 was made with another labeling config: its data has no "text" field \(fields: image; result types: rectanglelabels\)/);
  });

  it('an archive from a newer Glossa', async () => {
    const { ctx, dir, store } = openTestContext();
    const file = path.join(dir, 'new.glossa');
    fs.writeFileSync(
      file,
      zip([
        { name: 'manifest.json', data: Buffer.from(JSON.stringify({ glossaArchive: 99, appVersion: '9.0.0' })) },
        { name: 'documents.jsonl', data: Buffer.from('') },
      ]),
    );
    const error = await failure(() => importAnnotations(ctx, 'archive', file));
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toMatch(/new\.glossa was written by a newer version of Glossa \(9\.0\.0, archive version 99/);
    expect(rowCounts(store).documents).toBe(0);
  });

  it('zip bombs: a huge declared size, and an entry that unpacks to more than it declares', async () => {
    const { ctx, dir } = openTestContext();
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const honest = path.join(dir, 'bomb.glossa');
    fs.writeFileSync(honest, zip([{ name: 'manifest.json', data: zeros }]));
    expect(fs.statSync(honest).size).toBeLessThan(200_000);
    expect((await failure(() => importAnnotations(ctx, 'archive', honest))).message).toMatch(/^bomb\.glossa: "manifest\.json" would unpack to 64 MB from \d+ bytes \(a zip bomb\)/);
    // The same entry claiming to be 10 bytes: inflation stops at 10 and the archive is refused.
    const lying = zip([{ name: 'manifest.json', data: zeros }]);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, central + 24);
    lying.writeUInt32LE(10, 22);
    const liar = path.join(dir, 'liar.glossa');
    fs.writeFileSync(liar, lying);
    expect((await failure(() => importAnnotations(ctx, 'archive', liar))).message).toMatch(/^liar\.glossa: "manifest\.json" unpacks to more than it declares/);
    expect(zlib.inflateRawSync(zlib.deflateRawSync(Buffer.from('ok'))).toString()).toBe('ok');
  });

  it('a 1 GB file (sparse) is refused before it is read', async () => {
    const { ctx, dir } = openTestContext();
    const file = path.join(dir, 'huge.jsonl');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 1024 ** 3);
    const error = await failure(() => importAnnotations(ctx, 'doccano', file));
    expect(error.message).toBe('huge.jsonl is 1.0 GB; Glossa imports annotation files up to 256 MB. Split it and import the parts. Nothing was imported.');
  });

  it('a later error leaves nothing of earlier documents (one transaction)', async () => {
    const { ctx, dir, store } = openTestContext();
    const file = path.join(dir, 'late.jsonl');
    const good = JSON.stringify({ text: 'A good report about Dorsk.', label: [[20, 25, 'Location']] });
    fs.writeFileSync(file, `${good}\n`.repeat(50) + '{"text": 5}\n');
    expect((await failure(() => importAnnotations(ctx, 'doccano', file))).message).toMatch(/^late\.jsonl line 51: has no "text" string/);
    expect(rowCounts(store)).toEqual({ documents: 0, annotations: 0 });
  });

  it('an annotation whose quote is gone is reported, not placed; a moved one is re-anchored', async () => {
    const { ctx, dir } = openTestContext();
    addText(ctx, 'Shelling near Dorsk. Later, shelling near Veskar was reported.', 'Stored');
    const file = path.join(dir, 'shifted.jsonl');
    // The same report with a new first sentence: offsets moved by 10; one quote not in the stored text.
    const theirs = 'Breaking. Shelling near Dorsk. Later, shelling near Veskar was reported.';
    fs.writeFileSync(
      file,
      JSON.stringify({
        text: 'Shelling near Dorsk. Later, shelling near Veskar was reported.',
        entities: [
          { id: 1, label: 'Location', start_offset: 24, end_offset: 29, quote: 'Dorsk' },
          { id: 2, label: 'Location', start_offset: 52, end_offset: 58, quote: 'Veskar' },
          { id: 3, label: 'Claim', start_offset: 0, end_offset: 9, quote: 'Breaking.' },
        ],
      }) + '\n',
    );
    expect(theirs.slice(24, 29)).toBe('Dorsk');
    const report = await importAnnotations(ctx, 'doccano', file);
    expect(report).toMatchObject({ documentsMatched: 1, documentsAdded: 0, annotationsImported: 2, annotationsReanchored: 2 });
    expect(report.unanchored).toEqual([
      { file: 'shifted.jsonl', line: 1, document: 'shifted.jsonl line 1', label: 'Claim', quote: 'Breaking.', reason: 'its quote does not occur in the text' },
    ]);
  });

  it('an export to a folder that cannot be written changes nothing (brat)', async () => {
    const { ctx, dir } = openTestContext();
    seedUnicode(ctx);
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'x');
    expect((await failure(() => exportDataset(ctx, { format: 'brat' }, path.join(blocker, 'brat')))).code).toBe('EXPORT_FAILED');
    expect((await failure(() => exportDataset(ctx, { format: 'brat' }, blocker))).message).toMatch(/a file with that name is in the way/);
    expect(fs.readdirSync(dir).sort()).toEqual(['file', 'glossa.sqlite', 'glossa.sqlite-lock', 'glossa.sqlite-shm', 'glossa.sqlite-wal'].filter((f) => fs.existsSync(path.join(dir, f))));
  });
});
