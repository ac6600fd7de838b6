// What the sync tests share: one throwaway PostgreSQL and team server per test file (the server
// tests' helpers), analysts with tokens, client stores (real SQLite files) and a canonical dump of
// the synced tables to compare replicas by.
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createContext } from '../../../electron/core';
import type { ServiceContext } from '../../../electron/services/context';
import { addDocument } from '../../../electron/services/library/documents';
import { openStore } from '../../../electron/store/store';
import { syncedTables } from '../../../electron/store/writers/sync-tables';
import { addAnalyst, type NewAnalyst } from '../../../server/analysts';
import { openDb, type Db as PgDb } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { ScriptedDialogs, tempDir } from '../helpers';
import { startPgCluster, type PgCluster } from '../server/pg-cluster';
import { startServer, type ServerProcess } from '../server/server-process';

export interface Team {
  cluster: PgCluster;
  db: PgDb;
  server: ServerProcess;
  analyst(name: string): Promise<NewAnalyst>;
  changeCount(): Promise<number>;
  stop(): Promise<void>;
}

export async function startTeam(label: string, serverArgs: string[] = ['--rate-limit', '100000'], scheme: 'http' | 'https' = 'http'): Promise<Team> {
  const cluster = await startPgCluster(label);
  const db = openDb(cluster.url);
  await migrate(db);
  const server = await startServer(cluster.url, serverArgs, scheme);
  return {
    cluster,
    db,
    server,
    analyst: (name) => addAnalyst(db, name),
    changeCount: async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes')).rows[0]!.n,
    stop: async () => {
      await server.kill();
      await db.end();
      await cluster.stop();
    },
  };
}

/** A client store in a temp folder (closed after the test). */
export function openClient(dir = tempDir('glossa-sync-')): ServiceContext & { dbPath: string } {
  const dbPath = path.join(dir, 'glossa.sqlite');
  const store = openStore(dbPath);
  onTestFinished(() => store.close());
  return Object.assign(createContext(store, new ScriptedDialogs(), '0.0.0-test'), { dbPath });
}

export function addReport(ctx: ServiceContext, text: string, title = 'Report'): string {
  const result = addDocument(ctx, { title, text });
  if (result.status !== 'added') throw new Error('duplicate report');
  return result.document.id;
}

/** Every synced table's rows in key order (documents with their text), as one JSON text. */
export function canonicalDump(ctx: ServiceContext): string {
  const db = ctx.store.db;
  const tables = syncedTables.map((t) => {
    const columns = [...t.columns, ...(t.table === 'documents' ? ['text'] : [])].map((c) => `"${c}"`).join(', ');
    return [t.table, db.prepare(`SELECT ${columns} FROM ${t.table} ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`).all()];
  });
  return JSON.stringify(tables);
}
