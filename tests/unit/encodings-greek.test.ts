// Issue 12, legacy encodings on real files: one of python-chardet's ISO-8859-7 Greek files was
// stored as Windows-1253, turning each elision apostrophe (απ’τον, 0xA2) into Ά. The committed
// fixtures (tests/fixtures/encodings, generated) have both code pages' shapes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from '../../electron/services/library/documents';
import { importPaths } from '../../electron/services/library/import-jobs';
import { openTestContext } from './helpers';

const dir = path.resolve(__dirname, '../fixtures/encodings');

describe('Greek code pages', () => {
  it.each([
    ['greek-iso-8859-7.txt', 'iso-8859-7', 'απ’τον πάγκο'],
    ['greek-windows-1253.txt', 'windows-1253', 'η Άννα μίλησε'],
  ])('%s is read as %s, with its letters and apostrophes', async (name, encoding, phrase) => {
    const t = openTestContext();
    const report = await importPaths(t.ctx, [path.join(dir, name)]);
    const item = report.imported[0]!;
    expect(item.encoding).toBe(encoding);
    expect(item.encodingGuess).not.toBeNull();
    const text = getDocument(t.ctx, item.id).text;
    expect(text).toContain(phrase);
    expect(text).toBe(new TextDecoder(encoding).decode(fs.readFileSync(path.join(dir, name))));
  });
});
