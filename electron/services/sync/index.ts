// Team sync, the client side (the API the Team menu and `glossa sync` use): join a team's server,
// sync (push the outbox, then pull and apply the log), status, the review queue, leave. Plain
// Node: no Electron. The merge rule is shared/sync/README.md's; the tables are migration 0015's.
import { AppError } from '../../../shared/errors';
import { stopCapture, syncStateKeys } from '../../store/writers/sync-capture';
import { clearConflicts } from '../../store/writers/sync-conflicts';
import { clearDeferred, deferredCount } from '../../store/writers/sync-deferred';
import { clearOutbox } from '../../store/writers/sync-outbox';
import { clearSyncRows } from '../../store/writers/sync-rows';
import { clearSyncState, setSyncState, syncState } from '../../store/writers/sync-state';
import type { ServiceContext } from '../context';
import { highWater, pullLog } from './inbound';
import { adoptAnalyst, beginJoin, finishJoin, joinInterceptor, whoAmI } from './join';
import { pushOutbox } from './outbound';
import { createTransport, type TeamServer, type Transport } from './transport';

export type { TeamServer } from './transport';
export { listConflicts, resolveConflict, type ConflictItem } from './review';

export interface SyncProgress {
  phase: 'join' | 'push' | 'pull';
  done: number;
  total: number | null;
}
export interface SyncResult {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
}
export interface SyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
}
export interface TeamStatus {
  joined: boolean;
  serverUrl: string | null;
  analyst: { id: string; name: string } | null;
  lastSyncedAt: string | null;
  pending: number;
  conflicts: number;
  deferred: number;
  highWater: number;
}

async function withTransport<T>(server: TeamServer, options: SyncRunOptions, fn: (transport: Transport) => Promise<T>): Promise<T> {
  const transport = createTransport(server, { signal: options.signal });
  try {
    return await fn(transport);
  } finally {
    await transport.close();
  }
}

function checkJoined(ctx: ServiceContext): void {
  if (syncState(ctx.store.db, syncStateKeys.server) === null) throw new AppError('SYNC_NOT_JOINED', 'This store is not in a team: join one first (glossa sync --server URL --token TOKEN).');
}

/** Push, then pull: changes made here reach the log first, so their conflicts are known when they come back. */
async function exchange(ctx: ServiceContext, transport: Transport, options: SyncRunOptions): Promise<SyncResult> {
  const progress = options.onProgress ?? (() => undefined);
  const pushed = await pushOutbox(ctx.store, transport, options.signal, (done, total) => progress({ phase: 'push', done, total }));
  const pulled = await pullLog(ctx.store, ctx.analyst.id, transport, options.signal, (done, total) => progress({ phase: 'pull', done, total }));
  ctx.store.transaction(() => setSyncState(ctx.store.db, syncStateKeys.lastSyncedAt, new Date().toISOString()));
  return { pushed: pushed.pushed, pulled: pulled.pulled, conflicts: pulled.conflicts, rejected: pushed.rejected };
}

async function runJoin(ctx: ServiceContext, server: TeamServer, transport: Transport, options: SyncRunOptions): Promise<SyncResult & { analyst: { id: string; name: string } }> {
  const me = await whoAmI(transport);
  adoptAnalyst(ctx, me);
  beginJoin(ctx, server.url, me);
  const held = new Map();
  const progress = options.onProgress ?? (() => undefined);
  const log = await pullLog(ctx.store, me.id, transport, options.signal, (done, total) => progress({ phase: 'join', done, total }), joinInterceptor(ctx.store.db, held));
  finishJoin(ctx, held);
  const rest = await exchange(ctx, transport, options);
  return { ...rest, pulled: rest.pulled + log.pulled, conflicts: rest.conflicts + log.conflicts, analyst: { id: ctx.analyst.id, name: ctx.analyst.name } };
}

/**
 * GET /v1/me, check the token's analyst against the store (adopt it when the store has no
 * annotations of its own, else refuse with WRONG_ANALYST and change nothing), remember the server
 * URL, pull the whole log, then queue what the store has that the log lacks, and sync.
 */
export function joinTeam(ctx: ServiceContext, server: TeamServer, options: SyncRunOptions = {}): Promise<SyncResult & { analyst: { id: string; name: string } }> {
  return withTransport(server, options, (transport) => runJoin(ctx, server, transport, options));
}

/** Push the outbox in batches, then pull and apply every new change. Resumable; cancels between batches. */
export async function syncNow(ctx: ServiceContext, server: TeamServer, options: SyncRunOptions = {}): Promise<SyncResult> {
  checkJoined(ctx);
  return withTransport(server, options, async (transport) => {
    // A join cut short (crash, lost connection) starts over: nothing it wrote is lost or doubled.
    if (!syncState(ctx.store.db, syncStateKeys.joined)) {
      const { analyst: _analyst, ...result } = await runJoin(ctx, server, transport, options);
      return result;
    }
    const me = syncState(ctx.store.db, syncStateKeys.analyst);
    const token = await whoAmI(transport);
    if (me !== token.id) throw new AppError('WRONG_ANALYST', `This token is ${token.name}'s, but this store syncs as ${syncState(ctx.store.db, syncStateKeys.analystName) ?? me}; nothing was changed.`);
    return exchange(ctx, transport, options);
  });
}

export function teamStatus(ctx: ServiceContext): TeamStatus {
  const db = ctx.store.db;
  const serverUrl = syncState(db, syncStateKeys.server);
  const analystId = syncState(db, syncStateKeys.analyst);
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    joined: serverUrl !== null && Boolean(syncState(db, syncStateKeys.joined)),
    serverUrl,
    analyst: analystId ? { id: analystId, name: syncState(db, syncStateKeys.analystName) ?? '' } : null,
    lastSyncedAt: syncState(db, syncStateKeys.lastSyncedAt),
    pending: count('SELECT count(*) FROM sync_outbox WHERE accepted_seq IS NULL AND rejected IS NULL'),
    conflicts: count('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL'),
    deferred: deferredCount(db),
    highWater: highWater(db),
  };
}

/** Stop syncing; keep every local row; forget the server URL and the outbox. */
export function leaveTeam(ctx: ServiceContext): void {
  const db = ctx.store.db;
  ctx.store.transaction(() => {
    stopCapture(db);
    clearOutbox(db);
    clearSyncRows(db);
    clearConflicts(db);
    clearDeferred(db);
    clearSyncState(db);
  });
}
