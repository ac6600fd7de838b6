// Exports write only the file or folder the user named (issue 11, items 1-3 and the temp files
// of 8), through the real CLI in a child process: a user's folder is never emptied, the store is
// never the target, links are written through, devices, FIFOs and read-only files are refused,
// `-` is standard output, a killed export leaves nothing after the next start, and --replace
// removes only what the previous export wrote.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { runProcess } from './child-process';
import { addText, openTestContext } from './helpers';
import { cliBundle } from './cli-bundle';

const repo = path.resolve(__dirname, '../..');
const cliArgs = [cliBundle];

function cli(args: string[]) {
  return runProcess(process.execPath, [...cliArgs, ...args], { cwd: repo, env: { ...process.env, GLOSSA_DB: '' } });
}

/** A store with two annotated reports, closed, in a fresh folder. */
function library(): { dir: string; db: string } {
  const { ctx, dir, store } = openTestContext();
  for (const title of ['First report', 'Second report']) {
    const id = addText(ctx, `${title}: rebels said they took the bridge.`, title);
    createAnnotation(ctx, { documentId: id, labelId: 'claim', start: 0, end: 5 });
  }
  store.close();
  return { dir, db: path.join(dir, 'glossa.sqlite') };
}

function documentCount(db: string): number {
  const handle = new Database(db, { readonly: true });
  try {
    return (handle.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

/** Export temps (and the journal) left in a folder. */
function temps(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('glossa-tmp') || f.endsWith('.export-temps'));
}

describe('CLI export targets', () => {
  it('brat into a folder of the user keeps its files (a new subfolder)', async () => {
    const { dir, db } = library();
    const mine = path.join(dir, 'mine');
    fs.mkdirSync(path.join(mine, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(mine, 'chapter1.docx'), 'my chapter');
    fs.writeFileSync(path.join(mine, 'sub', 'data.csv'), 'a,b\n1,2\n');
    const into = await cli(['export', '--format', 'brat', '--out', mine, '--db', db]);
    expect(into.stderr).toBe('');
    expect(into.status).toBe(0);
    expect(fs.readFileSync(path.join(mine, 'chapter1.docx'), 'utf8')).toBe('my chapter');
    expect(fs.readFileSync(path.join(mine, 'sub', 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
    const written = (JSON.parse(into.stdout) as { path: string }).path;
    expect(path.dirname(written)).toBe(fs.realpathSync(mine));
    expect(fs.readdirSync(written)).toContain('annotation.conf');
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  it('replaces a previous brat export only with --replace, removing only the files it wrote', async () => {
    const { dir, db } = library();
    // A previous export, to which the user added a file: refused without --replace.
    const previous = path.join(dir, 'previous');
    expect((await cli(['export', '--format', 'brat', '--out', previous, '--db', db])).status).toBe(0);
    const before = fs.readdirSync(previous).sort();
    expect(before).toContain('.glossa-export.json');
    expect(before.filter((f) => f.endsWith('.ann'))).toHaveLength(2);
    fs.writeFileSync(path.join(previous, 'notes.txt'), 'my notes');
    const refused = await cli(['export', '--format', 'brat', '--out', previous, '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/previous Glossa brat export.*--replace/);
    expect(fs.readdirSync(previous).sort()).toEqual([...before, 'notes.txt'].sort());

    // Replaced with one document: the other's files go, notes.txt stays.
    const docs = JSON.parse((await cli(['docs', '--db', db])).stdout) as { id: string; title: string }[];
    const first = docs.find((d) => d.title === 'First report')!;
    const replaced = await cli(['export', '--format', 'brat', '--doc', first.id, '--replace', '--out', previous, '--db', db]);
    expect(replaced.stderr).toBe('');
    const after = fs.readdirSync(previous);
    expect(after).toContain('notes.txt');
    expect(fs.readFileSync(path.join(previous, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(after.filter((f) => f.endsWith('.ann'))).toHaveLength(1);
    expect(temps(dir)).toEqual([]);
  }, 180_000);

  it('refuses the store and its WAL as --out, leaving the library intact', async () => {
    const { dir, db } = library();
    const bytes = fs.readFileSync(db);
    const storeLink = path.join(dir, 'store-link.jsonl');
    fs.symlinkSync(db, storeLink);
    for (const out of [db, `${db}-wal`, storeLink, `${db}.v3-2026-11-30.backup`]) {
      const run = await cli(['export', '--format', 'jsonl', '--out', out, '--db', db]);
      expect(run.status, out).toBe(1);
      expect(run.stderr).toContain("the library's own store");
    }
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
    expect(documentCount(db)).toBe(2);
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  it('writes through a symlink to its target, keeping the target mode', async () => {
    const { dir, db } = library();
    const real = path.join(dir, 'real.jsonl');
    fs.writeFileSync(real, 'old');
    fs.chmodSync(real, 0o640);
    const link = path.join(dir, 'link.jsonl');
    fs.symlinkSync('real.jsonl', link);
    const through = await cli(['export', '--format', 'jsonl', '--out', link, '--db', db]);
    expect(through.stderr).toBe('');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real.jsonl');
    expect(fs.readFileSync(real, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  it('refuses a FIFO and a device', async () => {
    const { dir, db } = library();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A device of our own where this user may make one (root in CI); else /dev/null, which is only checked.
    let device = path.join(dir, 'null-device');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      device = '/dev/null';
    }
    for (const [out, why] of [
      [fifo, /named pipe/],
      [device, /a device/],
    ] as const) {
      const run = await cli(['export', '--format', 'jsonl', '--out', out, '--db', db]);
      expect(run.status, out).toBe(1);
      expect(run.stderr).toMatch(why);
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.lstatSync(device).isCharacterDevice()).toBe(true);
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  it('refuses a read-only file and a read-only folder', async () => {
    const { dir, db } = library();
    const readOnly = path.join(dir, 'read-only.jsonl');
    fs.writeFileSync(readOnly, 'keep me');
    fs.chmodSync(readOnly, 0o444);
    const file = await cli(['export', '--format', 'jsonl', '--out', readOnly, '--db', db]);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/read-only/);
    expect(fs.readFileSync(readOnly, 'utf8')).toBe('keep me');
    const lockedFolder = path.join(dir, 'locked');
    fs.mkdirSync(lockedFolder, { mode: 0o555 });
    const folder = await cli(['export', '--format', 'jsonl', '--out', path.join(lockedFolder, 'x.jsonl'), '--db', db]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/read-only/);
    expect(fs.readdirSync(lockedFolder)).toEqual([]);
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  it('- writes the export to standard output and no file', async () => {
    const { dir, db } = library();
    const before = fs.readdirSync(dir).sort();
    const run = await cli(['export', '--format', 'csv', '--out', '-', '--db', db]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^\uFEFF?document_id,/);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  }, 60_000);

  it('an export killed mid-way leaves no temp file after the next start', async () => {
    const { ctx, dir, store } = openTestContext();
    const insert = store.db.prepare('INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?)');
    const text = 'Rebels said they took the bridge at Dorsk on Friday. '.repeat(4000);
    store.transaction(() => {
      for (let d = 0; d < 300; d++) insert.run(`d${d}`, `Report ${d}`, ctx.now(), text, text.length, `hash-${d}`);
    });
    store.close();
    const db = path.join(dir, 'glossa.sqlite');
    const child = spawn(process.execPath, [...cliArgs, 'export', '--format', 'jsonl', '--out', path.join(dir, 'big.jsonl'), '--db', db], { cwd: repo, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let seen: string[] = [];
    for (let waited = 0; waited < 90_000 && child.exitCode === null && seen.length === 0; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = fs.readdirSync(dir).filter((f) => f.startsWith('.big.jsonl') && f.endsWith('.tmp'));
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen, 'the export was killed while writing its temp file').not.toEqual([]);
    expect(fs.existsSync(path.join(dir, 'big.jsonl'))).toBe(false);
    expect((await cli(['docs', '--db', db])).status).toBe(0);
    expect(temps(dir)).toEqual([]);
  }, 180_000);
});
