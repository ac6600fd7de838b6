// Where a worker thread's script is: built beside main.js or cli.js (by build/scripts/build.mjs),
// or, running from source (tests, tsx, the CLI through npm run cli), bundled from its TypeScript
// with esbuild (a build-time dependency) into node_modules/.cache, where its packages resolve. The
// bundle is named by a stamp of the sources, so processes share it until a source changes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export interface WorkerScript {
  /** The built file's name, e.g. "import-worker.js". */
  builtName: string;
  /** The TypeScript entry to bundle when running from source (an absolute path). */
  sourceEntry: string;
}

const bundled = new Map<string, string>();

function builtWorker(name: string): string | null {
  for (const candidate of [path.join(__dirname, name), path.join(__dirname, 'electron', name)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** A stamp of the sources a worker is built from (names, sizes, times), so a change rebuilds it. */
function sourceStamp(root: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const stat = fs.statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(root, 'electron'));
  walk(path.join(root, 'shared'));
  return hash.digest('hex').slice(0, 16);
}

function sourceWorker({ builtName, sourceEntry }: WorkerScript): string {
  const known = bundled.get(builtName);
  if (known) return known;
  let root = sourceEntry;
  while (!fs.existsSync(path.join(root, 'node_modules')) && path.dirname(root) !== root) root = path.dirname(root);
  const cache = path.join(root, 'node_modules', '.cache', 'glossa');
  const prefix = `${path.basename(builtName, '.js')}-`;
  const out = path.join(cache, `${prefix}${sourceStamp(root)}.js`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(cache, { recursive: true });
    const temp = `${out}.${process.pid}.${threadId}.tmp`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild exists only where the sources do
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [sourceEntry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: temp,
      logLevel: 'warning',
    });
    // Atomic, so a process starting at the same moment never runs half a file.
    fs.renameSync(temp, out);
    for (const old of fs.readdirSync(cache)) {
      const file = path.join(cache, old);
      if (old.startsWith(prefix) && file !== out && Date.now() - fs.statSync(file).mtimeMs > 86_400_000) fs.rmSync(file, { force: true });
    }
  }
  bundled.set(builtName, out);
  return out;
}

export function workerScriptPath(script: WorkerScript): string {
  return builtWorker(script.builtName) ?? sourceWorker(script);
}
