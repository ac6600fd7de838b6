// Where the search worker's script is: built beside main.js (dist/electron/search-worker.js, by
// build/scripts/build.mjs), or, running from source (tests, tsx), bundled from its TypeScript by
// esbuild into node_modules/.cache, named by a stamp of the sources so processes share it until a
// source changes (as the import worker's pool.ts does).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

const builtName = 'search-worker.js';
let fromSource: string | null = null;

function builtWorker(): string | null {
  for (const candidate of [path.join(__dirname, builtName), path.join(__dirname, 'electron', builtName)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Names, sizes and times of the sources the worker bundles (search, store, shared). */
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

function sourceWorker(): string {
  if (fromSource) return fromSource;
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'node_modules')) && path.dirname(root) !== root) root = path.dirname(root);
  const cache = path.join(root, 'node_modules', '.cache', 'glossa');
  const out = path.join(cache, `search-worker-${sourceStamp(root)}.js`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(cache, { recursive: true });
    const temp = `${out}.${process.pid}.${threadId}.tmp`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild exists only where the sources do
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, 'search-worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: temp,
      logLevel: 'warning',
    });
    fs.renameSync(temp, out);
  }
  fromSource = out;
  return out;
}

export function searchWorkerScript(): string {
  return builtWorker() ?? sourceWorker();
}
