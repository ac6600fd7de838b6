// The one IPC contract. Every channel the renderer may call, with the schema of its
// arguments and of its result. The preload, the dispatcher and the test harness are generic
// over this object: adding a feature adds a line here, a handler, and a UI call.
import { z } from 'zod';
import * as S from './schemas';

const none = z.object({}).strict();
const byId = z.object({ id: S.Id }).strict();

export const contract = {
  'app.info': { args: none, result: S.AppInfo },
  'labels.list': { args: none, result: z.array(S.Label) },
  'documents.list': { args: none, result: z.array(S.DocumentSummary) },
  'documents.get': { args: byId, result: S.DocumentFull },
  /** Shows the native open dialog in main and imports what the user picks. */
  'documents.importDialog': { args: none, result: S.ImportReport },
  /** Imports files dropped on the window; the renderer sends their bytes. */
  'documents.importDropped': {
    args: z.object({ files: z.array(S.DroppedFile).min(1).max(500) }).strict(),
    result: S.ImportReport,
  },
  'annotations.list': {
    args: z.object({ documentId: S.Id }).strict(),
    result: z.array(S.Annotation),
  },
  'annotations.create': { args: S.NewAnnotation, result: S.Annotation },
  'annotations.update': { args: S.AnnotationPatch, result: S.Annotation },
  /** Returns the deleted annotation so that the renderer can undo the deletion. */
  'annotations.delete': { args: byId, result: S.Annotation },
  /** Puts back an annotation deleted earlier (undo), with its id and times. */
  'annotations.restore': { args: S.Annotation, result: S.Annotation },
  /** Shows the native save dialog in main and writes the export atomically. */
  'export.dialog': { args: S.ExportRequest, result: S.ExportOutcome },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Commands the main process sends to the renderer from its menus. */
export const menuCommands = [
  'import',
  'export-jsonl',
  'export-csv',
  'undo',
  'redo',
  'show-library',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The IPC channel names used on the wire. */
export const ipcChannelPrefix = 'glossa:';
export const menuCommandChannel = 'glossa-menu';
