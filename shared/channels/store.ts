// The store itself: its state, and the two ways out of a damaged one (offered only then).
import { z } from 'zod';
import { StoreRecovered, StoreStatus } from '../schemas/store';
import { none } from './common';

export const storeChannels = {
  'store.status': { args: none, result: StoreStatus },
  /** Puts a good backup (one of store.status's) in place of the damaged store, which is moved aside. */
  'store.restoreBackup': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: StoreRecovered },
  /** Moves the damaged store aside and starts a new, empty one. */
  'store.startNew': { args: none, result: StoreRecovered },
} as const;
