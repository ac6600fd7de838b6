// What every service needs: the store, and the ports to the outside world that differ between
// the Electron shell, the CLI and the tests.
import type { AppEvent } from '../../shared/contract';
import type { Store } from '../store/store';

export interface DialogPort {
  /** Paths the user chose to import; empty when cancelled. */
  chooseFilesToImport(): Promise<string[]>;
  /** Where to write an export; null when cancelled. */
  chooseExportPath(suggestedName: string, extension: string): Promise<string | null>;
}

export interface ServiceContext {
  store: Store;
  dialogs: DialogPort;
  appVersion: string;
  now(): string;
  newId(): string;
  /** Tells the renderer something without being asked (progress of long work). */
  emit(event: AppEvent): void;
}
