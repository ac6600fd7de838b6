// The server's PostgreSQL connection pool and its one transaction helper. Every query in server/
// is parameterised ($1, $2…): no value is ever spliced into SQL text.
import pg from 'pg';

export type Db = pg.Pool;
export type Tx = pg.PoolClient;

// bigint columns (seq) come back as numbers: sequences stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openDb(databaseUrl: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, application_name: 'glossa-server' });
  // An idle client losing its connection (the database restarting) must not crash the server;
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => {});
  return pool;
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await db.connect();
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    tx.release();
  }
}
