// Pull: pages of the log in sequence order, each applied in one transaction together with its
// high-water mark, so a crash leaves the store at a page boundary and a rerun continues there.
// Every replica applies a change the same way (shared/sync/README.md): its fields minus the
// `conflicted` ones. Besides: a field a newer local change waits to send keeps its local value
// (the log's is kept aside, in case the server holds the local one as a conflict); a change whose
// parent is not here yet is deferred and retried after every page; changes this store made are
// already applied here.
import { PullResponse, type StoredChange } from '../../../shared/sync/protocol';
import type { Db, Store } from '../../store/store';
import { addConflict, closeConflictsByWrite, hasOpenConflicts } from '../../store/writers/sync-conflicts';
import { addTextChunk, deferChange, deferredChanges, deferredCount, dropDeferred, hasDeferred, takeWholeText } from '../../store/writers/sync-deferred';
import { deleteSyncedRow, putSyncedRow, syncedRow, type ApplyOutcome } from '../../store/writers/sync-apply';
import { withoutCapture, syncStateKeys } from '../../store/writers/sync-capture';
import { isOwnChange, pruneOutbox, waitingChanges } from '../../store/writers/sync-outbox';
import { hasShadows, keepShadow, recordApplied, syncRow, takeShadow } from '../../store/writers/sync-rows';
import { syncedTableOf } from '../../store/writers/sync-tables';
import { setSyncState, syncState } from '../../store/writers/sync-state';
import { insertAnalyst } from '../../store/writers/analysts';
import { analystById, analystByName } from '../analysts/analysts';
import { cancelled, type Transport } from './transport';

export interface PullOutcome {
  pulled: number;
  conflicts: number;
}

interface PageCounts {
  /** Changes of others applied (or deferred). */
  pulled: number;
  conflicts: number;
}

/** What a page need not look up change by change when the store has none of it (the usual case). */
interface PageFlags {
  openConflicts: boolean;
  shadows: boolean;
  deferred: boolean;
}

/** A change the join holds back instead of applying: see join.ts. */
export type Interceptor = (change: StoredChange) => boolean;

/** Fields of the object that local changes not yet in the log at `seq` will set ('*': a delete). */
function waitingFields(db: Db, change: StoredChange): Set<string> {
  const fields = new Set<string>();
  for (const w of waitingChanges(db, change.entity, change.entityId, change.seq)) {
    if (w.op === 'delete') fields.add('*');
    else for (const f of Object.keys(JSON.parse(w.fields) as object)) fields.add(f);
  }
  return fields;
}

function recordConflicts(db: Db, me: string, change: StoredChange, before: Record<string, unknown> | undefined, lastWriter: string | null, counts: PageCounts): void {
  for (const field of change.conflicted) {
    const logValue = field === '*' ? null : (change.fields[field] ?? null);
    const current = field === '*' ? (before ?? null) : (before?.[field] ?? null);
    const mineIsChange = change.analyst === me;
    addConflict(db, {
      change_id: change.id,
      seq: change.seq,
      entity: change.entity,
      entity_id: change.entityId,
      field,
      mine: JSON.stringify(mineIsChange ? logValue : current),
      theirs: JSON.stringify(mineIsChange ? current : logValue),
      their_analyst: mineIsChange ? (lastWriter ?? '') : change.analyst,
      made_at: change.madeAt,
    });
    counts.conflicts += 1;
  }
}

/** Applies one change; false when it must wait (deferred). */
function applyChange(db: Db, change: StoredChange, retrying: boolean, flags: PageFlags): ApplyOutcome {
  if (change.entity === 'documentText') {
    const f = change.fields as { documentId: string; position: number; count: number; text: string };
    if (!syncedRow(db, syncedTableOf.get('document')!, f.documentId)) addTextChunk(db, f.documentId, f.position, f.count, f.text);
    return 'applied';
  }
  const t = syncedTableOf.get(change.entity);
  if (!t) return 'applied'; // an entity this version does not keep (a newer client's): nothing to write
  if (!retrying && flags.deferred && hasDeferred(db, change.entity, change.entityId)) return 'missing-parent';
  const own = isOwnChange(db, change.id);
  const held = new Set(change.conflicted);
  if (change.op === 'delete') {
    if (held.has('*') || own) return 'applied';
    if (waitingFields(db, change).has('*')) return 'applied';
    return deleteSyncedRow(db, t, change.entityId);
  }
  if (own) {
    // Already applied here when it was made; a field the server held back goes back to the log's value.
    if (!flags.shadows) return 'applied';
    for (const field of Object.keys(change.fields)) {
      const shadow = takeShadow(db, change.entity, change.entityId, field);
      if (held.has(field) && shadow) putSyncedRow(db, t, change.entityId, { [field]: shadow.value }, change.seq);
    }
    return 'applied';
  }
  const waiting = waitingFields(db, change);
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    if (held.has(field)) continue;
    if (waiting.has(field) || waiting.has('*')) {
      keepShadow(db, change.entity, change.entityId, field, value, change.seq);
      flags.shadows = true;
    } else fields[field] = value;
  }
  const text = t.table === 'documents' && !syncedRow(db, t, change.entityId) ? takeWholeText(db, change.entityId) : undefined;
  if (t.table === 'documents' && text === null) return 'missing-parent';
  return putSyncedRow(db, t, change.entityId, fields, change.seq, text ?? undefined);
}

function applyOne(db: Db, me: string, change: StoredChange, retrying: boolean, counts: PageCounts, flags: PageFlags): boolean {
  const t = syncedTableOf.get(change.entity);
  const conflicted = change.conflicted.length > 0 && t !== undefined;
  // The value on this side of a conflict: the local one for another's change; the log's (restored by the apply) for ours.
  let current = conflicted && change.analyst !== me ? syncedRow(db, t, change.entityId) : undefined;
  const lastWriter = syncRow(db, change.entity, change.entityId)?.analyst ?? null;
  const outcome = applyChange(db, change, retrying, flags);
  if (conflicted && change.analyst === me) current = syncedRow(db, t, change.entityId);
  if (outcome === 'missing-parent') {
    if (!retrying) deferChange(db, change.seq, change.entity, change.entityId, change, 'its parent is not here yet');
    flags.deferred = true;
    return false;
  }
  recordApplied(db, change.entity, change.entityId, change.layer, change.seq, change.analyst);
  if (flags.openConflicts) {
    const at = new Date().toISOString();
    const written = change.op === 'delete' ? ['*'] : Object.keys(change.fields).filter((f) => !change.conflicted.includes(f));
    for (const field of written) closeConflictsByWrite(db, change.entity, change.entityId, field, change.seq, at);
  }
  if (conflicted) {
    recordConflicts(db, me, change, current, lastWriter, counts);
    flags.openConflicts = true;
  }
  return true;
}

/** Adds a colleague the store does not know yet, so their layer shows their name (a namesake gets the id's start). */
function knowAnalyst(db: Db, analyst: { id: string; name: string }): void {
  if (analystById(db, analyst.id)) return;
  const name = analystByName(db, analyst.name) ? `${analyst.name} (${analyst.id.slice(0, 8)})` : analyst.name;
  insertAnalyst(db, { id: analyst.id, name }, new Date().toISOString());
}

/** Retries the deferred changes in log order until none more applies. */
function retryDeferred(db: Db, me: string, counts: PageCounts, flags: PageFlags): void {
  for (let progress = true; progress; ) {
    progress = false;
    for (const change of deferredChanges(db) as StoredChange[]) {
      if (applyOne(db, me, change, true, counts, flags)) {
        dropDeferred(db, change.seq);
        progress = true;
      }
    }
  }
}

/** Applies a page of the log and its high-water mark in one transaction. */
export function applyPage(store: Store, me: string, page: PullResponse, intercept?: Interceptor): PageCounts {
  const counts: PageCounts = { pulled: 0, conflicts: 0 };
  store.transaction(() =>
    withoutCapture(store.db, () => {
      for (const analyst of page.analysts ?? []) knowAnalyst(store.db, analyst);
      const flags: PageFlags = { openConflicts: hasOpenConflicts(store.db), shadows: hasShadows(store.db), deferred: deferredCount(store.db) > 0 };
      for (const change of page.changes) {
        // A document counts once: its text chunks come with it.
        if (change.entity !== 'documentText' && !isOwnChange(store.db, change.id)) counts.pulled += 1;
        if (intercept?.(change)) continue;
        applyOne(store.db, me, change, false, counts, flags);
      }
      if (flags.deferred) retryDeferred(store.db, me, counts, flags);
      setSyncState(store.db, syncStateKeys.highWater, String(page.highWater));
      pruneOutbox(store.db, page.highWater);
    }),
  );
  return counts;
}

export function highWater(db: Db): number {
  return Number(syncState(db, syncStateKeys.highWater) ?? 0);
}

/**
 * Pulls and applies every page after the store's high-water mark. The next page is asked for
 * before the current one is applied, so the server's time and the store's overlap.
 */
export async function pullLog(
  store: Store,
  me: string,
  transport: Transport,
  signal: AbortSignal | undefined,
  onPage: (done: number, total: number) => void,
  intercept?: Interceptor,
): Promise<PullOutcome> {
  const outcome: PullOutcome = { pulled: 0, conflicts: 0 };
  const start = highWater(store.db);
  const fetchPage = (after: number) => {
    const request = transport.get(`/v1/pull?after=${after}&limit=1000`).then((body) => PullResponse.parse(body));
    request.catch(() => undefined); // awaited below; a page fetched ahead and never used must not be an unhandled rejection
    return request;
  };
  if (signal?.aborted) throw cancelled();
  let next = fetchPage(start);
  for (;;) {
    const page = await next;
    const more = page.hasMore && page.changes.length > 0;
    if (more) next = fetchPage(page.highWater);
    const counts = applyPage(store, me, page, intercept);
    outcome.pulled += counts.pulled;
    outcome.conflicts += counts.conflicts;
    onPage(page.highWater - start, page.head - start);
    if (!more) return outcome;
    if (signal?.aborted) throw cancelled();
  }
}
