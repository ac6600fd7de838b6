// The state of the store the app has open: sound, open for viewing only, or damaged (with the
// good backups it may be restored from).
import { z } from 'zod';

export const StoreBackup = z.object({
  /** Full path of the backup file; the only paths store.restoreBackup accepts. */
  path: z.string(),
  /** The schema version of the store the copy was taken from. */
  version: z.number().int().nonnegative(),
  takenAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type StoreBackup = z.infer<typeof StoreBackup>;

export const StoreStatus = z.object({
  state: z.enum(['ok', 'read-only', 'damaged']),
  storePath: z.string(),
  /** For read-only and damaged: what is wrong, as a sentence for the user. */
  problem: z.string().nullable(),
  /** Good backups, newest first. */
  backups: z.array(StoreBackup),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export const StoreRecovered = z.object({
  status: StoreStatus,
  /** Where the damaged store was moved (it is never deleted). */
  movedAsideTo: z.string().nullable(),
});
export type StoreRecovered = z.infer<typeof StoreRecovered>;
