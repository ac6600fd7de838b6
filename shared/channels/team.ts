// The team (issue 16, the client): connect this library to a team server, sync now or in the
// background, the status, the review queue of conflicting edits, and leaving the team.
// Shapes: ../schemas/team.ts. Progress arrives as the `team-sync` event (../events.ts).
//
// Errors: the engine's own (a refused token, an unreachable server, another analyst's library:
// each with a message for the user), NOT_FOUND (not in a team, no such conflict),
// STORE_READ_ONLY.
import { z } from 'zod';
import * as T from '../schemas/team';
import { none } from './common';

export const teamChannels = {
  /** Joins the team with this server and token (kept encrypted where the system can), then syncs. */
  'team.connect': { args: T.ConnectArgs, result: T.Joined },
  /** Pushes what is pending and pulls what is new; waits for a sync already running. */
  'team.syncNow': { args: none, result: T.SyncResult },
  'team.setAutomatic': { args: z.object({ automatic: z.boolean() }).strict(), result: T.TeamState },
  'team.status': { args: none, result: T.TeamState },
  'team.conflicts': { args: none, result: z.array(T.ConflictItem) },
  /** Keeps one side of a conflict; it reaches the team with the next sync. */
  'team.resolve': { args: T.ResolveArgs, result: T.TeamState },
  /** Stops syncing and forgets the server and the token; every local row stays. */
  'team.leave': { args: none, result: T.TeamState },
  /** Stops the running sync between two batches; what was sent or applied stays. */
  'team.cancel': { args: none, result: z.object({ cancelled: z.boolean() }) },
} as const;
