// The server's PostgreSQL migrations, in order. Each runs once, in its own transaction, and is
// recorded in schema_migrations; see ../migrate.ts.
import { migration0001 } from './0001-changes';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

export const serverMigrations: readonly ServerMigration[] = [migration0001];

export const latestServerVersion = serverMigrations.at(-1)!.version;
