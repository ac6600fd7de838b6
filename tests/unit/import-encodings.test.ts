// Legacy encodings: text files, web pages and MHTML parts in Arabic, Cyrillic and Greek code
// pages are stored as the characters they hold, say how their encoding was decided, and a guess
// can be corrected by re-reading the file. Fixtures are written here by encoding the texts below
// with the WHATWG tables, so each test states its input.
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder as WhatwgDecoder } from '@exodus/bytes/encoding.js';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { createHandlers } from '../../electron/services/index';
import { getDocument } from '../../electron/services/library/documents';
import { importPaths } from '../../electron/services/library/import-jobs';
import { detectLegacyEncodings } from '../../electron/services/library/importers/charsets';
import { decodeHtml } from '../../electron/services/library/importers/html-decoding';
import { mhtmlToHtml } from '../../electron/services/library/importers/mhtml';
import { listLabels } from '../../electron/services/schema/labels';
import type { Envelope } from '../../shared/errors';
import type { ReencodeResult } from '../../shared/schemas/library';
import { openTestContext, type TestContext } from './helpers';

const arabic =
  'قال المتمردون إنهم سيطروا على مدينة درعا بعد معارك عنيفة استمرت ثلاثة أيام، ' +
  'ولم يتسن التحقق من ذلك بشكل مستقل. وأضافت مصادر محلية أن القتال ما زال مستمرا في الأحياء الشرقية، ' +
  'وأن مئات العائلات نزحت نحو القرى المجاورة خلال الليل.';
const russian =
  'Повстанцы заявили, что после трёх дней ожесточённых боёв захватили город Дорск. ' +
  'Независимо подтвердить это сообщение не удалось. Местные источники сообщают, что бои продолжаются ' +
  'в восточных кварталах, а сотни семей ночью ушли в соседние сёла.';
const greek =
  'Οι αντάρτες δήλωσαν ότι κατέλαβαν την πόλη μετά από τρεις ημέρες σκληρών μαχών. ' +
  'Δεν ήταν δυνατό να επιβεβαιωθεί ανεξάρτητα η πληροφορία. Τοπικές πηγές αναφέρουν ότι οι μάχες ' +
  'συνεχίζονται στις ανατολικές συνοικίες και ότι εκατοντάδες οικογένειες έφυγαν Άμεσα προς τα χωριά.';

/** Encodes text in a single-byte WHATWG encoding, by inverting its decoding table. */
function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const decoder = new WhatwgDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text], (ch) => {
    const b = byChar.get(ch);
    if (b === undefined) throw new Error(`${encoding} has no byte for ${ch}`);
    return b;
  });
}

function write(t: TestContext, name: string, bytes: Uint8Array | string): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function importOne(t: TestContext, file: string, encoding?: string) {
  const report = await importPaths(t.ctx, [file], encoding ? { encoding } : {});
  expect(report.failed).toEqual([]);
  expect(report.imported).toHaveLength(1);
  return { item: report.imported[0]!, text: getDocument(t.ctx, report.imported[0]!.id).text };
}

describe('legacy-encoded text files', () => {
  it.each([
    ['arabic.txt', 'windows-1256', arabic],
    ['russian.txt', 'windows-1251', russian],
    ['greek.txt', 'windows-1253', greek],
    ['russian-koi8.txt', 'koi8-r', russian],
  ])('%s in %s is stored as the characters it holds, its encoding marked as guessed', async (name, encoding, text) => {
    const t = openTestContext();
    const { item, text: stored } = await importOne(t, write(t, name, encodeSingleByte(text, encoding)));
    expect(stored).toBe(text);
    expect(item.encoding).toBe(encoding);
    expect(item.encodingGuess).not.toBeNull();
    expect(item.encodingGuess!.confidence).toBeGreaterThanOrEqual(10);
  });

  it('a UTF-8 file is not a guess', async () => {
    const t = openTestContext();
    const { item } = await importOne(t, write(t, 'utf8.txt', arabic));
    expect(item).toMatchObject({ encoding: 'utf-8', encodingGuess: null });
  });

  it('--encoding overrides detection, and a file the chosen encoding cannot read is refused', async () => {
    const t = openTestContext();
    const bytes = encodeSingleByte(russian, 'windows-1251');
    const { item, text } = await importOne(t, write(t, 'as-chosen.txt', bytes), 'cp1251');
    expect(text).toBe(russian);
    expect(item).toMatchObject({ encoding: 'windows-1251', encodingGuess: null });
    const report = await importPaths(t.ctx, [write(t, 'not-sjis.txt', Uint8Array.of(0x41, 0x82))], { encoding: 'shift_jis' });
    expect(report.failed[0]!.reason).toBe('not-sjis.txt is not valid shift_jis text: some of its bytes mean nothing in that encoding.');
  });

  it('never offers an encoding that turns bytes into control characters', () => {
    // 0x81 is a C1 control in Windows-1252's WHATWG table: not text.
    const guesses = detectLegacyEncodings(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x81, 0x20, 0x41));
    expect(guesses.map((g) => g.encoding)).not.toContain('windows-1252');
  });
});

describe('web pages', () => {
  const page = (body: string, head = '') => `<!doctype html><html><head>${head}<title>Report</title></head><body><p>${body}</p></body></html>`;

  it('honours a byte-order mark over the declared charset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page(arabic, '<meta charset="windows-1256">'))]);
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-8', source: 'bom' });
  });

  it('honours a declared legacy charset', () => {
    const html = page(arabic, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">');
    const decoded = decodeHtml(encodeSingleByte(html, 'windows-1256'));
    expect(decoded).toMatchObject({ encoding: 'windows-1256', source: 'declared' });
    expect(decoded.html).toContain(arabic);
  });

  it('trusts the bytes when a UTF-8 page declares gb2312', () => {
    const decoded = decodeHtml(new TextEncoder().encode(page(russian, '<meta charset="gb2312">')));
    expect(decoded).toMatchObject({ encoding: 'utf-8' });
    expect(decoded.html).toContain(russian);
  });

  it('detects an undeclared legacy page, and imports it with its text intact', async () => {
    const t = openTestContext();
    const { item, text } = await importOne(t, write(t, 'page.html', encodeSingleByte(page(greek), 'windows-1253')));
    expect(item.encoding).toBe('windows-1253');
    expect(item.encodingGuess).not.toBeNull();
    expect(text).toContain('Οι αντάρτες δήλωσαν');
  });

  it('decodes an MHTML part with charset=windows-1252 as Windows-1252 (“ is a quote, not U+0093)', () => {
    const html = page('The minister said \u201cthe town has fallen\u201d \u2014 officials couldn\u2019t confirm.');
    const body = Buffer.from(encodeSingleByte(html, 'windows-1252')).toString('base64');
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://news.example/story',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="B"',
      '',
      '--B',
      'Content-Type: text/html; charset=windows-1252',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '--B--',
      '',
    ].join('\r\n');
    const decoded = mhtmlToHtml('story.mhtml', new TextEncoder().encode(mhtml));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.html).toContain('\u201cthe town has fallen\u201d');
    expect(decoded.html).not.toContain('\u0093');
  });
});

describe('re-reading a guessed report in another encoding', () => {
  it('replaces the report with the file read as the chosen encoding, through the contract', async () => {
    const t = openTestContext();
    const file = write(t, 'cyrillic.txt', encodeSingleByte(russian, 'windows-1251'));
    const { item } = await importOne(t, file, undefined);
    const dispatch = createDispatcher(createHandlers(t.ctx));
    // Pretend the guess was wrong: read it as KOI8-R, then back as Windows-1251.
    const wrong = (await dispatch('documents.reencode', { id: item.id, encoding: 'koi8-r' })) as Envelope<ReencodeResult>;
    if (!wrong.ok) throw new Error(wrong.error.message);
    expect(wrong.value.replacedId).toBe(item.id);
    expect(wrong.value.imported.encoding).toBe('koi8-r');
    expect(() => getDocument(t.ctx, item.id)).toThrow();
    const right = (await dispatch('documents.reencode', { id: wrong.value.imported.id, encoding: 'windows-1251' })) as Envelope<ReencodeResult>;
    if (!right.ok) throw new Error(right.error.message);
    expect(getDocument(t.ctx, right.value.imported.id).text).toBe(russian);
  });

  it('refuses once the report has annotations, and changes nothing', async () => {
    const t = openTestContext();
    const { item } = await importOne(t, write(t, 'arabic.txt', encodeSingleByte(arabic, 'windows-1256')));
    const label = listLabels(t.ctx)[0]!;
    createAnnotation(t.ctx, { documentId: item.id, labelId: label.id, start: 0, end: 3 });
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const result = await dispatch('documents.reencode', { id: item.id, encoding: 'windows-1252' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'IN_USE' });
    expect(getDocument(t.ctx, item.id).text).toBe(arabic);
  });

  it('says how to re-read a report it no longer knows the file of', async () => {
    const t = openTestContext();
    const { item } = await importOne(t, write(t, 'utf8.txt', russian));
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const result = await dispatch('documents.reencode', { id: item.id, encoding: 'windows-1251' });
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
    expect(!result.ok && result.error.message).toContain('--encoding');
  });
});
