// Team-server throughput (issue 16): 20 analysts pushing at once to a real server process over a
// throwaway PostgreSQL cluster of its own. Each analyst pushes batches of 100 changes one after
// another, as a client drains its outbox; every 10th change edits a shared document's field, so the
// per-field merge is on the path. Figures: changes stored per second of wall time, and the p95
// latency of a push request.
import { randomUUID } from 'node:crypto';
import { addAnalyst, type NewAnalyst } from '../../server/analysts';
import { openDb } from '../../server/db';
import { migrate } from '../../server/migrate';
import { startPgCluster } from '../unit/server/pg-cluster';
import { startServer } from '../unit/server/server-process';
import { change, pullAll, push } from '../unit/server/sync-client';
import { percentile, round1 } from './stats';

export const serverTargets = { changesPerSecond: 2000, p95Ms: 1000 } as const;

const analystCount = 20;
const batchesPerAnalyst = 25;
const batchSize = 100;

function batchFor(analyst: NewAnalyst, documents: readonly string[], n: number) {
  return Array.from({ length: batchSize }, (_, i) =>
    i % 10 === 0
      ? change(analyst.id, { entity: 'document', entityId: documents[(n + i) % documents.length]!, layer: 'shared', fields: { [`note${i}`]: `${analyst.name} ${n}` } })
      : change(analyst.id, { fields: { start: i, end: i + 5, label: 'claim', quote: 'x'.repeat(40) } }),
  );
}

export async function measureServer(log: (message: string) => void) {
  log(`server: a throwaway PostgreSQL cluster, ${analystCount} analysts × ${batchesPerAnalyst} pushes of ${batchSize} changes at once…`);
  const cluster = await startPgCluster('bench');
  const db = openDb(cluster.url);
  try {
    await migrate(db);
    const analysts: NewAnalyst[] = [];
    for (let i = 0; i < analystCount; i++) analysts.push(await addAnalyst(db, `Bench analyst ${i}`));
    const documents = Array.from({ length: 50 }, () => randomUUID());
    const server = await startServer(cluster.url, ['--rate-limit', '1000000', '--log-level', 'info']);
    try {
      const latencies: number[] = [];
      let rejected = 0;
      const started = performance.now();
      await Promise.all(
        analysts.map(async (analyst) => {
          for (let n = 0; n < batchesPerAnalyst; n++) {
            const batch = batchFor(analyst, documents, n);
            const t0 = performance.now();
            const answer = await push(server.url, analyst.token, batch);
            latencies.push(performance.now() - t0);
            if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.text.slice(0, 300)}`);
            rejected += answer.body.rejected.length;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const total = analystCount * batchesPerAnalyst * batchSize;
      const stored = await pullAll(server.url, analysts[0]!.token);
      if (stored.length !== total || rejected > 0) throw new Error(`the server holds ${stored.length} changes (${rejected} rejected), expected ${total}`);
      if (stored.some((c, i) => c.seq !== i + 1)) throw new Error('the stored sequence has a gap');
      const conflicts = stored.filter((c) => c.conflicted.length > 0).length;
      log(`server: ${total.toLocaleString()} changes in ${round1(seconds)} s; ${conflicts} held as conflicts; p50 ${round1(percentile(latencies, 50))} ms`);
      return {
        server_changes_per_s: Math.round(total / seconds),
        server_push_p95_ms: round1(percentile(latencies, 95)),
        server_changes: total,
      };
    } finally {
      await server.kill();
    }
  } finally {
    await db.end();
    await cluster.stop();
  }
}
