// The team server for specs and screenshots: a throwaway PostgreSQL, the real server as a child
// process, analysts added as the admin command adds them, and a colleague's library (a store of
// its own, synced by the engine as `glossa sync` does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import type { ServiceContext } from '../../electron/services/context';
import { syncEngine, type TeamServer } from '../../electron/services/team/sync-engine';
import { openStore, type Store } from '../../electron/store/store';
import { addAnalyst, type NewAnalyst } from '../../server/analysts';
import { openDb } from '../../server/db';
import { migrate } from '../../server/migrate';
import { ScriptedDialogs } from '../harness/harness';
import { startPgCluster } from '../unit/server/pg-cluster';
import { startServer } from '../unit/server/server-process';

export interface TeamServerUnderTest {
  url: string;
  addAnalyst(name: string): Promise<NewAnalyst>;
  stop(): Promise<void>;
}

export async function startTeamServer(label: string): Promise<TeamServerUnderTest> {
  const cluster = await startPgCluster(label);
  const db = openDb(cluster.url, 2);
  try {
    await migrate(db);
    const server = await startServer(cluster.url);
    return {
      url: server.url,
      addAnalyst: (name) => addAnalyst(db, name),
      stop: async () => {
        await server.kill();
        await db.end();
        await cluster.stop();
      },
    };
  } catch (error) {
    await db.end();
    await cluster.stop();
    throw error;
  }
}

export interface Colleague {
  store: Store;
  ctx: ServiceContext;
  server: TeamServer;
  close(): void;
}

/** A colleague's library, joined to the team with their token. */
export async function joinedColleague(url: string, token: string): Promise<Colleague> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-colleague-'));
  const store = openStore(path.join(dir, 'glossa.sqlite'));
  const ctx = createContext(store, new ScriptedDialogs(), 'test');
  const server = { url, token };
  await syncEngine.joinTeam(ctx, server);
  return {
    store,
    ctx,
    server,
    close: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
