// Outbox capture: while the store is in a team, every insert, update and delete of a synced
// table (sync-tables.ts) appends its change to sync_outbox in the same statement, so in the same
// transaction, whichever writer made it, cascaded deletes and undo's restored rows included.
// The triggers are TEMP, made on the connection when a joined store opens (one check of
// sync_state) and when it joins: a store outside a team pays nothing per write. Applying pulled
// changes turns capture off on the connection (withoutCapture), so they are never sent back.
import { randomUUID } from 'node:crypto';
// The connection's type from the driver (not ../store, which calls captureIfJoined on open).
import type Database from 'better-sqlite3';
import { col, entityIdSql, syncedTables, type SyncedTable } from './sync-tables';

type Db = Database.Database;

interface Capture {
  on: boolean;
  analyst: string;
}

const captures = new WeakMap<Db, Capture>();

const serverKey = 'server';
const analystKey = 'analyst';

function stateValue(db: Db, key: string): string | null {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_state'").get();
  if (!has) return null;
  return (db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

function triggersFor(t: SyncedTable): string[] {
  const name = (what: string) => `sync_capture_${t.table}_${what}`;
  const idOf = (row: string) => entityIdSql(t, row);
  const known = (row: string) => `(SELECT layer FROM sync_rows WHERE entity = '${t.entity}' AND entity_id = ${idOf(row)})`;
  const layer = (row: string) => `coalesce(${known(row)}, ${t.layer(row)})`;
  const base = (row: string) => `coalesce((SELECT seq FROM sync_rows WHERE entity = '${t.entity}' AND entity_id = ${idOf(row)}), 0)`;
  const ours = (row: string) => `glossa_sync_capturing() AND ${layer(row)} IN ('shared', 'gold', glossa_sync_analyst())`;
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  // A put with no field left (an update of derived columns only) is not queued.
  const outbox = (row: string, op: 'put' | 'delete', fields: string) =>
    `INSERT INTO sync_outbox (id, analyst, entity, entity_id, op, fields, layer, base, made_at)
     SELECT glossa_uuid(), glossa_sync_analyst(), '${t.entity}', ${idOf(row)}, '${op}', f, ${layer(row)}, ${base(row)}, ${now}
     FROM (SELECT ${fields} AS f) WHERE ${op === 'put' ? "f <> '{}'" : '1'};`;
  const all = `json_object(${t.columns.map((c) => `'${c}', NEW.${col(c)}`).join(', ')})`;
  const values = t.columns.filter((c) => !t.key.includes(c));
  const changed = `(SELECT json_group_object(k, v) FROM (${values
    .map((c) => `SELECT '${c}' AS k, NEW.${col(c)} AS v WHERE OLD.${col(c)} IS NOT NEW.${col(c)}`)
    .join(' UNION ALL ')}))`;
  const triggers = [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${t.table} WHEN ${ours('NEW')} BEGIN
       INSERT INTO sync_rows (entity, entity_id, layer, seq) VALUES ('${t.entity}', ${idOf('NEW')}, ${layer('NEW')}, 0) ON CONFLICT DO NOTHING;
       ${outbox('NEW', 'put', all)}
     END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${t.table} WHEN ${ours('OLD')} BEGIN
       ${outbox('OLD', 'delete', `'{}'`)}
     END`,
  ];
  // A row that is all key (a report's tag) is only ever inserted and deleted.
  if (values.length > 0) {
    triggers.push(`CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${t.table} WHEN ${ours('NEW')} BEGIN
       ${outbox('NEW', 'put', changed)}
     END`);
  }
  return triggers;
}

function registerFunctions(db: Db, capture: Capture): void {
  db.function('glossa_sync_capturing', { deterministic: false }, () => (capture.on ? 1 : 0));
  db.function('glossa_sync_analyst', { deterministic: false }, () => capture.analyst);
  db.function('glossa_uuid', { deterministic: false }, () => randomUUID());
}

/** Starts capturing on this connection for `analyst` (joining, or opening a joined store). */
export function startCapture(db: Db, analyst: string): void {
  let capture = captures.get(db);
  if (!capture) {
    capture = { on: true, analyst };
    captures.set(db, capture);
    registerFunctions(db, capture);
  }
  capture.on = true;
  capture.analyst = analyst;
  for (const t of syncedTables) for (const sql of triggersFor(t)) db.exec(sql);
}

/** Stops capturing on this connection (leaving the team). */
export function stopCapture(db: Db): void {
  for (const t of syncedTables) for (const what of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS temp.sync_capture_${t.table}_${what}`);
  captures.delete(db);
}

/** Opening a store: capture when it is in a team (one read of sync_state). */
export function captureIfJoined(db: Db): void {
  if (stateValue(db, serverKey) === null) return;
  const analyst = stateValue(db, analystKey);
  if (analyst) startCapture(db, analyst);
}

/** Runs fn with capture off on this connection: pulled changes are applied, never sent back. */
export function withoutCapture<T>(db: Db, fn: () => T): T {
  const capture = captures.get(db);
  if (!capture || !capture.on) return fn();
  capture.on = false;
  try {
    return fn();
  } finally {
    capture.on = true;
  }
}

export function isCapturing(db: Db): boolean {
  return captures.get(db)?.on === true;
}

export const syncStateKeys = {
  server: serverKey,
  analyst: analystKey,
  analystName: 'analystName',
  highWater: 'highWater',
  lastSyncedAt: 'lastSyncedAt',
  /** When the join's comparison with the log was committed; '' while a join is under way. */
  joined: 'joined',
} as const;
