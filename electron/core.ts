// The main process without Electron: opens the store and wires services to the dispatcher.
// The Electron shell, the CLI and the tests all start Glossa through here.
import { randomUUID } from 'node:crypto';
import { localAnalyst } from './services/analysts/analysts';
import { createDispatcher, type Dispatch, type DispatchOptions } from './ipc/dispatch';
import { emptyClipboard, type ClipboardPort, type DialogPort, type ServiceContext } from './services/context';
import { removeStaleTemps } from './services/export-target/temp-journal';
import { createGrants } from './services/grants';
import { createHandlers } from './services/index';
import { seedSampleOnFirstRun } from './sample/seed';
import { searchRunnerFor, startSearchWorker } from './services/search/search-runner';
import { startTeamSync, type TeamSyncOptions } from './services/team/team-services';
import { asReadOnlyRefusal } from './store/read-only';
import { openStore, type OpenStoreOptions, type Store } from './store/store';

export interface CoreOptions extends OpenStoreOptions {
  storePath: string;
  dialogs: DialogPort;
  appVersion: string;
  /** Put the sample report in a new library (the app does; the CLI does not). */
  seedSample?: boolean;
  logError?: DispatchOptions['logError'];
  /** Where events for the renderer go; by default nowhere (the CLI). */
  emit?: ServiceContext['emit'];
  /** The system clipboard; by default an empty one (the CLI). */
  clipboard?: ClipboardPort;
  /** Answer searches on a worker thread with its own connection (the app); by default on this thread (the CLI). */
  searchInWorker?: boolean;
  /** Sync with the team server in the background, keeping the token with this cipher (the app); by default only when asked (the CLI). */
  teamSync?: TeamSyncOptions;
}

export interface Core {
  store: Store;
  ctx: ServiceContext;
  dispatch: Dispatch;
  close(): void;
}

export function createContext(
  store: Store,
  dialogs: DialogPort,
  appVersion: string,
  emit: ServiceContext['emit'] = () => undefined,
  clipboard: ClipboardPort = emptyClipboard,
): ServiceContext {
  return {
    store,
    analyst: localAnalyst(store.db),
    dialogs,
    clipboard,
    appVersion,
    grants: createGrants(),
    emit,
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
  };
}

export function startCore(options: CoreOptions): Core {
  const store = openStore(options.storePath, options);
  // Temps of exports killed mid-way (their process is gone) go at every start, app and CLI.
  removeStaleTemps(store.path);
  const ctx = createContext(store, options.dialogs, options.appVersion, options.emit, options.clipboard);
  if (options.seedSample && !store.readOnly) seedSampleOnFirstRun(ctx);
  if (options.searchInWorker) startSearchWorker(store, { nativeBinding: options.nativeBinding });
  const handle = createDispatcher(createHandlers(ctx), {
    logError: options.logError,
    translateError: (error) => asReadOnlyRefusal(error, store.path),
  });
  const team = options.teamSync ? startTeamSync(ctx, options.teamSync) : null;
  // Each request may have written to the store: background sync then plans a run soon.
  const dispatch: Dispatch = team
    ? async (channel, args) => {
        const answer = await handle(channel, args);
        team.noteActivity();
        return answer;
      }
    : handle;
  const close = () => {
    team?.stop();
    searchRunnerFor(store).close();
    store.close();
  };
  return { store, ctx, dispatch, close };
}
