// A page of the change log after a sequence number, in sequence order, cut by count and bytes.
import { syncLimits, type PullQuery, type PullResponse, type StoredChange } from '../shared/sync/protocol';
import type { Db } from './db';

interface Row {
  seq: number;
  id: string;
  analyst: string;
  entity: StoredChange['entity'];
  entity_id: string;
  op: StoredChange['op'];
  fields: StoredChange['fields'];
  layer: string;
  made_at: string;
  base: number;
  received_at: Date;
  conflicted: string[];
  bytes: number;
}

export async function pullChanges(db: Db, query: PullQuery): Promise<PullResponse> {
  const result = await db.query<Row>(
    `SELECT seq, id, analyst, entity, entity_id, op, fields, layer, made_at, base, received_at, conflicted,
            octet_length(fields::text) AS bytes
     FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [query.after, query.limit],
  );
  const head = await db.query<{ seq: number }>('SELECT seq FROM sequence_head');
  const changes: StoredChange[] = [];
  let bytes = 0;
  for (const row of result.rows) {
    bytes += row.bytes;
    if (changes.length > 0 && bytes > syncLimits.maxPullBytes) break;
    changes.push({
      seq: row.seq,
      id: row.id,
      analyst: row.analyst,
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      fields: row.fields,
      layer: row.layer,
      madeAt: row.made_at,
      base: row.base,
      receivedAt: row.received_at.toISOString(),
      conflicted: row.conflicted,
    });
  }
  const ids = [...new Set(changes.map((c) => c.analyst))];
  const analysts = ids.length ? (await db.query<{ id: string; name: string }>('SELECT id, name FROM analysts WHERE id = ANY($1::uuid[]) ORDER BY name', [ids])).rows : [];
  const highWater = changes.at(-1)?.seq ?? query.after;
  const serverHead = head.rows[0]?.seq ?? 0;
  return { changes, highWater, head: Math.max(serverHead, highWater), hasMore: highWater < serverHead, analysts };
}
