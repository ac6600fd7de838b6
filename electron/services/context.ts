// What every service needs: the store, and the ports to the outside world that differ between
// the Electron shell, the CLI and the tests.
import type { AppEvent } from '../../shared/contract';
import type { ImportableFormatId } from '../../shared/formats';
import type { Analyst, Stamp } from '../../shared/schemas/analysts';
import type { Store } from '../store/store';
import type { PathGrants } from './grants';

export interface DialogPort {
  /**
   * Paths the user chose to import; empty when cancelled. mode 'files' (the default): several
   * files; 'folder': one or more folders, which the import walks recursively.
   */
  chooseFilesToImport(mode?: 'files' | 'folder'): Promise<string[]>;
  /** Where to write an export; null when cancelled. */
  chooseExportPath(suggestedName: string, extension: string): Promise<string | null>;
  /** A file of annotated data to import (a folder for brat); null when cancelled. */
  chooseAnnotationsToImport(format: ImportableFormatId): Promise<string | null>;
}

/** The system clipboard, for "New document from clipboard". '' when a flavour is absent. */
/** Electron's clipboard answers asynchronously (since Electron 44); a test's may answer at once. */
export interface ClipboardPort {
  readHtml(): string | Promise<string>;
  readText(): string | Promise<string>;
}

/** A clipboard with nothing on it: the CLI's, and the default. */
export const emptyClipboard: ClipboardPort = { readHtml: () => '', readText: () => '' };

export interface ServiceContext {
  store: Store;
  /**
   * Who acts: whose layer new annotations go to and whose id the writers stamp. The store's local
   * analyst, unless the CLI's --analyst (or GLOSSA_ANALYST) named another.
   */
  analyst: Analyst;
  dialogs: DialogPort;
  clipboard: ClipboardPort;
  appVersion: string;
  /** The paths the user granted (dialogs, drops, archives opened from the OS), by token (grants.ts). */
  grants: PathGrants;
  now(): string;
  newId(): string;
  /** Tells the renderer something without being asked (progress of long work). */
  emit(event: AppEvent): void;
}

/** The acting analyst and the time, as the writers stamp rows. */
export function stampOf(ctx: Pick<ServiceContext, 'analyst' | 'now'>): Stamp {
  return { by: ctx.analyst.id, at: ctx.now() };
}
