// Push: the outbox in batches within syncLimits, in the order the changes were made. A new
// document's text goes first, in documentText chunks of at most maxTextChunkBytes, with ids
// derived from its change's id (so a resent batch is recognised). Each change is checked with the
// shared schema first: one the server would refuse is marked rejected here instead of blocking
// every later push.
import { createHash } from 'node:crypto';
import { Change, PushResponse, syncLimits, utf8Bytes } from '../../../shared/sync/protocol';
import type { Db, Store } from '../../store/store';
import { markAccepted, markRejected, pendingChanges, type OutboxRow } from '../../store/writers/sync-outbox';
import type { Transport } from './transport';
import { cancelled } from './transport';

export interface PushOutcome {
  pushed: number;
  rejected: number;
  conflicts: number;
}

/** A UUID made from a change id and a chunk number: the same every time the change is sent. */
function derivedId(id: string, part: number): string {
  const hex = createHash('sha256').update(`${id}:text:${part}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Cuts text into pieces of at most `maxBytes` UTF-8 bytes, never inside a surrogate pair: a UTF-16
 * code unit is at most 3 bytes, so maxBytes / 3 units always fit.
 */
export function textChunks(text: string, maxBytes: number): string[] {
  const units = Math.floor(maxBytes / 3);
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + units);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

function changeOf(row: OutboxRow): Change {
  return { id: row.id, analyst: row.analyst, entity: row.entity as Change['entity'], entityId: row.entity_id, op: row.op, fields: JSON.parse(row.fields) as Change['fields'], layer: row.layer as Change['layer'], madeAt: row.made_at, base: row.base };
}

/** The changes one outbox row sends: a new document's text chunks, then the row's own change. */
function wireChanges(db: Db, row: OutboxRow): Change[] {
  const change = changeOf(row);
  if (change.entity !== 'document' || change.op !== 'put' || !('content_hash' in change.fields)) return [change];
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(change.entityId) as string | undefined;
  if (text === undefined) return [change];
  const pieces = textChunks(text, syncLimits.maxTextChunkBytes);
  const parts = (pieces.length ? pieces : ['']).map((piece, position, all) => ({
    ...change,
    id: derivedId(change.id, position),
    entity: 'documentText' as const,
    entityId: `${change.entityId}:${position}`,
    fields: { documentId: change.entityId, position, count: all.length, text: piece },
  }));
  return [...parts, change];
}

interface Batch {
  changes: Change[];
  /** Outbox ids in the batch (derived text chunks are not in the outbox). */
  rows: number;
  last: number;
}

/** The next batch after outbox position `after`; changes the server would refuse are marked rejected here. */
function nextBatch(store: Store, after: number, rejectedHere: { count: number }): Batch | null {
  const changes: Change[] = [];
  let bytes = 16;
  let last = after;
  let rows = 0;
  const budget = syncLimits.maxPushBytes - 64 * 1024;
  for (;;) {
    const page = pendingChanges(store.db, last, 200);
    if (page.length === 0) break;
    for (const row of page) {
      const wire = wireChanges(store.db, row);
      const problems = wire.map((c) => Change.safeParse(c)).filter((r) => !r.success);
      const sizes = wire.map((c) => utf8Bytes(JSON.stringify(c)) + 1);
      if (problems.length > 0 || sizes.some((s) => s > syncLimits.maxChangeBytes)) {
        const why = problems[0]?.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? `larger than ${syncLimits.maxChangeBytes} bytes`;
        store.transaction(() => markRejected(store.db, row.id, `not sent: ${why}`));
        rejectedHere.count += 1;
        last = row.seq;
        continue;
      }
      const size = sizes.reduce((a, b) => a + b, 0);
      if (changes.length > 0 && (changes.length + wire.length > syncLimits.maxBatchChanges || bytes + size > budget)) return { changes, rows, last };
      changes.push(...wire);
      bytes += size;
      rows += 1;
      last = row.seq;
    }
  }
  return changes.length ? { changes, rows, last } : null;
}

/** Pushes every pending change, batch by batch; each batch's answer is recorded in one transaction. */
export async function pushOutbox(store: Store, transport: Transport, signal: AbortSignal | undefined, onBatch: (done: number, total: number) => void): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: 0, conflicts: 0 };
  const rejectedHere = { count: 0 };
  const total = store.db.prepare('SELECT count(*) FROM sync_outbox WHERE accepted_seq IS NULL AND rejected IS NULL').pluck().get() as number;
  let after = 0;
  let done = 0;
  for (;;) {
    if (signal?.aborted) throw cancelled();
    const batch = nextBatch(store, after, rejectedHere);
    if (!batch) break;
    const answer = PushResponse.parse(await transport.post('/v1/push', JSON.stringify({ changes: batch.changes })));
    store.transaction(() => {
      for (const a of answer.accepted) markAccepted(store.db, a.id, a.seq);
      for (const r of answer.rejected) markRejected(store.db, r.id, `${r.reason}: ${r.message}`);
    });
    const chunkIds = new Set(batch.changes.filter((c) => c.entity === 'documentText').map((c) => c.id));
    outcome.pushed += answer.accepted.filter((a) => !chunkIds.has(a.id)).length;
    outcome.rejected += answer.rejected.filter((r) => !chunkIds.has(r.id)).length;
    outcome.conflicts += answer.conflicts.length;
    done += batch.rows;
    after = batch.last;
    onBatch(done, total);
  }
  outcome.rejected += rejectedHere.count;
  return outcome;
}
