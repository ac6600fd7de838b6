// The commands that work on the store's files rather than its contents, so they run without
// opening it (it may be damaged): `glossa backups` lists the good migration backups, and
// `glossa restore --from FILE` checks FILE and puts it in place, moving the old store aside.
import path from 'node:path';
import { listBackups } from './store/backups';
import { latestSchemaVersion } from './store/migrations';
import { restoreFromBackup } from './store/recovery';

export const storeCommandOptions = {
  restore: ['from'],
  backups: [],
} as const;

export function isStoreCommand(command: string): command is keyof typeof storeCommandOptions {
  return Object.prototype.hasOwnProperty.call(storeCommandOptions, command);
}

export function runStoreCommand(command: keyof typeof storeCommandOptions, storePath: string, from: string | undefined): unknown {
  if (command === 'backups') return listBackups(storePath);
  const source = path.resolve(from!);
  const { movedAsideTo } = restoreFromBackup(storePath, source, { latestVersion: latestSchemaVersion });
  return { restored: source, store: storePath, movedAsideTo };
}

export const storeCommandUsage = {
  backups: `  backups                                 List the good backups taken before upgrades, newest first.`,
  restore: `  restore --from FILE                     Check FILE (a backup) with integrity_check and put it in place of the store.
                                          The old store is moved aside as <store>.damaged-<time>, never deleted.`,
} as const;
