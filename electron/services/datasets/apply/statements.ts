// Statements prepared once per database: an import runs the same few thousands of times.
import type Database from 'better-sqlite3';
import type { Db } from '../../../store/store';
import type { ServiceContext } from '../../context';

type Statement = Database.Statement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();

export function prepared(ctx: ServiceContext, sql: string): Statement {
  const db = ctx.store.db;
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = db.prepare(sql)));
  return statement;
}
