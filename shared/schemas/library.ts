// Shapes of the library: documents and their details, import jobs from dialogs, drops, paths
// and the clipboard with progress and cancel, delete and undo.
import { z } from 'zod';
import { Id, IsoTime, Offset, UndoToken } from './common';

export const DocumentMeta = z.object({
  id: Id,
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  importedAt: IsoTime,
  sourceName: z.string().nullable(),
  length: Offset,
  /** Byline, when the source said (HTML metadata, DOCX properties) or the analyst entered one. */
  author: z.string().nullable(),
  /** Free tags the analyst gave the document, sorted case-insensitively. */
  tags: z.array(z.string()),
  /** What it was imported from: txt, md, html, mhtml, pdf, docx, clipboard (null: before import 2). */
  sourceFormat: z.string().nullable(),
  /** The encoding its bytes were decoded from (utf-8, utf-16le, windows-1252…); null when not text bytes. */
  encoding: z.string().nullable(),
});

export const DocumentSummary = DocumentMeta.extend({
  /** Annotation count per label id. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

/** [offset, page]: the page (1-based) that starts at this UTF-16 offset of the text; ascending. */
export const PageStart = z.tuple([Offset, z.number().int().positive()]);

export const DocumentFull = DocumentMeta.extend({
  text: z.string(),
  contentHash: z.string(),
  /** PDFs: where each page starts in the text; null for formats without pages. */
  pageMap: z.array(PageStart).nullable(),
});

/** A legacy encoding guessed from the bytes (no BOM, no label): the detector's confidence (0-100) and the runners-up. */
export const EncodingGuess = z.object({ confidence: z.number(), alternatives: z.array(z.string()) });

/**
 * Something an import did not keep as it was, or read badly: nothing is lost silently.
 * dropped: content of the file that is not in the stored text (control characters, running
 * headers, page numbers); warning: kept, but the analyst should look (garbled pages).
 */
export const ImportNotice = z.object({
  kind: z.enum(['dropped', 'warning']),
  /** Stable for tools: control-characters, running-lines, page-numbers, rotated-text, unmapped-ligatures, garbled-pages. */
  code: z.string(),
  /** How many characters, lines or pages (the message says which). */
  count: z.number().int().nonnegative(),
  /** The pages concerned (1-based), where the format has pages and it is known; else empty. */
  pages: z.array(z.number().int().positive()),
  /** A sentence for the analyst. */
  message: z.string(),
});

/**
 * What the reader's banner and the details panel show beside a document: the notices its import
 * produced (kept in the store), and what the dataset record it came from said about itself
 * (doccano's "id" and "meta"…; read-only, exported back).
 */
export const DocumentProvenance = z.object({
  notices: z.array(ImportNotice),
  sourceRecord: z.record(z.string(), z.unknown()).nullable(),
});

export const ImportedItem = z.object({
  id: Id,
  title: z.string(),
  /** The file's name, or its path below a chosen or dropped folder (e.g. "briefs/a.pdf"). */
  fileName: z.string(),
  /** txt, md, html, mhtml, pdf, docx or clipboard. */
  format: z.string(),
  /** The text encoding (WHATWG name), for text formats and web pages; null otherwise. */
  encoding: z.string().nullable(),
  /** Set when the encoding was guessed: the summary offers to re-read the file as another. */
  encodingGuess: EncodingGuess.nullable(),
  /** What was dropped or read badly, with counts; empty when the file came in whole. */
  notices: z.array(ImportNotice),
});

export const ImportReport = z.object({
  /** The job's id; its progress events have task `import:<jobId>`. */
  jobId: z.string(),
  imported: z.array(ImportedItem),
  duplicates: z.array(z.object({ fileName: z.string(), existingId: Id, title: z.string() })),
  /** Each with a reason written for the analyst. */
  failed: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  /** Files inside a chosen or dropped folder that are not a report format (images, spreadsheets…). */
  skipped: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  /** True when the analyst cancelled: the documents listed as imported stay, the rest were not read. */
  cancelled: z.boolean(),
});

const DroppedFile = z.object({
  name: z.string().min(1).max(1024),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'data must be bytes' }),
});

/**
 * An import job's id. The renderer may choose it (so it can cancel before the call returns);
 * otherwise main makes one. Progress arrives as the `progress` event with task `import:<jobId>`:
 * `done` of `total` files, `current` the file being read. The first event (done 0) is sent as
 * soon as the list of files is known; the last has done === total.
 */
const ImportJobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1 to 64 letters, digits, _ or -');

/** The task name of an import job's progress events. */
export function importTask(jobId: string): string {
  return `import:${jobId}`;
}

const ImportMode = z.enum(['files', 'folder']);

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

/** Tokens of dropped files and folders main granted (window.glossa.droppedGrants); never paths. */
export const ImportGrantedArgs = z
  .object({
    tokens: z.array(z.string().min(1).max(100)).min(1).max(1000),
    jobId: ImportJobId.optional(),
  })
  .strict();

/** Re-read a report imported in this session, whose encoding was guessed, as another encoding. */
export const ReencodeArgs = z.object({ id: Id, encoding: z.string().trim().min(1).max(64) }).strict();
/** The report that replaced the old one (a new id), and the id it replaced. */
export const ReencodeResult = z.object({ replacedId: Id, imported: ImportedItem });

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
/**
 * The reader's block index of a document: its paragraphs as shared/blocks.ts cuts them, packed
 * by packBlocks (unpackBlocks reads it). Computed once per document in main (texts never change).
 */
export const BlockIndex = z.object({
  count: z.number().int().nonnegative(),
  packed: z.string().regex(/^[0-9a-z.+ ]*$/),
});

/** What the reader gets on open: the details, the text's length and its block index, not the text. */
export const DocumentOutline = z.object({
  document: DocumentMeta,
  blocks: BlockIndex,
});

/** A range [start, end) of a document's text, in UTF-16 offsets. */
export const TextRangeArgs = z.object({ id: Id, start: Offset, end: Offset }).strict();

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

/**
 * What documents.delete tells the page: the document as it was and how many annotations went
 * with it. Everything removed stays in the main process; undoToken brings it back.
 */
export const DeletedDocument = z.object({
  undoToken: UndoToken,
  document: DocumentMeta,
  /** How many annotations went with it (for "Deleted “X” and its 12 annotations"). */
  annotations: z.number().int().nonnegative(),
});

export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type DocumentFull = z.infer<typeof DocumentFull>;
export type BlockIndex = z.infer<typeof BlockIndex>;
export type DocumentOutline = z.infer<typeof DocumentOutline>;
export type PageStart = z.infer<typeof PageStart>;
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportedItem = z.infer<typeof ImportedItem>;
export type ImportNotice = z.infer<typeof ImportNotice>;
export type DocumentProvenance = z.infer<typeof DocumentProvenance>;
export type ReencodeResult = z.infer<typeof ReencodeResult>;
type DroppedFile = z.infer<typeof DroppedFile>;
type ImportMode = z.infer<typeof ImportMode>;
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;
export type DeletedDocument = z.infer<typeof DeletedDocument>;
