// The store's own figures: how long a ~200 MB store takes to open (the check now runs after
// opening, off the main thread), and the SIGKILL loop over the built CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkStoreInBackground } from '../../electron/store/background-check';
import { openStore } from '../../electron/store/store';
import { runCrashLoop } from '../harness/crash-loop';
import { round1 } from './stats';

export const storeTargets = { openMs: 300, crashKills: 200 };
const repo = path.resolve(__dirname, '../..');

/** A store of about 200 MB: 200 documents of 1 MB of text each. */
function bigStore(dir: string): string {
  const file = path.join(dir, 'big.sqlite');
  const store = openStore(file);
  const insert = store.db.prepare('INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?)');
  const paragraph = 'The mediator said the rebels held the bridge at dawn, and the talks went on into the night. ';
  store.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const text = `Report ${i}\n\n` + paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
      insert.run(`doc-${i}`, `Report ${i}`, '2026-01-01T00:00:00.000Z', text, text.length, `hash-${i}`);
    }
  });
  store.close();
  return file;
}

export async function measureStoreOpen(log: (line: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-store-'));
  try {
    const file = bigStore(dir);
    const mb = fs.statSync(file).size / 1024 / 1024;
    log(`store open: ${mb.toFixed(0)} MB store written`);
    const openRuns: number[] = [];
    const checkRuns: number[] = [];
    const checkedOpenRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      let t0 = performance.now();
      const store = openStore(file, { deferCheck: true });
      store.db.prepare('SELECT count(*) FROM documents').get();
      openRuns.push(performance.now() - t0);
      t0 = performance.now();
      const found = await checkStoreInBackground(store).result;
      checkRuns.push(performance.now() - t0);
      store.close();
      if (found !== null) throw new Error(`the background check reported a sound store as damaged: ${found}`);
      t0 = performance.now();
      openStore(file).close();
      checkedOpenRuns.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      store_open_200mb_ms: round1(median(openRuns)),
      storeMb: round1(mb),
      checkMs: round1(median(checkRuns)),
      checkedOpenMs: round1(median(checkedOpenRuns)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureCrashLoop(log: (line: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-crash-'));
  try {
    const t0 = performance.now();
    const result = await runCrashLoop({
      cli: [process.execPath, path.join(repo, 'dist/cli.js')],
      cwd: repo,
      dir,
      kills: storeTargets.crashKills,
      seed: 1130,
      log,
    });
    for (const problem of result.problems.slice(0, 10)) log(`crash loop problem: ${problem}`);
    return {
      crash_kills: result.kills,
      crash_lost: result.lost,
      crashRuns: result.runs,
      crashAcknowledged: result.acknowledged,
      crashProblems: result.problems.length,
      crashSeconds: round1((performance.now() - t0) / 1000),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
