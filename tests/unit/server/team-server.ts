// A team server to sync with, for the client's tests (unit and e2e): a throwaway PostgreSQL,
// migrated, the real server as a child process, and analysts added as the admin command adds them.
import { addAnalyst, type NewAnalyst } from '../../../server/analysts';
import { openDb } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { startPgCluster } from './pg-cluster';
import { startServer } from './server-process';

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
