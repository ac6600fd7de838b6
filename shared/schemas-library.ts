// Shapes for the library area (issue 4): batch import from dialogs, drops, paths and the
// clipboard; import jobs with progress and cancel; document details; delete and undo.
import { z } from 'zod';
import { DocumentMeta, DroppedFile, Id } from './schemas';

/**
 * An import job's id. The renderer may choose it (so it can cancel before the call returns);
 * otherwise main makes one. Progress arrives as the `progress` event with task `import:<jobId>`:
 * `done` of `total` files, `current` the file being read. The first event (done 0) is sent as
 * soon as the list of files is known; the last has done === total.
 */
export const ImportJobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1 to 64 letters, digits, _ or -');

/** The task name of an import job's progress events. */
export function importTask(jobId: string): string {
  return `import:${jobId}`;
}

export const ImportMode = z.enum(['files', 'folder']);

export const ImportDialogArgs = z
  .object({
    /** files: multi-select of files; folder: one or more folders, imported recursively. */
    mode: ImportMode.default('files'),
    jobId: ImportJobId.optional(),
  })
  .strict();

/** A dropped file's name may be a relative path ("folder/a.pdf"); it is kept for the report only. */
export const ImportDroppedArgs = z
  .object({ files: z.array(DroppedFile).min(1).max(500), jobId: ImportJobId.optional() })
  .strict();

/** Absolute paths of dropped files and folders (from window.glossa.pathForFile in Electron). */
export const ImportPathsArgs = z
  .object({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
    jobId: ImportJobId.optional(),
  })
  .strict();

export const ImportClipboardArgs = z.object({ jobId: ImportJobId.optional() }).strict();

export const ImportCancelArgs = z.object({ jobId: ImportJobId }).strict();
/** cancelled: false when no job with that id is running (it had already finished). */
export const ImportCancelResult = z.object({ cancelled: z.boolean() });

const Detail = z.string().trim().max(2000);
/** A tag: trimmed, 1-64 characters, no commas or line breaks; compared case-insensitively. */
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^,\n\r\t]+$/, 'a tag has no commas, tabs or line breaks');

/**
 * Edit a document's details. Omitted fields stay as they are; null or "" clears a field
 * (the title cannot be cleared). tags replaces the whole set (duplicates ignoring case merge).
 */
export const DocumentUpdate = z
  .object({
    id: Id,
    title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
    outlet: Detail.nullable().optional(),
    author: Detail.nullable().optional(),
    /** Free text as the analyst writes it; an ISO date (YYYY-MM-DD) sorts and exports best. */
    publishedAt: z.string().trim().max(64).nullable().optional(),
    url: z.string().trim().max(4096).nullable().optional(),
    tags: z.array(Tag).max(100).optional(),
  })
  .strict();

/** One stored value as SQLite gives it (no blobs are stored). */
export const SqlValue = z.union([z.string(), z.number(), z.null()]);

/** Raw rows of one table, as they were before the delete. */
export const TableRows = z.object({
  table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
  rows: z.array(z.record(z.string().max(64), SqlValue)),
});

/**
 * What documents.delete removed: the document's row and every row that hung off it (its
 * annotations, tags, and whatever other tables reference documents or annotations), enough
 * for documents.restore to put it all back as it was, ids and times included.
 */
export const DeletedDocument = z.object({
  document: DocumentMeta,
  /** How many annotations went with it (for "Deleted “X” and its 12 annotations"). */
  annotations: z.number().int().nonnegative(),
  /** documents first, then the tables that reference it, parents before children. */
  tables: z.array(TableRows).min(1).max(100),
});

export const RestoreDocumentArgs = z.object({ snapshot: DeletedDocument }).strict();

export type ImportMode = z.infer<typeof ImportMode>;
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;
export type DeletedDocument = z.infer<typeof DeletedDocument>;
export type TableRows = z.infer<typeof TableRows>;
export type SqlValue = z.infer<typeof SqlValue>;
