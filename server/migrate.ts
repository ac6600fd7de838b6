// Runs the numbered migrations of ./migrations that a database lacks, each in its own
// transaction, under an advisory lock so two servers starting at once do not race.
import { inTransaction, type Db } from './db';
import { serverMigrations } from './migrations/index';

/** An arbitrary fixed key for pg_advisory_xact_lock: "glossa migrate". */
const migrationLock = 0x610551a;

export interface MigrationRun {
  applied: number[];
  version: number;
}

export async function migrate(db: Db): Promise<MigrationRun> {
  const applied: number[] = [];
  for (const migration of serverMigrations) {
    const ran = await inTransaction(db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rowCount) return false;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return { applied, version: await schemaVersion(db) };
}

/** The highest migration applied, 0 for an empty database. */
export async function schemaVersion(db: Db): Promise<number> {
  const table = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!table.rows[0]?.exists) return 0;
  const result = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return result.rows[0]?.version ?? 0;
}
