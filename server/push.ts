// Stores a batch of validated, authorised changes in one transaction, by the merge rule of
// shared/sync/README.md: duplicates return their first sequence, an object keeps the layer of its
// first change, and a shared or gold field written by another analyst since the change's base is
// held as a conflict instead of applied.
import { mergesPerField, type Change, type PushResponse } from '../shared/sync/protocol';
import { inTransaction, type Db, type Tx } from './db';

type Accepted = PushResponse['accepted'][number];
type Rejected = PushResponse['rejected'][number];
type HeldConflict = Omit<PushResponse['conflicts'][number], 'id'>;

interface StoredRow {
  id: string;
  seq: number;
  analyst: string;
  entity: string;
  entity_id: string;
  op: string;
  fields: unknown;
  layer: string;
}

interface NewChange {
  change: Change;
  seq: number;
  conflicted: string[];
}

/** Work that must follow the insert of the changes (foreign keys), in the batch's order. */
type Followup = (tx: Tx) => Promise<void>;

/** jsonb equality as PostgreSQL sees it: key order does not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameJson(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameChange(stored: Pick<StoredRow, 'analyst' | 'entity' | 'entity_id' | 'op' | 'fields' | 'layer'>, change: Change): boolean {
  return (
    stored.analyst === change.analyst &&
    stored.entity === change.entity &&
    stored.entity_id === change.entityId &&
    stored.op === change.op &&
    stored.layer === change.layer &&
    sameJson(stored.fields, change.fields)
  );
}

const entityKey = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

async function storedByIds(tx: Tx, ids: string[]): Promise<Map<string, StoredRow>> {
  const result = await tx.query<StoredRow>(
    'SELECT id, seq, analyst, entity, entity_id, op, fields, layer FROM changes WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(result.rows.map((row) => [row.id, row]));
}

/** Claims each new object's layer, then returns the layer every object of the batch lives in. */
async function entityLayers(tx: Tx, changes: Change[]): Promise<Map<string, string>> {
  const entities = changes.map((c) => c.entity);
  const ids = changes.map((c) => c.entityId);
  await tx.query(
    `INSERT INTO entity_layers (entity, entity_id, layer)
     SELECT DISTINCT ON (e, i) e, i, l FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(e, i, l, n)
     ORDER BY e, i, n
     ON CONFLICT DO NOTHING`,
    [entities, ids, changes.map((c) => c.layer)],
  );
  const result = await tx.query<{ entity: string; entity_id: string; layer: string }>(
    `SELECT l.entity, l.entity_id, l.layer FROM entity_layers l
     JOIN unnest($1::text[], $2::text[]) AS t(e, i) ON l.entity = t.e AND l.entity_id = t.i`,
    [entities, ids],
  );
  return new Map(result.rows.map((row) => [entityKey(row.entity, row.entity_id), row.layer]));
}

/** The fields of a shared or gold change that another analyst wrote after its base ('*' for a delete). */
async function conflictingFields(tx: Tx, change: Change): Promise<{ field: string; headSeq: number; headAnalyst: string }[]> {
  const newer = await tx.query<{ field: string; seq: number; analyst: string }>(
    `SELECT field, seq, analyst FROM entity_heads
     WHERE entity = $1 AND entity_id = $2 AND seq > $3 AND analyst <> $4
       AND ($5::boolean OR field = ANY($6::text[]) OR field = '*')`,
    [change.entity, change.entityId, change.base, change.analyst, change.op === 'delete', Object.keys(change.fields)],
  );
  if (newer.rows.length === 0) return [];
  const latest = newer.rows.reduce((a, b) => (b.seq > a.seq ? b : a));
  if (change.op === 'delete') return [{ field: '*', headSeq: latest.seq, headAnalyst: latest.analyst }];
  const byField = new Map(newer.rows.map((row) => [row.field, row]));
  const wholeObject = byField.get('*');
  return Object.keys(change.fields).flatMap((field) => {
    const head = byField.get(field) ?? wholeObject;
    return head ? [{ field, headSeq: head.seq, headAnalyst: head.analyst }] : [];
  });
}

/** Applies a shared or gold change's fields to the heads; returns the follow-ups (conflict rows, resolutions). */
async function mergeShared(tx: Tx, change: Change, seq: number, held: HeldConflict[], conflicted: string[]): Promise<Followup[]> {
  const conflicts = await conflictingFields(tx, change);
  conflicted.push(...conflicts.map((c) => c.field));
  const applied = change.op === 'delete' ? (conflicts.length ? [] : ['*']) : Object.keys(change.fields).filter((f) => !conflicted.includes(f));
  if (applied.length > 0) {
    await tx.query(
      `INSERT INTO entity_heads (entity, entity_id, field, seq, analyst) SELECT $1, $2, f, $3, $4 FROM unnest($5::text[]) AS f
       ON CONFLICT (entity, entity_id, field) DO UPDATE SET seq = EXCLUDED.seq, analyst = EXCLUDED.analyst`,
      [change.entity, change.entityId, seq, change.analyst, applied],
    );
  }
  const followups: Followup[] = [];
  if (applied.length > 0) {
    followups.push(async (t) => {
      await t.query(
        `UPDATE conflicts SET resolved_seq = $1 WHERE entity = $2 AND entity_id = $3 AND resolved_seq IS NULL
           AND ($4::boolean OR field = ANY($5::text[]))`,
        [seq, change.entity, change.entityId, change.op === 'delete', applied],
      );
    });
  }
  for (const conflict of conflicts) {
    held.push({ changeId: change.id, entity: change.entity, entityId: change.entityId, field: conflict.field });
    followups.push(async (t) => {
      await t.query(
        `INSERT INTO conflicts (change_seq, entity, entity_id, field, analyst, value, head_seq, head_analyst)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [seq, change.entity, change.entityId, conflict.field, change.analyst, conflict.field === '*' ? null : JSON.stringify(change.fields[conflict.field]), conflict.headSeq, conflict.headAnalyst],
      );
    });
  }
  return followups;
}

async function insertChanges(tx: Tx, rows: NewChange[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO changes (seq, id, analyst, entity, entity_id, op, fields, layer, made_at, base, conflicted)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::bigint[], $11::jsonb[])`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.change.id),
      rows.map((r) => r.change.analyst),
      rows.map((r) => r.change.entity),
      rows.map((r) => r.change.entityId),
      rows.map((r) => r.change.op),
      rows.map((r) => JSON.stringify(r.change.fields)),
      rows.map((r) => r.change.layer),
      rows.map((r) => r.change.madeAt),
      rows.map((r) => r.change.base),
      rows.map((r) => JSON.stringify(r.conflicted)),
    ],
  );
}

/** Stores the batch (already validated and authorised for its analyst) in one transaction. */
export async function pushChanges(db: Db, changes: Change[]): Promise<PushResponse> {
  return inTransaction(db, async (tx) => {
    // The row lock on sequence_head serialises pushes until commit: sequences are gap-free and
    // every change below a pull's high-water mark is already visible.
    const head = await tx.query<{ seq: number }>('SELECT seq FROM sequence_head FOR UPDATE');
    let seq = head.rows[0]!.seq;
    const stored = await storedByIds(tx, changes.map((c) => c.id));
    const layers = await entityLayers(tx, changes);
    const accepted: Accepted[] = [];
    const rejected: Rejected[] = [];
    const held: HeldConflict[] = [];
    const fresh: NewChange[] = [];
    const followups: Followup[] = [];
    const inBatch = new Map<string, NewChange>();
    for (const change of changes) {
      const earlier = stored.get(change.id);
      const sibling = inBatch.get(change.id);
      if (earlier || sibling) {
        const same = earlier ? sameChange(earlier, change) : sameChange({ ...sibling!.change, entity_id: sibling!.change.entityId }, change);
        if (same) accepted.push({ id: change.id, seq: earlier?.seq ?? sibling!.seq, duplicate: true });
        else rejected.push({ id: change.id, reason: 'id-reused', message: 'This id was already used by a different change.' });
        continue;
      }
      const layer = layers.get(entityKey(change.entity, change.entityId));
      if (layer !== change.layer) {
        rejected.push({ id: change.id, reason: 'layer-mismatch', message: `This ${change.entity} lives in layer ${layer}, not ${change.layer}.` });
        continue;
      }
      seq += 1;
      const row: NewChange = { change, seq, conflicted: [] };
      if (mergesPerField(change.layer)) followups.push(...(await mergeShared(tx, change, seq, held, row.conflicted)));
      fresh.push(row);
      inBatch.set(change.id, row);
      accepted.push({ id: change.id, seq, duplicate: false });
    }
    await insertChanges(tx, fresh);
    for (const followup of followups) await followup(tx);
    if (fresh.length > 0) await tx.query('UPDATE sequence_head SET seq = $1', [seq]);
    const conflicts = await conflictIds(tx, held, fresh);
    return { accepted, rejected, conflicts, head: seq };
  });
}

/** The ids of the conflict rows this push recorded, in the order they were held. */
async function conflictIds(tx: Tx, held: HeldConflict[], fresh: NewChange[]): Promise<PushResponse['conflicts']> {
  if (held.length === 0) return [];
  const seqs = fresh.filter((r) => r.conflicted.length > 0).map((r) => r.seq);
  const result = await tx.query<{ id: number; change_seq: number; field: string }>(
    'SELECT id, change_seq, field FROM conflicts WHERE change_seq = ANY($1::bigint[])',
    [seqs],
  );
  const seqById = new Map(fresh.map((r) => [r.change.id, r.seq]));
  const idOf = new Map(result.rows.map((row) => [`${row.change_seq}\u0000${row.field}`, row.id]));
  return held.map((h) => ({ ...h, id: idOf.get(`${seqById.get(h.changeId)}\u0000${h.field}`)! }));
}
