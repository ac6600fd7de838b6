// The committed good fixtures (tests/fixtures/good, made by tests/fixtures/make-fixtures.ts)
// import to the text and metadata we expect, through the real pipeline (worker and store).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from '../../electron/services/library/documents';
import { importDropped, importPaths } from '../../electron/services/library/import-jobs';
import { joinLines } from '../../electron/services/library/importers/pdf';
import { parseBytes } from '../../electron/services/library/importers/parse';
import { story, storyText } from '../fixtures/story';
import { openTestContext, type TestContext } from './helpers';

const good = path.resolve(__dirname, '../fixtures/good');

async function importOne(t: TestContext, name: string) {
  const report = await importPaths(t.ctx, [path.join(good, name)]);
  expect(report.failed).toEqual([]);
  expect(report.imported).toHaveLength(1);
  return { item: report.imported[0]!, doc: getDocument(t.ctx, report.imported[0]!.id) };
}

describe('import of real samples', () => {
  it('PDF: paragraphs rebuilt, hyphen and running header, footer and page numbers gone, pages mapped', async () => {
    const t = openTestContext();
    const { item, doc } = await importOne(t, 'situation-report.pdf');
    expect(item).toMatchObject({ format: 'pdf', encoding: null, title: story.title });
    expect(doc.text).toBe(storyText);
    expect(doc.text).not.toMatch(/NORTHWIND WIRE - SITUATION REPORT|Page \d of/);
    expect(doc.text).toContain('closed as a precaution.');
    expect(doc).toMatchObject({ title: story.title, author: story.author, sourceFormat: 'pdf' });
    // Page 2 starts inside the paragraph that runs over the break, at "over the weekend."
    const page2 = doc.text.indexOf('over the weekend.');
    expect(doc.pageMap).toEqual([
      [0, 1],
      [page2, 2],
    ]);
  });

  it('DOCX: headings and paragraphs as text, title and author from its properties', async () => {
    const t = openTestContext();
    const { item, doc } = await importOne(t, 'briefing.docx');
    expect(item).toMatchObject({ format: 'docx', title: story.title });
    expect(doc.text).toBe([story.title, ...story.paragraphs.slice(0, 2), 'Water levels', ...story.paragraphs.slice(2)].join('\n\n'));
    expect(doc).toMatchObject({ author: story.author, sourceFormat: 'docx', pageMap: null });
  });

  it('HTML: the article without navigation, ads, related links or scripts, with the page’s metadata', async () => {
    const t = openTestContext();
    const { item, doc } = await importOne(t, 'wire-story.html');
    expect(item).toMatchObject({ format: 'html', encoding: 'utf-8' });
    expect(doc).toMatchObject({
      title: story.title,
      outlet: story.outlet,
      author: story.author,
      publishedAt: story.date,
      url: story.url,
      sourceFormat: 'html',
      encoding: 'utf-8',
    });
    for (const paragraph of story.paragraphs) expect(doc.text).toContain(paragraph);
    expect(doc.text.startsWith(story.title)).toBe(true);
    for (const furniture of ['Advertisement', 'Related stories', 'Storms close ports', 'cookies', 'All rights reserved', 'Business', 'tracker', 'pwned']) {
      expect(doc.text).not.toContain(furniture);
    }
    expect(doc.text).not.toMatch(/[<>]/);
  });

  it('MHTML: the saved page’s HTML part, with its address; the same text as the HTML is a duplicate', async () => {
    const t = openTestContext();
    const parsed = await parseBytes('wire-story.mhtml', fs.readFileSync(path.join(good, 'wire-story.mhtml')));
    expect(parsed).toMatchObject({ title: story.title, outlet: story.outlet, author: story.author, url: story.url, sourceFormat: 'mhtml' });
    for (const paragraph of story.paragraphs) expect(parsed.text).toContain(paragraph);
    const report = await importPaths(t.ctx, [path.join(good, 'wire-story.html'), path.join(good, 'wire-story.mhtml')]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['wire-story.html']);
    expect(report.duplicates).toEqual([{ fileName: 'wire-story.mhtml', existingId: report.imported[0]!.id, title: story.title }]);
  });

  it('text in UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM, and Windows-1252, each saying its encoding', async () => {
    const t = openTestContext();
    const expected: [string, string, string][] = [
      ['utf8.txt', 'utf-8', ''],
      ['utf8-bom.txt', 'utf-8', ' (BOM)'],
      ['utf16le.txt', 'utf-16le', ' (UTF-16 LE)'],
      ['utf16be.txt', 'utf-16be', ' (UTF-16 BE)'],
      ['windows-1252.txt', 'windows-1252', ' (Windows-1252)'],
    ];
    const report = await importPaths(t.ctx, expected.map(([name]) => path.join(good, name)));
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => [i.fileName, i.encoding])).toEqual(expected.map(([name, encoding]) => [name, encoding]));
    for (const [i, [, encoding, suffix]] of expected.entries()) {
      const doc = getDocument(t.ctx, report.imported[i]!.id);
      expect(doc.encoding).toBe(encoding);
      expect(doc.text).toBe(`${story.title}${suffix}\n\nZoë Haddad said the café in Sønderby reopened — prices in € were unchanged.\n`);
    }
  });

  it('a whole folder, recursively, with its files named by their path from the folder', async () => {
    const t = openTestContext();
    const report = await importPaths(t.ctx, [good]);
    expect(report.failed).toEqual([]);
    expect(report.cancelled).toBe(false);
    // The HTML, the MHTML, the PDF and the DOCX carry the same story; re-wrapped or not, the
    // normalised text hashes the same for the MHTML, so it is a duplicate of the HTML.
    expect(report.imported.map((i) => i.fileName).sort()).toEqual(
      ['briefing.docx', 'situation-report.pdf', 'utf16be.txt', 'utf16le.txt', 'utf8-bom.txt', 'utf8.txt', 'windows-1252.txt', 'wire-story.html'].map((n) => `good/${n}`),
    );
    expect(report.duplicates.map((d) => d.fileName)).toEqual(['good/wire-story.mhtml']);
  });
});

describe('duplicates by normalised text', () => {
  it('treats text differing only in white space, line endings or Unicode composition as the same report, and case as another (issue 12)', async () => {
    const t = openTestContext();
    const enc = new TextEncoder();
    const report = await importDropped(t.ctx, [
      { name: 'a.txt', data: enc.encode('Café in Dorsk\n\nRebels   said they took the bridge.') },
      { name: 'b.txt', data: enc.encode('Cafe\u0301 in Dorsk\r\nRebels said they\ttook the bridge.  ') },
      { name: 'c.md', data: enc.encode('# Café in Dorsk\n\nRebels said *they* took the bridge.') },
      { name: 'd.txt', data: enc.encode('Café in Dorsk\n\nRebels said they took the bridge!') },
      { name: 'e.txt', data: enc.encode('CAFE\u0301 IN DORSK\r\nrebels said they\ttook the bridge.  ') },
    ]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['a.txt', 'd.txt', 'e.txt']);
    expect(report.duplicates.map((d) => d.fileName)).toEqual(['b.txt', 'c.md']);
  });
});

describe('PDF line joining', () => {
  it('removes end-of-line hyphens inside a word, keeps those of compounds and ranges, and joins other lines with a space', () => {
    expect(joinLines(['a precau-', 'tion.'])).toBe('a precaution.');
    expect(joinLines(['the Franco-', 'German border'])).toBe('the Franco-German border');
    expect(joinLines(['first line', 'second line'])).toBe('first line second line');
    expect(joinLines(['in 1990-', '1995 the range'])).toBe('in 1990-1995 the range');
    expect(joinLines(['a dash -', 'then more'])).toBe('a dash - then more');
  });
});
