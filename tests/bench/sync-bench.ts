// Team sync (issue 16): `sync_backlog_s`, a client back after 30 days offline with 50,000 changes
// to exchange: 25,000 it made itself (annotations and their notes, stamped 30 days ago) to push,
// and 25,000 a colleague pushed meanwhile to pull and apply. Real stores, a real server process,
// a throwaway PostgreSQL cluster; the figure is the wall time of the one syncNow that does it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import { createAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import { addDocument } from '../../electron/services/library/documents';
import { joinTeam, syncNow } from '../../electron/services/sync';
import { openStore } from '../../electron/store/store';
import { addAnalyst } from '../../server/analysts';
import { openDb } from '../../server/db';
import { migrate } from '../../server/migrate';
import { ScriptedDialogs } from '../harness/harness';
import { startPgCluster } from '../unit/server/pg-cluster';
import { startServer } from '../unit/server/server-process';
import { round1 } from './stats';

export const syncTargets = { backlogSeconds: 30 } as const;

const perSide = Number(process.env.GLOSSA_SYNC_BENCH_PER_SIDE ?? 25_000);

function client(dir: string, name: string) {
  const store = openStore(path.join(dir, `${name}.sqlite`));
  return createContext(store, new ScriptedDialogs(), 'bench');
}

/** `count` changes: annotations over a report, every fifth then given a note. */
function makeChanges(ctx: ReturnType<typeof client>, count: number, title: string): void {
  const words = Math.ceil(count / 1.2) + 10;
  const added = addDocument(ctx, { title, text: 'word '.repeat(words) });
  if (added.status !== 'added') throw new Error('bench report was a duplicate');
  let made = 1;
  ctx.store.transaction(() => {
    for (let i = 0; made < count; i++) {
      const span = createAnnotation(ctx, { documentId: added.document.id, labelId: 'claim', start: i * 5, end: i * 5 + 4 });
      made += 1;
      if (i % 5 === 0 && made < count) {
        updateAnnotation(ctx, { id: span.id, note: `checked ${i}` });
        made += 1;
      }
    }
  });
}

export async function measureSyncBacklog(log: (message: string) => void): Promise<{ sync_backlog_s: number; changes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-sync-bench-'));
  const cluster = await startPgCluster('sync_bench');
  const db = openDb(cluster.url);
  try {
    await migrate(db);
    const [away, colleague] = [await addAnalyst(db, 'Away'), await addAnalyst(db, 'Colleague')];
    const server = await startServer(cluster.url, ['--rate-limit', '1000000']);
    const a = client(dir, 'away');
    const b = client(dir, 'colleague');
    try {
      await joinTeam(a, { url: server.url, token: away.token });
      await joinTeam(b, { url: server.url, token: colleague.token });
      log(`sync: ${perSide.toLocaleString('en')} changes by a colleague, pushed…`);
      makeChanges(b, perSide, 'Colleague report');
      await syncNow(b, { url: server.url, token: colleague.token });
      log(`sync: ${perSide.toLocaleString('en')} changes made 30 days offline…`);
      const month = 30 * 24 * 3600 * 1000;
      a.now = () => new Date(Date.now() - month).toISOString();
      makeChanges(a, perSide, 'Offline report');
      const started = performance.now();
      let pushEnd = started;
      const result = await syncNow(a, { url: server.url, token: away.token }, { onProgress: (p) => { if (p.phase === 'push') pushEnd = performance.now(); } });
      log(`sync: push ${round1((pushEnd - started) / 1000)} s, pull ${round1((performance.now() - pushEnd) / 1000)} s`);
      const seconds = (performance.now() - started) / 1000;
      log(`sync: pushed ${result.pushed}, pulled ${result.pulled} in ${round1(seconds)} s`);
      return { sync_backlog_s: round1(seconds), changes: result.pushed + result.pulled };
    } finally {
      a.store.close();
      b.store.close();
      await server.kill();
    }
  } finally {
    await db.end();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
