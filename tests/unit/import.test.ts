import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from '../../electron/services/library/documents';
import { importDropped, importPaths } from '../../electron/services/library/import-jobs';
import { markdownToText } from '../../electron/services/library/importers/markdown-text';
import { decodeText, firstInvalidUtf8Offset, maxImportBytes } from '../../electron/services/library/importers/text-decoding';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import { openTestContext, rowCounts, type TestContext } from './helpers';

const encoder = new TextEncoder();

function write(t: TestContext, name: string, content: string | Uint8Array): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? encoder.encode(content) : content);
  return file;
}

/** Imports one file that must fail, checks nothing was stored, and returns the reason. */
async function failingImport(t: TestContext, file: string): Promise<string> {
  const before = rowCounts(t.store);
  const report = await importPaths(t.ctx, [file]);
  expect(report.imported).toEqual([]);
  expect(report.failed).toHaveLength(1);
  expect(report.failed[0]!.fileName).toBe(path.basename(file));
  expect(rowCounts(t.store)).toEqual(before);
  return report.failed[0]!.reason;
}

async function importedText(t: TestContext, file: string): Promise<{ title: string; text: string }> {
  const report = await importPaths(t.ctx, [file]);
  expect(report.failed).toEqual([]);
  expect(report.imported).toHaveLength(1);
  const doc = getDocument(t.ctx, report.imported[0]!.id);
  expect(report.imported[0]!.title).toBe(doc.title);
  return { title: doc.title, text: doc.text };
}

describe('import of .txt files', () => {
  it('keeps the text as written, titled by its first short line', async () => {
    const t = openTestContext();
    const text = 'Rebels claim Dorsk\n\nZoë Haddad and سامر said the town fell. 👍🏽👨‍👩‍👧\n';
    const doc = await importedText(t, write(t, 'report.txt', text));
    expect(doc).toEqual({ title: 'Rebels claim Dorsk', text });
  });

  it('strips a UTF-8 BOM and turns CRLF and CR into LF', async () => {
    const t = openTestContext();
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('Title\r\nline two\rline three\r\n')]);
    expect((await importedText(t, write(t, 'crlf.txt', bytes))).text).toBe('Title\nline two\nline three\n');
  });

  it('does not Unicode-normalise: a combining accent survives', async () => {
    const t = openTestContext();
    const text = 'Cafe\u0301 and Nun\u0303ez';
    const doc = await importedText(t, write(t, 'accents.txt', text));
    expect(doc.text).toBe(text);
    expect(doc.text).not.toBe(text.normalize('NFC'));
  });

  it('titles a file whose first line is long by its file name', async () => {
    const t = openTestContext();
    const doc = await importedText(t, write(t, 'long-line.txt', 'word '.repeat(100)));
    expect(doc.title).toBe('long-line');
  });

  it('refuses empty and white-space-only files', async () => {
    const t = openTestContext();
    expect(await failingImport(t, write(t, 'empty.txt', ''))).toBe('empty.txt is empty.');
    expect(await failingImport(t, write(t, 'blank.txt', ' \n\r\n\t '))).toBe('blank.txt is empty.');
    expect(await failingImport(t, write(t, 'bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf])))).toBe('bom-only.txt is empty.');
  });

  it('refuses binary content', async () => {
    const t = openTestContext();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(await failingImport(t, write(t, 'image.txt', png))).toBe('image.txt looks like a binary file, not text.');
    expect(await failingImport(t, write(t, 'nul.txt', 'text with a \0 NUL'))).toContain('looks like a binary file');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and says so', async () => {
    const t = openTestContext();
    const latin1 = new Uint8Array([...encoder.encode('Caf'), 0xe9, ...encoder.encode(' au lait '), 0x80]);
    const report = await importPaths(t.ctx, [write(t, 'latin1.txt', latin1)]);
    expect(report.imported[0]).toMatchObject({ fileName: 'latin1.txt', format: 'txt', encoding: 'windows-1252' });
    expect(getDocument(t.ctx, report.imported[0]!.id)).toMatchObject({ text: 'Café au lait €', encoding: 'windows-1252', sourceFormat: 'txt' });
  });

  it('refuses invalid UTF-8 that no legacy encoding reads as text, naming the first bad byte', async () => {
    const t = openTestContext();
    const bad = new Uint8Array([...encoder.encode('Caf'), 0xe9, 0x81]);
    expect(await failingImport(t, write(t, 'bad.txt', bad))).toBe(
      'bad.txt is not valid UTF-8 text (first bad byte at offset 3), and no legacy encoding Glossa knows reads all its bytes; save it as UTF-8 and import it again.',
    );
  });

  it('reads UTF-16 with a BOM, and refuses a broken one', async () => {
    const t = openTestContext();
    const report = await importPaths(t.ctx, [write(t, 'wide.txt', new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]))]);
    expect(report.imported[0]).toMatchObject({ encoding: 'utf-16le' });
    expect(getDocument(t.ctx, report.imported[0]!.id).text).toBe('Hi');
    expect(await failingImport(t, write(t, 'odd.txt', new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00])))).toContain('not valid UTF-16');
  });

  it('refuses a 100 MB file without reading it', async () => {
    const t = openTestContext();
    const file = path.join(t.dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 100 * 1024 * 1024); // sparse: no 100 MB actually written
    expect(await failingImport(t, file)).toBe('huge.txt is 100.0 MB; Glossa imports text files up to 32.0 MB.');
  });

  it('refuses an unsupported extension, and walks a folder named like a file', async () => {
    const t = openTestContext();
    expect(await failingImport(t, write(t, 'report.xlsx', 'not a report'))).toContain('cannot import .xlsx files');
    expect(await failingImport(t, write(t, 'README', 'no extension'))).toContain('files without an extension');
    expect(await failingImport(t, write(t, 'report.pdf', 'not really a pdf'))).toBe('report.pdf is not a PDF (it does not start with a PDF header).');
    // A folder named like a file is a folder: walked, not read as a file.
    fs.mkdirSync(path.join(t.dir, 'folder.txt'));
    write(t, 'folder.txt/inside.txt', 'Inside a folder named like a file.');
    const report = await importPaths(t.ctx, [path.join(t.dir, 'folder.txt')]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['folder.txt/inside.txt']);
  });

  it('reports a vanished file and imports the rest', async () => {
    const t = openTestContext();
    const good = write(t, 'good.txt', 'A good report.');
    const gone = write(t, 'gone.txt', 'Soon gone.');
    fs.rmSync(gone);
    const report = await importPaths(t.ctx, [gone, good]);
    expect(report.failed).toEqual([{ fileName: 'gone.txt', reason: 'gone.txt could not be read: it does not exist (or is a link to nothing).' }]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['good.txt']);
    expect(rowCounts(t.store).documents).toBe(1);
  });

  it('reports a second copy of the same text as a duplicate', async () => {
    const t = openTestContext();
    const first = write(t, 'first.txt', 'Same words.');
    const second = write(t, 'second.txt', '\uFEFFSame words.'); // differs only by its BOM
    const report = await importPaths(t.ctx, [first, second]);
    expect(report.imported).toHaveLength(1);
    expect(report.duplicates).toEqual([
      { fileName: 'second.txt', existingId: report.imported[0]!.id, title: 'Same words.' },
    ]);
    expect((await importPaths(t.ctx, [first])).duplicates).toHaveLength(1);
    expect(rowCounts(t.store).documents).toBe(1);
  });
});

describe('import of .md files', () => {
  it('turns Markdown into plain paragraphs titled by the first heading, with no HTML', async () => {
    const t = openTestContext();
    const md = [
      '# Situation report: *Northern* Vell',
      '',
      'Rebels [said](https://example.org) they held `Dorsk` &amp; Halvik.',
      'A soft break.',
      '',
      '<script>alert("x")</script>',
      '',
      '- first item',
      '- second <b>item</b>',
      '',
      '> According to a monitoring group, 40 died.',
      '',
      '## Background',
      '',
      '```',
      'code stays',
      '```',
    ].join('\n');
    const doc = await importedText(t, write(t, 'sitrep.md', md));
    expect(doc.title).toBe('Situation report: Northern Vell');
    expect(doc.text).toBe(
      [
        'Situation report: Northern Vell',
        'Rebels said they held Dorsk & Halvik. A soft break.',
        'first item',
        'second item',
        'According to a monitoring group, 40 died.',
        'Background',
        'code stays',
      ].join('\n\n'),
    );
    expect(doc.text).not.toMatch(/[<>]/);
  });

  it('refuses Markdown that holds nothing but markup', async () => {
    const t = openTestContext();
    expect(await failingImport(t, write(t, 'markup.md', '<div></div>\n\n---\n'))).toContain('is empty');
  });
});

describe('import of dropped files', () => {
  it('imports bytes, keeps only the last part of the name, and reports failures per file', async () => {
    const t = openTestContext();
    const report = await importDropped(t.ctx, [
      { name: 'C:\\Users\\ana\\notes.txt', data: encoder.encode('Dropped text.') },
      { name: 'bad.txt', data: new Uint8Array([0xc3, 0x28, 0x81]) },
      { name: 'big.txt', data: new Uint8Array(maxImportBytes + 1) },
    ]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['notes.txt']);
    expect(report.failed.map((f) => f.reason)).toEqual([
      'bad.txt is not valid UTF-8 text (first bad byte at offset 0), and no legacy encoding Glossa knows reads all its bytes; save it as UTF-8 and import it again.',
      'big.txt is 32.0 MB; Glossa imports text files up to 32.0 MB.',
    ]);
  });

  it('goes through the dispatcher with the contract’s validation', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const result = await dispatch('documents.importDropped', {
      files: [{ name: 'a.md', data: encoder.encode('# Heading\n\nBody') }],
    });
    expect(result.ok && result.value).toMatchObject({ imported: [{ title: 'Heading', fileName: 'a.md' }] });
  });
});

describe('text decoding', () => {
  it('finds the first bad byte the way Python reports it', async () => {
    const cases: [number[], number][] = [
      [[0x61, 0x80], 1], // stray continuation byte
      [[0x61, 0xc0, 0x80], 1], // overlong
      [[0xed, 0xa0, 0x80], 0], // encoded surrogate
      [[0x61, 0x62, 0xe2, 0x82], 2], // truncated at the end
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0xe2, 0x82, 0xac, 0xff], 3],
    ];
    for (const [bytes, offset] of cases) expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });

  it('counts the BOM in the offset it reports', async () => {
    expect(() => decodeText('x.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toThrow('offset 4');
  });
});

describe('Markdown front matter', () => {
  it('is left out of the text, and its title is used', async () => {
    const md = '---\ntitle: "Field notes: Dorsk"\ndate: 2026-03-14\n---\n# Day one\n\nWe reached the bridge.';
    expect(markdownToText(md)).toEqual({ title: 'Field notes: Dorsk', text: 'Day one\n\nWe reached the bridge.' });
    expect(markdownToText('---\ndate: x\n---\nBody only.')).toEqual({ title: null, text: 'Body only.' });
  });
});
