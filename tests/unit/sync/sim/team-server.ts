// The team server for the simulation: the real server's handler (server/app.ts) over a real
// PostgreSQL database, in this process so a thousand runs do not start a thousand processes. Each
// run starts from an empty log with fresh analysts and tokens.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { addAnalyst, type NewAnalyst } from '../../../../server/analysts';
import { createApp } from '../../../../server/app';
import { openDb, type Db } from '../../../../server/db';
import { migrate } from '../../../../server/migrate';

export class SimTeamServer {
  private constructor(
    private readonly db: Db,
    private readonly server: http.Server,
    readonly url: URL,
  ) {}

  static async start(databaseUrl: string): Promise<SimTeamServer> {
    const db = openDb(databaseUrl);
    await migrate(db);
    const handle = createApp({ db, log: pino({ level: 'silent' }), rateLimit: 1_000_000 });
    const server = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new SimTeamServer(db, server, new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  }

  /** Empties the log and the analysts, then adds `count` analysts with fresh tokens. */
  async reset(count: number, run: number): Promise<NewAnalyst[]> {
    // Every table but the migrations' own record and the one-row sequence head, which restarts at 0.
    const tables = await this.db.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'sequence_head')",
    );
    await this.db.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
    await this.db.query('UPDATE sequence_head SET seq = 0');
    const analysts: NewAnalyst[] = [];
    // Ids from the run's number, so a run replays with the same analysts (and the same orders).
    for (let i = 0; i < count; i++) analysts.push(await addAnalyst(this.db, `Analyst ${i + 1} (run ${run})`, analystId(run, i)));
    return analysts;
  }

  async changeCount(): Promise<number> {
    return Number((await this.db.query<{ n: string }>('SELECT count(*) AS n FROM changes')).rows[0]!.n);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.db.end();
  }
}

function analystId(run: number, index: number): string {
  const hex = (run * 16 + index).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}
