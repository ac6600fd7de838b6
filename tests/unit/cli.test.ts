// The CLI end to end: a real process over a real store in a temp folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Run } from './child-process';
import { runCli } from './cli-bundle';
import { tempDir } from './helpers';


async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runCli(args, { env });
}

async function ok(args: string[]): Promise<unknown> {
  const run = await cli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

const report = [
  'Mediator says talks collapsed',
  '',
  'The mediator سامر الخطيب said the rebels left 👍🏽 and the family 👨‍👩‍👧 reached Veskar.',
  '',
  'Zoe\u0308 Haddad said the rebels held the bridge. The rebels denied it.',
  '',
].join('\r\n');

describe('cli', () => {
  it('imports, lists, annotates by quote and exports JSONL that Python slices correctly', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, report);

    const imported = await ok(['import', file, '--db', db]) as { imported: { id: string; title: string; fileName: string }[] };
    expect(imported).toMatchObject({
      imported: [{ title: 'Mediator says talks collapsed', fileName: 'report.txt' }],
      duplicates: [],
      failed: [],
    });
    const docId = imported.imported[0]!.id;

    const again = await ok(['import', file, '--db', db]) as { duplicates: { existingId: string }[] };
    expect(again.duplicates).toEqual([{ fileName: 'report.txt', existingId: docId, title: 'Mediator says talks collapsed' }]);

    const third = await ok(['annotate', docId, '--label', 'Claim', '--quote', 'rebels', '--nth', '3', '--note', 'third', '--db', db]);
    const text = report.replace(/\r\n/g, '\n');
    const thirdStart = text.indexOf('rebels', text.indexOf('rebels', text.indexOf('rebels') + 1) + 1);
    expect(third).toMatchObject({ label: 'Claim', labelId: 'claim', quote: 'rebels', start: thirdStart, note: 'third' });
    expect((third as { id: string }).id).toMatch(/\S/);

    await ok(['annotate', docId, '--label', 'source', '--quote', 'سامر الخطيب', '--db', db]);
    await ok(['annotate', docId, '--label', 'location', '--quote', 'Veskar', '--db', db]);
    await ok(['annotate', docId, '--label', 'Source', '--quote', 'Zoe\u0308 Haddad', '--db', db]);
    await ok(['annotate', docId, '--label', 'Claim', '--quote', '👨‍👩‍👧 reached', '--db', db]);

    expect(await ok(['docs', '--db', db])).toEqual([
      {
        id: docId,
        title: 'Mediator says talks collapsed',
        outlet: null,
        publishedAt: null,
        length: text.length, // UTF-16 code units, like the offsets
        counts: { Claim: 2, Source: 2, Location: 1 },
        notices: [], // what the import said about it (issue 12): a clean UTF-8 file, nothing
      },
    ]);

    const out = path.join(dir, 'corpus.jsonl');
    expect(await ok(['export', '--format', 'jsonl', '--out', out, '--db', db])).toMatchObject({
      path: out,
      documents: 1,
      annotations: 5,
    });
    const checked = execFileSync(
      'python3',
      [
        '-c',
        `
import json, sys
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    doc = json.loads(line)
    for a in doc['annotations']:
        assert doc['text'][a['start']:a['end']] == a['quote'], a
        n += 1
print(n)
`,
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(checked.trim()).toBe('5');

    const csv = path.join(dir, 'one.csv');
    expect(await ok(['export', '--format', 'csv', '--doc', docId, '--out', csv, '--db', db])).toMatchObject({ annotations: 5 });
  }, 60_000);

  it('explains an ambiguous quote, an absent quote and a bad --nth, changing nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, report);
    const docId = (await ok(['import', file, '--db', db]) as { imported: { id: string }[] }).imported[0]!.id;

    const ambiguous = await cli(['annotate', docId, '--label', 'Claim', '--quote', 'rebels', '--db', db]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toMatch(/^glossa: The quote occurs 3 times .* pass --nth 1 to 3/);
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);

    const absent = await cli(['annotate', docId, '--label', 'Claim', '--quote', 'tanks', '--db', db]);
    expect(absent.status).toBe(1);
    expect(absent.stderr).toContain('does not occur');

    const pastEnd = await cli(['annotate', docId, '--label', 'Claim', '--quote', 'rebels', '--nth', '4', '--db', db]);
    expect(pastEnd.status).toBe(1);
    expect(pastEnd.stderr).toContain('occurs 3 times');

    const badNth = await cli(['annotate', docId, '--label', 'Claim', '--quote', 'rebels', '--nth', '0', '--db', db]);
    expect(badNth.status).toBe(2);

    const badLabel = await cli(['annotate', docId, '--label', 'Rumour', '--quote', 'Veskar', '--db', db]);
    expect(badLabel.status).toBe(1);
    expect(badLabel.stderr).toContain('Labels: Claim, Source, Location');

    expect(await ok(['docs', '--db', db])).toMatchObject([{ counts: {} }]);
  }, 60_000);

  it('exits 3 with the report when only some files import, 1 when none does, and 2 for usage errors', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const good = path.join(dir, 'good.md');
    fs.writeFileSync(good, '# Heading\n\nBody text.');
    const failed = await cli(['import', good, path.join(dir, 'missing.txt'), '--db', db]);
    expect(failed.status).toBe(3);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      imported: [{ title: 'Heading', fileName: 'good.md' }],
      failed: [{ fileName: 'missing.txt' }],
    });

    const none = await cli(['import', path.join(dir, 'missing.txt'), '--db', db]);
    expect(none.status).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ imported: [], failed: [{ fileName: 'missing.txt' }] });

    const noDb = await cli(['docs']);
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain('pass --db PATH');
    expect((await cli(['docs'], { GLOSSA_DB: db })).status).toBe(0);

    expect((await cli(['frobnicate', '--db', db])).status).toBe(2);
    expect((await cli(['docs', '--bogus', '--db', db])).status).toBe(2);
    expect((await cli(['export', '--format', 'xml', '--out', path.join(dir, 'x'), '--db', db])).status).toBe(2);
    expect((await cli(['export', '--format', 'csv', '--db', db])).status).toBe(2);

    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('annotate <docId>');
  }, 60_000);

  it('reports an export it cannot write, leaving nothing behind', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    // export only reads: the store must exist (a first import creates it).
    fs.writeFileSync(path.join(dir, 'report.txt'), report);
    await ok(['import', path.join(dir, 'report.txt'), '--db', db]);
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file, not a folder');
    const out = path.join(dir, 'blocker', 'corpus.jsonl');
    const run = await cli(['export', '--format', 'jsonl', '--out', out, '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Could not write ${out}`);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const unknownDoc = await cli(['export', '--format', 'csv', '--doc', 'nope', '--out', path.join(dir, 'x.csv'), '--db', db]);
    expect(unknownDoc.status).toBe(1);
    expect(unknownDoc.stderr).toBe('glossa: No document with id nope.\n');
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('refuses a corrupt store without changing it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    fs.writeFileSync(db, 'this is not a database, just some text that is long enough to look like a header');
    const before = fs.readFileSync(db);
    const run = await cli(['docs', '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not a readable Glossa store');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });
});
