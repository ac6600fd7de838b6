// The sync engine's API as the team service uses it (electron/services/sync/, agreed in the
// sync-api note), and the engine itself as one object the team service is given.
import * as sync from '../sync';

export type { ConflictItem, SyncProgress, SyncResult, SyncRunOptions, TeamServer, TeamStatus } from '../sync';

/** The engine's functions, so the team service can be given them. */
export type SyncEngine = Pick<typeof sync, 'joinTeam' | 'syncNow' | 'teamStatus' | 'listConflicts' | 'resolveConflict' | 'leaveTeam'>;

export const syncEngine: SyncEngine = sync;
