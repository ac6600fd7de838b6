// SIGKILL loops: the real `glossa` command in child processes doing writes (annotate), imports,
// exports and migrations, killed at seeded random moments. After every kill the store is
// reopened and checked: it passes its check, and everything a finished command acknowledged
// is still there; every file named like a good backup passes integrity_check; an export's
// target is absent or complete. tests/unit runs a few kills, `npm run bench` hundreds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listBackups, problemWithCopy } from '../../electron/store/backups';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';

export interface CrashLoopOptions {
  /** How to run glossa: the executable and its leading arguments. */
  cli: readonly string[];
  cwd: string;
  /** A scratch folder for the stores, inputs and exports. */
  dir: string;
  kills: number;
  seed: number;
  /** 'backup-kills': only migrations, each killed the moment its backup file appears. */
  mode?: 'mixed' | 'backup-kills';
  log?: (line: string) => void;
}

export interface CrashLoopResult {
  kills: number;
  /** Acknowledged documents and annotations missing after a kill (must be 0). */
  lost: number;
  acknowledged: number;
  runs: number;
  /** Everything else found wrong (a damaged store, a broken backup, a half export). */
  problems: string[];
}

type Operation = 'write' | 'import' | 'export' | 'migration';

interface Run {
  status: number | null;
  stdout: string;
  killed: boolean;
  ms: number;
}

/** mulberry32: a small seeded generator, so a failing loop can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs glossa; kills it after killAfterMs, or as soon as trigger() says so (polled every 2 ms). */
function runGlossa(options: CrashLoopOptions, args: string[], killAfterMs: number | null, trigger?: () => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [command, ...lead] = options.cli;
    const child = spawn(command!, [...lead, ...args], { cwd: options.cwd, env: { ...process.env, GLOSSA_DB: '' }, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timer = killAfterMs === null ? null : setTimeout(kill, killAfterMs);
    const poll = trigger ? setInterval(() => trigger() && kill(), 2) : null;
    child.on('error', reject);
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), killed, ms: performance.now() - started });
    });
  });
}

const reportText = `Ceasefire talks report\n\n${Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the rebels said the bridge held.`).join('\n\n')}\n`;

/** A closed schema-1 store with a few MB in it, which the next glossa command upgrades. */
function oldStoreTemplate(dir: string): string {
  const file = path.join(dir, 'template-v1.sqlite');
  const store = openStore(file, { migrations: migrations.slice(0, 1) });
  const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  store.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`filler-${i}`, 'z'.repeat(1000));
  });
  store.close();
  return file;
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const random = generator(options.seed);
  const log = options.log ?? (() => undefined);
  const storePath = path.join(options.dir, 'store.sqlite');
  const template = oldStoreTemplate(options.dir);
  const problems: string[] = [];
  const documents = new Set<string>();
  const annotations = new Set<string>();
  const typicalMs: Record<Operation, number> = { write: 800, import: 1200, export: 900, migration: 1000 };
  let kills = 0;
  let runs = 0;
  let lost = 0;

  const first = path.join(options.dir, 'first.txt');
  fs.writeFileSync(first, reportText);
  const setup = await runGlossa(options, ['import', first, '--db', storePath], null);
  if (setup.status !== 0) throw new Error(`the first import failed (exit ${setup.status})`);
  const documentId = (JSON.parse(setup.stdout) as { imported: { id: string }[] }).imported[0]!.id;
  documents.add(documentId);
  // One acknowledged write before any kill, so there is always something a kill could lose
  // (on a slow machine every later command may be killed before it finishes).
  const written = await runGlossa(options, ['annotate', documentId, '--label', 'Claim', '--quote', 'rebels', '--nth', '1', '--db', storePath], null);
  if (written.status !== 0) throw new Error(`the first annotate failed (exit ${written.status})`);
  annotations.add((JSON.parse(written.stdout) as { id: string }).id);

  const pick = (): Operation => {
    const r = random();
    return r < 0.4 ? 'write' : r < 0.65 ? 'import' : r < 0.8 ? 'export' : 'migration';
  };

  for (let iteration = 0; kills < options.kills && iteration < options.kills * 6; iteration++) {
    const backupKills = options.mode === 'backup-kills';
    const op = backupKills ? 'migration' : pick();
    const killIt = backupKills || random() < 0.6;
    const killAfter = killIt ? Math.round(random() * typicalMs[op] * 1.2) : null;
    let run: Run;
    let migrated: string | null = null;
    let exported: string | null = null;
    if (op === 'write') {
      const nth = 1 + Math.floor(random() * 400);
      run = await runGlossa(options, ['annotate', documentId, '--label', 'Claim', '--quote', 'rebels', '--nth', String(nth), '--db', storePath], killAfter);
      if (run.status === 0) annotations.add((JSON.parse(run.stdout) as { id: string }).id);
    } else if (op === 'import') {
      const folder = path.join(options.dir, `in-${iteration}`);
      fs.mkdirSync(folder);
      for (let f = 0; f < 6; f++) fs.writeFileSync(path.join(folder, `r${f}.txt`), `Report ${iteration}-${f}\n\nThe mediator ${iteration}-${f} said talks went on.\n`);
      run = await runGlossa(options, ['import', folder, '--db', storePath], killAfter);
      if (run.status === 0) for (const d of (JSON.parse(run.stdout) as { imported: { id: string }[] }).imported) documents.add(d.id);
    } else if (op === 'export') {
      exported = path.join(options.dir, `export-${iteration}.jsonl`);
      run = await runGlossa(options, ['export', '--format', 'jsonl', '--out', exported, '--db', storePath], killAfter);
    } else {
      migrated = path.join(options.dir, `old-${iteration}.sqlite`);
      fs.copyFileSync(template, migrated);
      const base = path.basename(migrated);
      // Half the time, kill the moment a backup file appears: in the middle of writing it.
      const duringBackup = backupKills || (killIt && random() < 0.5);
      const trigger = duringBackup ? () => fs.readdirSync(options.dir).some((n) => n.startsWith(`${base}.v`)) : undefined;
      run = await runGlossa(options, ['docs', '--db', migrated], duringBackup ? null : killAfter, trigger);
    }
    runs++;
    if (!run.killed) {
      typicalMs[op] = typicalMs[op] * 0.7 + run.ms * 0.3;
      if (run.status !== 0) problems.push(`${op} #${iteration} exited ${run.status} without being killed`);
      continue;
    }
    kills++;
    lost += checkAfterKill(storePath, documents, annotations, problems, `${op} #${iteration}`);
    if (exported) checkExport(exported, problems);
    if (migrated) checkMigrated(migrated, problems);
    if (kills % 25 === 0) log(`crash loop: ${kills} kills, ${runs} runs, ${documents.size + annotations.size} acknowledged, ${lost} lost`);
  }
  return { kills, lost, acknowledged: documents.size + annotations.size, runs, problems };
}

/** Reopens the store as the next command would; returns how many acknowledged rows are missing. */
function checkAfterKill(storePath: string, documents: Set<string>, annotations: Set<string>, problems: string[], what: string): number {
  let store;
  try {
    store = openStore(storePath);
  } catch (error) {
    problems.push(`after killing ${what} the store did not open: ${(error as Error).message}`);
    return documents.size + annotations.size;
  }
  try {
    if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push(`after killing ${what} integrity_check failed`);
    const hasDocument = store.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const hasAnnotation = store.db.prepare('SELECT 1 FROM annotations WHERE id = ?');
    let missing = 0;
    for (const id of documents) if (!hasDocument.get(id)) missing++;
    for (const id of annotations) if (!hasAnnotation.get(id)) missing++;
    if (missing > 0) problems.push(`after killing ${what}, ${missing} acknowledged rows were missing`);
    return missing;
  } finally {
    store.close();
  }
}

function checkExport(target: string, problems: string[]): void {
  if (!fs.existsSync(target)) return;
  const lines = fs.readFileSync(target, 'utf8').split('\n').filter((l) => l !== '');
  try {
    for (const line of lines) JSON.parse(line);
  } catch {
    problems.push(`a killed export left a half-written ${path.basename(target)}`);
  }
}

/** Every file named like a good backup is one; the store then upgrades with exactly one backup. */
function checkMigrated(file: string, problems: string[]): void {
  for (const backup of listBackups(file)) {
    const problem = problemWithCopy(backup.path, 1);
    if (problem) problems.push(`a kill during migration left a broken backup named like a good one (${path.basename(backup.path)}: ${problem})`);
  }
  try {
    const store = openStore(file);
    const { n } = store.db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'filler-%'").get() as { n: number };
    store.close();
    if (n !== 3000) problems.push(`a store upgraded after a killed migration holds ${n} of 3000 rows`);
  } catch (error) {
    problems.push(`a store whose migration was killed did not open again: ${(error as Error).message}`);
  }
  const good = listBackups(file).length;
  if (good !== 1) problems.push(`after a killed migration and a retry there are ${good} backups, not 1`);
  fs.rmSync(file, { force: true });
  for (const name of fs.readdirSync(path.dirname(file))) {
    if (name.startsWith(`${path.basename(file)}.`)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}
