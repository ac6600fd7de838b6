// Issue 11, items 5, 6 and 8: main reads only what the user granted, safely. The page cannot name
// a path; links do not lead out of a chosen folder; devices and FIFOs are refused at once without
// blocking other calls; error messages never quote a file; every dropped item is reported; the
// limits of a report import apply to every import.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { importAnnotations } from '../../electron/services/datasets/import';
import { zip } from '../../electron/services/datasets/files';
import { grantDroppedPaths } from '../../electron/services/grants';
import { createHandlers } from '../../electron/services/index';
import { appendAll, importPaths } from '../../electron/services/library/import-jobs';
import { parseBytes } from '../../electron/services/library/importers/parse';
import { schemaJson } from '../../electron/services/schema/schema-file';
import { openTestContext, rowCounts, type TestContext } from './helpers';
import { zipOf } from './import-corpus';

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the import to be refused');
}

/** How long a promise takes to settle, in ms, and whether it was refused. */
async function timed(run: () => Promise<unknown>): Promise<{ ms: number; error: { code: string; message: string } | null }> {
  const started = performance.now();
  try {
    await run();
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error: error as { code: string; message: string } };
  }
}

function bratFolder(t: TestContext, name: string, files: Record<string, string>): string {
  const folder = path.join(t.dir, name);
  fs.mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), content);
  return folder;
}

function archiveOf(t: TestContext, documents: object[]): Buffer {
  const lines = (list: object[]) => Buffer.from(list.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return zip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify({ glossaArchive: 1, appVersion: 'test', offsetUnit: 'utf16' })) },
    { name: 'schema.json', data: Buffer.from(schemaJson(t.ctx)) },
    { name: 'documents.jsonl', data: lines(documents) },
    { name: 'annotations.jsonl', data: Buffer.from('') },
    { name: 'relations.jsonl', data: Buffer.from('') },
  ]);
}

describe('the page never names a path main reads', () => {
  it('paths sent by the page are refused, and so are tokens main never gave: nothing is read or imported', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    // /etc/passwd renamed to a report type, as the page could name it.
    const passwd = path.join(t.dir, 'passwd.txt');
    fs.copyFileSync('/etc/passwd', passwd);
    const before = rowCounts(t.store);
    expect(await dispatch('documents.importPaths', { paths: [passwd] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('documents.importGranted', { tokens: [passwd] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('datasets.importAnnotations', { format: 'doccano', path: passwd })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('datasets.importAnnotations', { format: 'doccano', token: 'forged' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('datasets.openDroppedArchive', { path: '/tmp/x.glossa' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(rowCounts(t.store)).toEqual(before);
  });

  it('a .md link in a dropped folder to a file outside it is reported, not imported', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const secret = path.join(t.dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP SECRET outside the folder');
    const folder = path.join(t.dir, 'dropped');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'sub', 'real.md'), '# Inside\n\nA report inside the folder.');
    fs.symlinkSync(secret, path.join(folder, 'out.md'));
    fs.symlinkSync('/etc/passwd', path.join(folder, 'passwd.md'));
    fs.symlinkSync(path.join(folder, 'sub', 'real.md'), path.join(folder, 'in.md'));
    const tokens = grantDroppedPaths(t.ctx.grants, [folder]).map((g) => g.token);
    const answer = await dispatch('documents.importGranted', { tokens });
    expect(answer.ok).toBe(true);
    const report = (answer as { value: { imported: { fileName: string }[]; duplicates: { fileName: string }[]; skipped: { fileName: string; reason: string }[] } }).value;
    expect(report.imported.map((i) => i.fileName)).toEqual(['dropped/in.md']);
    expect(report.duplicates.map((i) => i.fileName)).toEqual(['dropped/sub/real.md']);
    expect(report.skipped).toEqual([
      { fileName: 'dropped/out.md', reason: expect.stringContaining('outside the chosen folder') },
      { fileName: 'dropped/passwd.md', reason: expect.stringContaining('outside the chosen folder') },
    ]);
    const texts = t.store.db.prepare('SELECT text FROM documents').pluck().all() as string[];
    expect(texts.some((text) => text.includes('TOP SECRET') || text.includes('root:'))).toBe(false);
  });
});

describe('error messages name the file, never its content', () => {
  const content = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
  const leaks = (message: string) => message.includes('root:x') || message.includes('/bin/bash') || message.includes('daemon');

  it.each([
    ['doccano', 'passwd.jsonl'],
    ['labelstudio', 'passwd.json'],
    ['w3c', 'passwd.jsonld'],
    ['archive', 'passwd.glossa'],
  ] as const)('%s', async (format, name) => {
    const t = openTestContext();
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, content);
    const error = await failure(() => importAnnotations(t.ctx, format, file));
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toContain(name);
    expect(leaks(error.message), error.message).toBe(false);
  });

  it('brat (.ann lines, documents.json) and a Glossa archive whose manifest is not JSON', async () => {
    const t = openTestContext();
    for (const ann of [content, `T1\t${content}`, `R1\t${content}`, `A1\t\n`, `#1\tGlossaId T1\t${content}`]) {
      const folder = bratFolder(t, `brat-${Math.random().toString(36).slice(2)}`, { 'a.txt': 'Some text here.', 'a.ann': `T1\tClaim 0 4\tSome\n${ann}` });
      const error = await failure(() => importAnnotations(t.ctx, 'brat', folder));
      expect(leaks(error.message), error.message).toBe(false);
    }
    const folder = bratFolder(t, 'brat-meta', { 'a.txt': 'Some text.', 'a.ann': '', 'documents.json': content });
    expect(leaks((await failure(() => importAnnotations(t.ctx, 'brat', folder))).message)).toBe(false);
    const archive = path.join(t.dir, 'manifest.glossa');
    fs.writeFileSync(archive, zip([{ name: 'manifest.json', data: Buffer.from(content) }]));
    expect(leaks((await failure(() => importAnnotations(t.ctx, 'archive', archive))).message)).toBe(false);
  });
});

describe('dataset reads: regular files only, inside the chosen folder, without blocking', () => {
  it('brat: a .txt, .ann or documents.json link out of the folder is refused; a link inside it is followed', async () => {
    const t = openTestContext();
    const outside = path.join(t.dir, 'outside.txt');
    fs.writeFileSync(outside, 'Secret text outside the folder.');
    const cases: [string, string][] = [
      ['a.txt', outside],
      ['a.ann', outside],
      ['documents.json', outside],
    ];
    for (const [linked, target] of cases) {
      const files: Record<string, string> = { 'a.txt': 'Rebels took the bridge.', 'a.ann': 'T1\tClaim 0 6\tRebels\n' };
      delete files[linked];
      const folder = bratFolder(t, `out-${linked}`, files);
      fs.symlinkSync(target, path.join(folder, linked));
      const error = await failure(() => importAnnotations(t.ctx, 'brat', folder));
      expect(error.message, linked).toContain('outside the chosen folder');
    }
    expect(rowCounts(t.store).documents).toBe(0);
    const folder = bratFolder(t, 'inside', { 'real.txt': 'Rebels took the bridge.', 'a.ann': 'T1\tClaim 0 6\tRebels\n' });
    fs.symlinkSync(path.join(folder, 'real.txt'), path.join(folder, 'a.txt'));
    expect(await importAnnotations(t.ctx, 'brat', folder)).toMatchObject({ documentsAdded: 1, annotationsImported: 1 });
  });

  it('/dev/zero is refused at once, chosen directly or through a .ann link', async () => {
    const t = openTestContext();
    const direct = await timed(() => importAnnotations(t.ctx, 'doccano', '/dev/zero'));
    expect(direct.error?.message).toMatch(/^zero is not a regular file \(it is a device, pipe or socket\)/);
    expect(direct.ms).toBeLessThan(1000);
    const folder = bratFolder(t, 'zero', { 'a.txt': 'Text.' });
    fs.symlinkSync('/dev/zero', path.join(folder, 'a.ann'));
    const linked = await timed(() => importAnnotations(t.ctx, 'brat', folder));
    expect(linked.error?.code).toBe('IMPORT_FAILED');
    expect(linked.ms).toBeLessThan(1000);
    // A /proc file says it is empty and is not: refused, and its content is not quoted.
    const proc = await timed(() => importAnnotations(t.ctx, 'labelstudio', '/proc/self/environ'));
    expect(proc.error?.code).toBe('IMPORT_FAILED');
    expect(proc.error?.message).not.toMatch(/PATH=|HOME=/);
  });

  it('a FIFO is refused at once, directly and through a .ann link, while other calls are answered', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const folder = bratFolder(t, 'fifo', { 'a.txt': 'Text.' });
    const fifo = path.join(folder, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    fs.symlinkSync(fifo, path.join(folder, 'a.ann'));
    // A token as the open dialog would give it.
    t.dialogs.filesToImport = [fifo];
    const plan = dispatch('datasets.chooseImport', { format: 'doccano' });
    const meanwhile = await timed(() => dispatch('documents.list', {}));
    expect(meanwhile.ms).toBeLessThan(2000);
    const direct = await timed(() => plan);
    expect(direct.ms).toBeLessThan(2000);
    expect(await plan).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED', message: expect.stringContaining('not a regular file') } });
    const linked = await timed(() => importAnnotations(t.ctx, 'brat', folder));
    expect(linked.error?.message).toContain('not a regular file');
    expect(linked.ms).toBeLessThan(2000);
  });
});

describe('report imports: limits that hold for any folder', () => {
  it('a folder of 1,000 files of other types reports each one skipped (the 150,001 case is in npm run bench)', async () => {
    const t = openTestContext();
    const folder = path.join(t.dir, 'others');
    fs.mkdirSync(folder);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(folder, `data-${i}.dat`), '');
    const report = await importPaths(t.ctx, [folder]);
    expect(report.skipped).toHaveLength(1000);
    expect(report.failed).toEqual([]);
  });

  it('appending 150,001 reported items does not overflow the call stack (as push(...list) did)', () => {
    const target: number[] = [1];
    appendAll(target, Array.from({ length: 150_001 }, (_, i) => i));
    expect(target).toHaveLength(150_002);
  });

  it('a 3.6 KB DOCX that unpacks to 1 MB of paragraphs is refused from its zip directory in well under a second', async () => {
    const paragraphs = '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(30_000);
    const bytes = zipOf([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ['word/document.xml', Buffer.from(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`)],
    ]);
    expect(bytes.length).toBeLessThan(5000);
    await import('../../electron/services/library/importers/docx');
    const refused = await timed(() => parseBytes('paragraphs.docx', bytes));
    expect(refused.error?.message).toMatch(/^paragraphs\.docx was refused: word\/document\.xml is packed \d+ to 1/);
    expect(refused.ms).toBeLessThan(500);
  });
});

describe('every dropped item is reported; every limit applies to every import', () => {
  it('brat: repeated T ids are reported per file with a count and a reason', async () => {
    const t = openTestContext();
    const folder = bratFolder(t, 'repeats', {
      'a.txt': 'Rebels took the bridge at dawn.',
      'a.ann': 'T1\tClaim 0 6\tRebels\nT1\tClaim 7 11\ttook\nT2\tSource 12 15\tthe\nT2\tClaim 16 22\tbridge\nT2\tClaim 23 25\tat\n',
      'b.txt': 'Another text.',
      'b.ann': 'T1\tClaim 0 7\tAnother\n',
    });
    const report = await importAnnotations(t.ctx, 'brat', folder);
    expect(report.annotationsImported).toBe(3);
    expect(report.dropped).toEqual([{ file: 'a.ann', count: 3, reason: expect.stringMatching(/^3 annotations repeat the ids T1, T2 of an earlier one/) }]);
  });

  it('archive: repeated document ids are reported with a count and a reason', async () => {
    const t = openTestContext();
    const file = path.join(t.dir, 'repeats.glossa');
    fs.writeFileSync(file, archiveOf(t, [{ id: 'doc-1', text: 'First text.' }, { id: 'doc-1', text: 'Second text.' }, { id: 'doc-2', text: 'Third.' }]));
    const report = await importAnnotations(t.ctx, 'archive', file);
    expect(report.documentsAdded).toBe(2);
    expect(report.dropped).toEqual([{ file: 'repeats.glossa/documents.jsonl', count: 1, reason: expect.stringContaining('line 2') }]);
  });

  it('the 20 M-character limit applies to doccano and archive imports', async () => {
    const t = openTestContext();
    // Random letters, so the archive's entry packs like text, not like a zip bomb.
    const huge = randomBytes(15_000_001).toString('base64').slice(0, 20_000_001);
    const doccano = path.join(t.dir, 'huge.jsonl');
    fs.writeFileSync(doccano, JSON.stringify({ text: huge, label: [] }) + '\n');
    const fromDoccano = await failure(() => importAnnotations(t.ctx, 'doccano', doccano));
    expect(fromDoccano.message).toMatch(/^huge\.jsonl line 1: a document has 20,000,001 characters of text; Glossa stores up to 20,000,000/);
    const archive = path.join(t.dir, 'huge.glossa');
    fs.writeFileSync(archive, archiveOf(t, [{ id: 'doc-1', text: huge }]));
    const fromArchive = await failure(() => importAnnotations(t.ctx, 'archive', archive));
    expect(fromArchive.message).toMatch(/^huge\.glossa\/documents\.jsonl line 1: a document has 20,000,001 characters/);
    expect(rowCounts(t.store).documents).toBe(0);
  });
});
