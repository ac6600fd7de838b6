// Events the main process sends to the renderer, each with the schema of its payload. Areas add
// their events here; the preload and the harness pass on only events that match.
import { z } from 'zod';
import { SyncActivity } from './schemas/team';

export const eventSchemas = {
  /** Sent by long work that reports progress; `done` of `total`, `current` names the item. */
  'progress': z.object({
    task: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    current: z.string().optional(),
  }),
  /** The OS opened a .glossa archive: the window takes it with datasets.takeOpenedArchives. */
  'archive-opened': z.object({}).strict(),
  /** The check run after the window opened found the store damaged; the page shows the damaged-store screen. */
  'store-damaged': z.object({ problem: z.string() }).strict(),
  /** Team sync: a run started, made progress, or ended (with its result or why it failed). */
  'team-sync': SyncActivity,
} as const;
