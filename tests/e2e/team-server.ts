// For the Team specs and screenshots: the team server (tests/unit/server/team-server.ts) and a
// colleague's library (a store of its own, synced by the engine as `glossa sync` does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import type { ServiceContext } from '../../electron/services/context';
import { syncEngine, type TeamServer } from '../../electron/services/team/sync-engine';
import { openStore, type Store } from '../../electron/store/store';
import { ScriptedDialogs } from '../harness/harness';

export { startTeamServer, type TeamServerUnderTest } from '../unit/server/team-server';

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
