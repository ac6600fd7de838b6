// Data shapes that cross the IPC boundary. Offsets are UTF-16 code units (see offsets.ts).
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
const IsoTime = z.string().max(40);
const Offset = z.number().int().nonnegative();
const Note = z.string().max(20_000);

export const Label = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(1).nullable(),
  position: z.number().int(),
});

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

export const Annotation = z.object({
  id: Id,
  documentId: Id,
  labelId: Id,
  start: Offset,
  end: Offset,
  quote: z.string(),
  note: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

/**
 * A document's annotations as columns (what the reader needs to paint them), in reading order:
 * a fifth of the bytes of Annotation[] on a long report. Quotes are the text between the offsets.
 */
export const AnnotationSpans = z.object({
  documentId: Id,
  ids: z.array(Id),
  labelIds: z.array(Id),
  starts: z.array(Offset),
  ends: z.array(Offset),
  notes: z.array(z.string()),
});

export const NewAnnotation = z
  .object({
    documentId: Id,
    labelId: Id,
    start: Offset,
    end: Offset,
    note: Note.optional(),
  })
  .refine((a) => a.end > a.start, { message: 'end must be greater than start' });

export const AnnotationPatch = z
  .object({ id: Id, labelId: Id.optional(), note: Note.optional() })
  .refine((p) => p.labelId !== undefined || p.note !== undefined, {
    message: 'nothing to change: give labelId or note',
  });

export const ImportReport = z.object({
  /** The job's id; its progress events have task `import:<jobId>`. */
  jobId: z.string(),
  imported: z.array(
    z.object({
      id: Id,
      title: z.string(),
      /** The file's name, or its path below a chosen or dropped folder (e.g. "briefs/a.pdf"). */
      fileName: z.string(),
      /** txt, md, html, mhtml, pdf, docx or clipboard. */
      format: z.string(),
      /** The text encoding detected, for text formats; null otherwise. */
      encoding: z.string().nullable(),
    }),
  ),
  duplicates: z.array(z.object({ fileName: z.string(), existingId: Id, title: z.string() })),
  /** Each with a reason written for the analyst. */
  failed: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  /** Files inside a chosen or dropped folder that are not a report format (images, spreadsheets…). */
  skipped: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  /** True when the analyst cancelled: the documents listed as imported stay, the rest were not read. */
  cancelled: z.boolean(),
});

export const DroppedFile = z.object({
  name: z.string().min(1).max(1024),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'data must be bytes' }),
});

export const AppInfo = z.object({
  version: z.string(),
  storePath: z.string(),
  offsetUnit: z.literal('utf16'),
});

export type Label = z.infer<typeof Label>;
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type DocumentFull = z.infer<typeof DocumentFull>;
export type PageStart = z.infer<typeof PageStart>;
export type Annotation = z.infer<typeof Annotation>;
export type AnnotationSpans = z.infer<typeof AnnotationSpans>;
export type NewAnnotation = z.infer<typeof NewAnnotation>;
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;
export type ImportReport = z.infer<typeof ImportReport>;
export type DroppedFile = z.infer<typeof DroppedFile>;
export type AppInfo = z.infer<typeof AppInfo>;
