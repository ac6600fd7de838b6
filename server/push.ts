// Stores a batch of validated, authorised changes in one transaction, by the merge rule of
// shared/sync/README.md: duplicates return their first sequence, an object keeps the layer of its
// first change, and a shared or gold field written by another analyst since the change's base is
// held as a conflict instead of applied.
import { mergesPerField, type Change, type PushResponse } from '../shared/sync/protocol';
import { inTransaction, type Db, type Tx } from './db';

type Accepted = PushResponse['accepted'][number];
type Rejected = PushResponse['rejected'][number];

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

/** Claims each new object's layer (by the first claimant), then returns the layer every object of the batch lives in. */
async function entityLayers(tx: Tx, claimants: Change[], changes: Change[]): Promise<Map<string, string>> {
  const entities = changes.map((c) => c.entity);
  const ids = changes.map((c) => c.entityId);
  if (claimants.length > 0) {
    await tx.query(
      `INSERT INTO entity_layers (entity, entity_id, layer)
       SELECT DISTINCT ON (e, i) e, i, l FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(e, i, l, n)
       ORDER BY e, i, n
       ON CONFLICT DO NOTHING`,
      [claimants.map((c) => c.entity), claimants.map((c) => c.entityId), claimants.map((c) => c.layer)],
    );
  }
  const result = await tx.query<{ entity: string; entity_id: string; layer: string }>(
    `SELECT l.entity, l.entity_id, l.layer FROM entity_layers l
     JOIN unnest($1::text[], $2::text[]) AS t(e, i) ON l.entity = t.e AND l.entity_id = t.i`,
    [entities, ids],
  );
  return new Map(result.rows.map((row) => [entityKey(row.entity, row.entity_id), row.layer]));
}

interface Head {
  seq: number;
  analyst: string;
}

/** A conflict this push records; resolvedSeq is set when a later change of the same push applies the field. */
interface NewConflict {
  seq: number;
  change: Change;
  field: string;
  head: Head;
  resolvedSeq: number | null;
}

/**
 * The per-field merge of shared and gold changes for one push, in memory: the heads of every
 * object the batch touches are read once, updated change by change in the batch's order, and
 * written back once, so a push costs the same few queries whatever its size.
 */
class SharedMerge {
  private readonly heads = new Map<string, Map<string, Head>>();
  private readonly dirty = new Set<string>();
  /** Open conflicts from earlier pushes to close: the first sequence in this push that applies each field. */
  private readonly resolutions = new Map<string, { entity: string; entityId: string; field: string; seq: number }>();
  readonly conflicts: NewConflict[] = [];

  static async load(tx: Tx, changes: Change[]): Promise<SharedMerge> {
    const merge = new SharedMerge();
    const shared = changes.filter((c) => mergesPerField(c.layer));
    if (shared.length === 0) return merge;
    const result = await tx.query<{ entity: string; entity_id: string; field: string; seq: number; analyst: string }>(
      `SELECT h.entity, h.entity_id, h.field, h.seq, h.analyst FROM entity_heads h
       JOIN (SELECT DISTINCT e, i FROM unnest($1::text[], $2::text[]) AS t(e, i)) t ON h.entity = t.e AND h.entity_id = t.i`,
      [shared.map((c) => c.entity), shared.map((c) => c.entityId)],
    );
    for (const row of result.rows) merge.fieldsOf(entityKey(row.entity, row.entity_id)).set(row.field, { seq: row.seq, analyst: row.analyst });
    return merge;
  }

  private fieldsOf(key: string): Map<string, Head> {
    let fields = this.heads.get(key);
    if (!fields) this.heads.set(key, (fields = new Map()));
    return fields;
  }

  /** Merges one change stored under `seq`; returns the fields held as conflicts ('*' for a delete). */
  apply(change: Change, seq: number): string[] {
    const key = entityKey(change.entity, change.entityId);
    const fields = this.fieldsOf(key);
    const newer = (head: Head | undefined) => (head && head.seq > change.base && head.analyst !== change.analyst ? head : undefined);
    const held: { field: string; head: Head }[] = [];
    if (change.op === 'delete') {
      const latest = [...fields.values()].filter((h) => newer(h)).sort((a, b) => b.seq - a.seq)[0];
      if (latest) held.push({ field: '*', head: latest });
    } else {
      for (const field of Object.keys(change.fields)) {
        const head = newer(fields.get(field)) ?? newer(fields.get('*'));
        if (head) held.push({ field, head });
      }
    }
    const heldFields = held.map((h) => h.field);
    const applied = change.op === 'delete' ? (held.length ? [] : ['*']) : Object.keys(change.fields).filter((f) => !heldFields.includes(f));
    for (const field of applied) {
      fields.set(field, { seq, analyst: change.analyst });
      this.dirty.add(`${key}\u0000${field}`);
      // Conflicts held earlier in this push are closed by this write too.
      for (const open of this.conflicts) {
        if (open.resolvedSeq === null && entityKey(open.change.entity, open.change.entityId) === key && (field === '*' || open.field === field)) open.resolvedSeq = seq;
      }
      const resolution = `${key}\u0000${field}`;
      if (!this.resolutions.has(resolution)) this.resolutions.set(resolution, { entity: change.entity, entityId: change.entityId, field, seq });
    }
    for (const { field, head } of held) this.conflicts.push({ seq, change, field, head, resolvedSeq: null });
    return heldFields;
  }

  /** Writes the heads back and closes the open conflicts of earlier pushes that this push resolved. */
  async save(tx: Tx): Promise<void> {
    if (this.dirty.size > 0) {
      const rows = [...this.dirty].map((k) => {
        const [entity, entityId, field] = k.split('\u0000') as [string, string, string];
        return { entity, entityId, field, head: this.heads.get(entityKey(entity, entityId))!.get(field)! };
      });
      await tx.query(
        `INSERT INTO entity_heads (entity, entity_id, field, seq, analyst)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::uuid[])
         ON CONFLICT (entity, entity_id, field) DO UPDATE SET seq = EXCLUDED.seq, analyst = EXCLUDED.analyst`,
        [rows.map((r) => r.entity), rows.map((r) => r.entityId), rows.map((r) => r.field), rows.map((r) => r.head.seq), rows.map((r) => r.head.analyst)],
      );
    }
    if (this.resolutions.size > 0) {
      const rows = [...this.resolutions.values()];
      await tx.query(
        `UPDATE conflicts c SET resolved_seq = r.seq
         FROM (SELECT e, i, f, min(s) AS seq FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS t(e, i, f, s) GROUP BY e, i, f) r
         WHERE c.resolved_seq IS NULL AND c.entity = r.e AND c.entity_id = r.i AND (c.field = r.f OR r.f = '*')`,
        [rows.map((r) => r.entity), rows.map((r) => r.entityId), rows.map((r) => r.field), rows.map((r) => r.seq)],
      );
    }
  }

  /** Records this push's conflicts (after its changes, which they reference); returns them with their ids, in order. */
  async record(tx: Tx): Promise<PushResponse['conflicts']> {
    if (this.conflicts.length === 0) return [];
    const c = this.conflicts;
    const result = await tx.query<{ id: number; change_seq: number; field: string }>(
      `INSERT INTO conflicts (change_seq, entity, entity_id, field, analyst, value, head_seq, head_analyst, resolved_seq)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[], $7::bigint[], $8::uuid[], $9::bigint[])
       RETURNING id, change_seq, field`,
      [
        c.map((x) => x.seq),
        c.map((x) => x.change.entity),
        c.map((x) => x.change.entityId),
        c.map((x) => x.field),
        c.map((x) => x.change.analyst),
        c.map((x) => (x.field === '*' ? null : JSON.stringify(x.change.fields[x.field]))),
        c.map((x) => x.head.seq),
        c.map((x) => x.head.analyst),
        c.map((x) => x.resolvedSeq),
      ],
    );
    const idOf = new Map(result.rows.map((row) => [`${row.change_seq}\u0000${row.field}`, row.id]));
    return c.map((x) => ({ id: idOf.get(`${x.seq}\u0000${x.field}`)!, changeId: x.change.id, entity: x.change.entity, entityId: x.change.entityId, field: x.field }));
  }
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
    // Only new changes claim a layer for their object, each id once (a reused id must not claim).
    const claimants: Change[] = [];
    const claimed = new Set<string>();
    for (const change of changes) {
      if (stored.has(change.id) || claimed.has(change.id)) continue;
      claimed.add(change.id);
      claimants.push(change);
    }
    const layers = await entityLayers(tx, claimants, changes);
    const merge = await SharedMerge.load(tx, changes);
    const accepted: Accepted[] = [];
    const rejected: Rejected[] = [];
    const fresh: NewChange[] = [];
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
      const row: NewChange = { change, seq, conflicted: mergesPerField(change.layer) ? merge.apply(change, seq) : [] };
      fresh.push(row);
      inBatch.set(change.id, row);
      accepted.push({ id: change.id, seq, duplicate: false });
    }
    await insertChanges(tx, fresh);
    await merge.save(tx);
    const conflicts = await merge.record(tx);
    if (fresh.length > 0) await tx.query('UPDATE sequence_head SET seq = $1', [seq]);
    return { accepted, rejected, conflicts, head: seq };
  });
}
