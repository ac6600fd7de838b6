// The sync engine's API as the team service uses it (agreed in the sync-api note; the engine is
// electron/services/sync/). Declared here until the engine is on this branch; then this file
// re-exports it.
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

export interface TeamServer {
  url: string;
  token: string;
  /** PEM text of a CA to trust. */
  ca?: string;
}
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

/** The engine's functions, so the team service can be given them. */
export interface SyncEngine {
  joinTeam(ctx: ServiceContext, server: TeamServer, options?: SyncRunOptions): Promise<SyncResult & { analyst: { id: string; name: string } }>;
  syncNow(ctx: ServiceContext, server: TeamServer, options?: SyncRunOptions): Promise<SyncResult>;
  teamStatus(ctx: ServiceContext): TeamStatus;
  listConflicts(ctx: ServiceContext): ConflictItem[];
  resolveConflict(ctx: ServiceContext, id: number, take: 'mine' | 'theirs'): void;
  leaveTeam(ctx: ServiceContext): void;
}

/** Until the engine (branch sync-client) is merged here: every call says so. Replaced by '../sync' at the merge. */
const missing = (): never => {
  throw new AppError('INTERNAL', 'Team sync is not part of this build: its engine (electron/services/sync/) is missing.');
};
export const syncEngine: SyncEngine = {
  joinTeam: missing,
  syncNow: missing,
  teamStatus: () => ({ joined: false, serverUrl: null, analyst: null, lastSyncedAt: null, pending: 0, conflicts: 0, deferred: 0, highWater: 0 }),
  listConflicts: () => [],
  resolveConflict: missing,
  leaveTeam: missing,
};
