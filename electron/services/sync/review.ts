// The review queue: fields the server held back as conflicts, with both values, and their
// resolution as an ordinary put of the chosen value (which closes the conflict on every replica
// once synced: shared/sync/README.md, rule 4).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { deleteSyncedRow, putSyncedRow, syncedRow } from '../../store/writers/sync-apply';
import { withoutCapture } from '../../store/writers/sync-capture';
import { markResolved, openConflict, openConflicts, type ConflictRow } from '../../store/writers/sync-conflicts';
import { queueChange } from '../../store/writers/sync-outbox';
import { syncRow } from '../../store/writers/sync-rows';
import { syncedTableOf } from '../../store/writers/sync-tables';
import { analystById } from '../analysts/analysts';
import type { ServiceContext } from '../context';

export interface ConflictItem {
  id: number;
  entity: string;
  entityId: string;
  field: string;
  description: string;
  mine: unknown;
  theirs: unknown;
  theirAnalyst: string;
  madeAt: string;
}

const entityNames: Record<string, string> = {
  document: 'report',
  label: 'label',
  attribute: 'attribute',
  relationType: 'relation type',
  gold: 'gold decision',
  eventRole: 'event role',
  documentTag: 'report tag',
  documentNotice: 'report notice',
};

function describe(ctx: ServiceContext, row: ConflictRow): string {
  const t = syncedTableOf.get(row.entity);
  const current = t ? syncedRow(ctx.store.db, t, row.entity_id) : undefined;
  const name = current ? (current.title ?? current.name ?? current.quote ?? row.entity_id) : row.entity_id;
  const what = entityNames[row.entity] ?? row.entity;
  return row.field === '*' ? `The ${what} “${String(name)}” was deleted on one side and changed on the other.` : `The ${what} “${String(name)}”: ${row.field.replace(/_/g, ' ')} was changed on both sides.`;
}

export function listConflicts(ctx: ServiceContext): ConflictItem[] {
  return openConflicts(ctx.store.db).map((row) => ({
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    field: row.field,
    description: describe(ctx, row),
    mine: JSON.parse(row.mine ?? 'null') as unknown,
    theirs: JSON.parse(row.theirs ?? 'null') as unknown,
    theirAnalyst: analystById(ctx.store.db, row.their_analyst)?.name ?? row.their_analyst,
    madeAt: row.made_at,
  }));
}

/** Queues the chosen value as an ordinary put (for a delete held back: the delete, or the whole row kept). */
export function resolveConflict(ctx: ServiceContext, id: number, take: 'mine' | 'theirs'): void {
  const db = ctx.store.db;
  const row = openConflict(db, id);
  if (!row) throw new AppError('NOT_FOUND', `No open conflict has the id ${id} (glossa sync --conflicts lists them).`);
  const t = syncedTableOf.get(row.entity);
  if (!t) throw new AppError('INTERNAL', `This version of Glossa does not keep ${row.entity} objects.`);
  const chosen = JSON.parse((take === 'mine' ? row.mine : row.theirs) ?? 'null') as unknown;
  const known = syncRow(db, row.entity, row.entity_id);
  const base = { id: randomUUID(), analyst: ctx.analyst.id, entity: t.entity, entityId: row.entity_id, layer: known?.layer ?? 'shared', base: known?.seq ?? 0, madeAt: ctx.now() };
  ctx.store.transaction(() =>
    withoutCapture(db, () => {
      if (row.field !== '*') {
        putSyncedRow(db, t, row.entity_id, { [row.field]: chosen }, Number.MAX_SAFE_INTEGER);
        queueChange(db, { ...base, op: 'put', fields: { [row.field]: chosen } });
      } else if (chosen === null) {
        deleteSyncedRow(db, t, row.entity_id);
        queueChange(db, { ...base, op: 'delete', fields: {} });
      } else {
        const current = syncedRow(db, t, row.entity_id) ?? (chosen as Record<string, unknown>);
        queueChange(db, { ...base, op: 'put', fields: Object.fromEntries(t.columns.filter((c) => !t.key.includes(c)).map((c) => [c, current[c] ?? null])) });
      }
      markResolved(db, row.id, ctx.now());
    }),
  );
}
