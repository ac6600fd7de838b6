// The core as the app (and the e2e harness) run it: a store that cannot be opened because it is
// damaged does not stop the app. The window opens on the damaged-store screen, whose two
// channels (restore a good backup, start a new store) work without a store; every other
// channel answers with what is wrong. The store's full check runs after opening, off the main
// thread, and damage it finds arrives as a 'store-damaged' event.
import { channels, type AppEvent, type Channel } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { StoreRecovered, StoreStatus } from '../shared/schemas/store';
import { startCore, type Core, type CoreOptions } from './core';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import type { Handlers } from './services/handlers';
import { storeStatusOf } from './services/store/status';
import { checkStoreInBackground, type BackgroundCheck } from './store/background-check';
import { listBackups } from './store/backups';
import { latestSchemaVersion } from './store/migrations';
import { moveStoreAside, restoreFromBackup } from './store/recovery';

export interface AppCore {
  /** The open core, or undefined while the store is damaged or unreadable. */
  readonly core: Core | undefined;
  readonly dispatch: Dispatch;
  status(): StoreStatus;
  /** Settles when the check started after opening is done (tests wait on it). */
  readonly checked: Promise<void>;
  /**
   * Calls fn with the open core now (if the store opened) and with each core opened later, when a
   * damaged store is restored from a backup or replaced: whatever follows the core (the Team
   * menu's Automatic Sync tick) follows the new one.
   */
  onCoreOpened(fn: (core: Core) => void): () => void;
  close(): void;
}

const recoveryChannels: readonly Channel[] = ['store.status', 'store.restoreBackup', 'store.startNew'];

export function startAppCore(options: CoreOptions): AppCore {
  let core: Core | undefined;
  let problem: string | null = null;
  let check: BackgroundCheck | undefined;
  let checked: Promise<void> = Promise.resolve();
  const emit = (event: AppEvent) => options.emit?.(event);
  const openedListeners = new Set<(core: Core) => void>();

  const open = (): void => {
    try {
      core = startCore({ searchInWorker: true, ...options, deferCheck: true });
      problem = null;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'STORE_CORRUPT') throw error;
      core = undefined;
      problem = error.message;
      return;
    }
    const opened = core;
    for (const listener of openedListeners) listener(opened);
    check = checkStoreInBackground(opened.store, { nativeBinding: options.nativeBinding });
    checked = check.result.then((found) => {
      if (found === null || core !== opened) return;
      problem = found;
      emit({ name: 'store-damaged', payload: { problem: found } });
    });
  };

  const closeCore = (): void => {
    check?.stop();
    core?.close();
    core = undefined;
  };

  const status = (): StoreStatus => {
    if (problem !== null || !core) {
      return { state: 'damaged', storePath: options.storePath, problem: problem ?? 'The store is not open.', backups: listBackups(options.storePath) };
    }
    return storeStatusOf(core.store);
  };

  const reopen = (movedAsideTo: string | null): StoreRecovered => {
    open();
    return { status: status(), movedAsideTo };
  };

  const recoveryHandlers: Partial<Handlers> = {
    'store.status': () => status(),
    'store.restoreBackup': ({ path }) => {
      requireDamaged();
      // The page may restore only a backup main listed, never a path of its choosing.
      const backup = listBackups(options.storePath).find((b) => b.path === path);
      if (!backup) throw new AppError('NOT_FOUND', 'That backup is not one of this store\'s backups.');
      closeCore();
      try {
        return reopen(restoreFromBackup(options.storePath, backup.path, { nativeBinding: options.nativeBinding, latestVersion: latestSchemaVersion }).movedAsideTo);
      } catch (error) {
        if (!core) open();
        throw error;
      }
    },
    'store.startNew': () => {
      requireDamaged();
      closeCore();
      return reopen(moveStoreAside(options.storePath));
    },
  };

  function requireDamaged(): void {
    if (status().state !== 'damaged') {
      throw new AppError('INVALID_ARGS', 'The store is not damaged; restoring or replacing it is offered only when it is.');
    }
  }

  const refuse = (): never => {
    throw new AppError('STORE_CORRUPT', problem ?? 'The store is not open.');
  };
  const recoveryDispatch = createDispatcher({
    ...(Object.fromEntries(channels.map((c) => [c, refuse])) as unknown as Handlers),
    ...recoveryHandlers,
  } as Handlers, { logError: options.logError });

  open();
  return {
    get core() {
      return core;
    },
    dispatch: (channel, args) =>
      core && !recoveryChannels.includes(channel as Channel) ? core.dispatch(channel, args) : recoveryDispatch(channel, args),
    status,
    get checked() {
      return checked;
    },
    onCoreOpened(fn) {
      openedListeners.add(fn);
      if (core) fn(core);
      return () => openedListeners.delete(fn);
    },
    close: closeCore,
  };
}
