// Joining a team: the token's analyst must be the one whose annotations the store holds (a store
// with none of its own adopts it); then the whole log is pulled first and only what the store has
// that the log lacks is queued, so a store that left and joins again queues nothing. Rows the
// store had before joining are compared with the log's last state of them instead of being
// overwritten. Until the comparison is committed the join is not done, and a rerun starts it over.
import { randomUUID } from 'node:crypto';
import type { Analyst } from '../../../shared/schemas/analysts';
import { AppError } from '../../../shared/errors';
import { MeResponse, type StoredChange } from '../../../shared/sync/protocol';
import type { Db } from '../../store/store';
import * as analystRows from '../../store/writers/analysts';
import { deleteSyncedRow, syncedRow } from '../../store/writers/sync-apply';
import { startCapture, syncStateKeys, withoutCapture } from '../../store/writers/sync-capture';
import { clearConflicts } from '../../store/writers/sync-conflicts';
import { clearDeferred } from '../../store/writers/sync-deferred';
import { queueChange } from '../../store/writers/sync-outbox';
import { clearSyncRows, recordApplied, recordKnown, syncRow } from '../../store/writers/sync-rows';
import { setSyncState } from '../../store/writers/sync-state';
import { col, entityIdSql, syncedTableOf, syncedTables, type SyncedTable } from '../../store/writers/sync-tables';
import { analystById, analystByName } from '../analysts/analysts';
import type { ServiceContext } from '../context';
import type { Interceptor } from './inbound';
import type { Transport } from './transport';

/** The log's last state of an object the store had before joining. */
interface LogState {
  layer: string;
  seq: number;
  analyst: string;
  fields: Record<string, unknown>;
  deleted: boolean;
}

export async function whoAmI(transport: Transport): Promise<Analyst> {
  return MeResponse.parse(await transport.get('/v1/me'));
}

/** Makes the token's analyst the store's own, or refuses (changing nothing) when the store holds another's annotations. */
export function adoptAnalyst(ctx: ServiceContext, me: Analyst): void {
  const db = ctx.store.db;
  if (ctx.analyst.id === me.id) return;
  const own = db.prepare('SELECT count(*) FROM annotations WHERE layer = ?').pluck().get(ctx.analyst.id) as number;
  if (own > 0) {
    throw new AppError(
      'WRONG_ANALYST',
      `This token is ${me.name}'s, but this store holds ${own} annotation${own === 1 ? '' : 's'} of ${ctx.analyst.name}'s. Join with ${ctx.analyst.name}'s token, or use another store; nothing was changed.`,
    );
  }
  ctx.store.transaction(() => {
    if (!analystById(db, me.id)) {
      const namesake = analystByName(db, me.name);
      if (namesake) analystRows.renameAnalyst(db, namesake.id, `${namesake.name} (${namesake.id.slice(0, 8)})`);
      analystRows.insertAnalyst(db, me, ctx.now());
    }
    analystRows.setLocalAnalyst(db, me.id);
  });
  ctx.analyst = { id: me.id, name: analystById(db, me.id)!.name };
}

/** Remembers the server and starts capturing; a join starts from an empty sync state. */
export function beginJoin(ctx: ServiceContext, url: string, me: Analyst): void {
  const db = ctx.store.db;
  ctx.store.transaction(() => {
    clearSyncRows(db);
    clearConflicts(db);
    clearDeferred(db);
    setSyncState(db, syncStateKeys.server, url);
    setSyncState(db, syncStateKeys.analyst, me.id);
    setSyncState(db, syncStateKeys.analystName, me.name);
    setSyncState(db, syncStateKeys.highWater, '0');
    setSyncState(db, syncStateKeys.joined, '');
    startCapture(db, me.id);
  });
}

/** Holds back the log's changes to objects the store had before joining, keeping their last state. */
export function joinInterceptor(db: Db, held: Map<string, LogState>): Interceptor {
  return (change: StoredChange) => {
    const t = syncedTableOf.get(change.entity);
    if (!t) return false;
    const key = `${change.entity}\u0000${change.entityId}`;
    let state = held.get(key);
    if (!state) {
      if (syncRow(db, change.entity, change.entityId) || !syncedRow(db, t, change.entityId)) return false;
      state = { layer: change.layer, seq: 0, analyst: change.analyst, fields: {}, deleted: false };
      held.set(key, state);
    }
    state.seq = change.seq;
    state.analyst = change.analyst;
    if (change.op === 'delete') {
      if (!change.conflicted.includes('*')) state.deleted = true;
    } else {
      state.deleted = false;
      for (const [field, value] of Object.entries(change.fields)) if (!change.conflicted.includes(field)) state.fields[field] = value;
    }
    return true;
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function queuePut(db: Db, me: string, t: SyncedTable, entityId: string, layer: string, fields: Record<string, unknown>, base: number): void {
  queueChange(db, { id: randomUUID(), analyst: me, entity: t.entity, entityId, op: 'put', fields, layer, base, madeAt: new Date().toISOString() });
}

const ours = (layer: string, me: string) => layer === 'shared' || layer === 'gold' || layer === me;

/** After the whole log: queues what the store has that the log lacks, and marks the join done. Returns how many changes were queued. */
export function finishJoin(ctx: ServiceContext, held: Map<string, LogState>): number {
  const db = ctx.store.db;
  const me = ctx.analyst.id;
  let queued = 0;
  ctx.store.transaction(() =>
    withoutCapture(db, () => {
      for (const [key, state] of held) {
        const [entity, entityId] = key.split('\u0000') as [string, string];
        const t = syncedTableOf.get(entity)!;
        const local = syncedRow(db, t, entityId);
        if (state.deleted) {
          if (local) deleteSyncedRow(db, t, entityId);
        } else if (local && ours(state.layer, me)) {
          const differs = Object.fromEntries(t.columns.filter((c) => !t.key.includes(c) && !same(local[c], state.fields[c])).map((c) => [c, local[c]]));
          if (Object.keys(differs).length > 0) {
            queuePut(db, me, t, entityId, state.layer, differs, state.seq);
            queued += 1;
          }
        }
        recordApplied(db, entity, entityId, state.layer, state.seq, state.analyst);
      }
      for (const t of syncedTables) {
        const rows = db
          .prepare(
            `SELECT ${entityIdSql(t, 'r')} AS entity_id, ${t.layer('r')} AS layer, ${t.columns.map((c) => `r.${col(c)}`).join(', ')} FROM ${t.table} r
             WHERE NOT EXISTS (SELECT 1 FROM sync_rows s WHERE s.entity = ? AND s.entity_id = ${entityIdSql(t, 'r')})`,
          )
          .all(t.entity) as ({ entity_id: string; layer: string | null } & Record<string, unknown>)[];
        for (const row of rows) {
          const layer = row.layer ?? '';
          recordKnown(db, t.entity, row.entity_id, layer);
          if (!ours(layer, me)) continue;
          queuePut(db, me, t, row.entity_id, layer, Object.fromEntries(t.columns.map((c) => [c, row[c]])), 0);
          queued += 1;
        }
      }
      setSyncState(db, syncStateKeys.joined, new Date().toISOString());
    }),
  );
  return queued;
}

