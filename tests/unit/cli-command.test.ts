// The built `glossa` command (dist/cli.js, package.json's bin) as a person or a script meets it:
// --version, each command's own help, "-" for standard input and output, read-only commands
// that refuse a store that does not exist, --json on every command, and the exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from './child-process';
import { tempDir } from './helpers';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const glossaBin = path.join(repo, pkg.bin.glossa!);
const fixture = path.join(repo, 'tests/fixtures/good/utf8.txt');

async function glossa(args: string[], input?: string) {
  return runProcess(process.execPath, [glossaBin, ...args], { cwd: repo, input, env: { ...process.env, GLOSSA_DB: '' } });
}

async function storeWithOneDocument(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'store.sqlite');
  const run = await glossa(['import', fixture, '--db', db]);
  expect(run.status).toBe(0);
  return { dir, db };
}

beforeAll(async () => {
  const built = await runProcess(process.execPath, [path.join(repo, 'build/scripts/build.mjs')]);
  expect(built.status).toBe(0);
}, 120_000);

describe('glossa command', () => {
  it('is package.json\'s bin, an executable script with a node shebang', async () => {
    expect(pkg.bin).toEqual({ glossa: 'dist/cli.js' });
    expect(fs.readFileSync(glossaBin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(glossaBin).mode & 0o111).not.toBe(0);
  });

  it('prints its version', async () => {
    for (const args of [['--version'], ['-v'], ['docs', '--version']]) {
      expect(await glossa(args)).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  it("prints a command's own usage with --help", async () => {
    const exportHelp = await glossa(['export', '--help']);
    expect(exportHelp.status).toBe(0);
    expect(exportHelp.stdout).toMatch(/^Usage: glossa export --format NAME/);
    expect(exportHelp.stdout).toContain('--out - writes the dataset to standard output');
    expect(exportHelp.stdout).not.toContain('annotate <docId>');
    expect(exportHelp.stdout).toContain('Exit codes:');
    for (const command of ['import', 'docs', 'annotate', 'import-annotations', 'relate', 'set', 'places', 'resolve', 'schema']) {
      expect((await glossa([command, '--help'])).stdout, command).toMatch(new RegExp(`^Usage: glossa ${command}\\b`));
    }
    const all = await glossa(['--help']);
    expect(all.stdout).toMatch(/^Usage: glossa <command>/);
    expect(all.stdout).toContain('3  partial success');
  });

  it('exports to standard output with --out -, byte for byte what a file export holds', async () => {
    const { dir, db } = await storeWithOneDocument();
    const file = path.join(dir, 'corpus.jsonl');
    expect((await glossa(['export', '--format', 'jsonl', '--out', file, '--db', db])).status).toBe(0);
    const piped = await glossa(['export', '--format', 'jsonl', '--out', '-', '--db', db]);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(fs.readFileSync(file, 'utf8'));
    const brat = await glossa(['export', '--format', 'brat', '--out', '-', '--db', db]);
    expect(brat.status).toBe(2);
    expect(brat.stderr).toContain('brat writes a folder');
  });

  it('imports annotated data from standard input with -', async () => {
    const { db } = await storeWithOneDocument();
    const doccano = (await glossa(['export', '--format', 'doccano', '--out', '-', '--db', db])).stdout;
    const target = path.join(tempDir(), 'target.sqlite');
    const imported = await glossa(['import-annotations', '--format', 'doccano', '-', '--db', target], doccano);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ documentsAdded: 1, unanchored: [] });
    const bad = await glossa(['import-annotations', '--format', 'doccano', '-', '--db', target], 'not json\n');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/stdin line 1: not valid JSON/);
  });

  it('writes the schema to standard output and merges one from standard input', async () => {
    const { db } = await storeWithOneDocument();
    const schema = await glossa(['schema', 'export', '-', '--db', db]);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('labels');
    const merged = await glossa(['schema', 'import', '-', '--db', path.join(tempDir(), 'new.sqlite')], schema.stdout);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
  });

  it('refuses a --db with no store for the commands that need one, creating nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'typo.sqlite');
    for (const args of [
      ['docs'],
      ['export', '--format', 'jsonl', '--out', path.join(dir, 'out.jsonl')],
      ['annotate', 'doc', '--label', 'Claim', '--quote', 'x'],
      ['places', 'annotation'],
      ['schema', 'export', path.join(dir, 'schema.json')],
    ]) {
      const run = await glossa([...args, '--db', db]);
      expect(run.status, args[0]).toBe(1);
      expect(run.stderr).toBe(`glossa: No Glossa store at ${db} (this command does not create one; import does).\n`);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes --json on every command: the result on stdout, a failure as one JSON object on stderr', async () => {
    const { db } = await storeWithOneDocument();
    const docs = await glossa(['docs', '--json', '--db', db]);
    expect(docs.status).toBe(0);
    expect(JSON.parse(docs.stdout)).toHaveLength(1);

    const usage = await glossa(['export', '--format', 'xml', '--out', 'x', '--json', '--db', db]);
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({ error: { code: 'USAGE', message: expect.stringContaining('--format must be one of'), exitCode: 2 } });

    const missing = await glossa(['annotate', 'nope', '--label', 'Claim', '--quote', 'x', '--json', '--db', db]);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'NOT_FOUND', exitCode: 1 } });
    expect(missing.stdout).toBe('');
  });
});
