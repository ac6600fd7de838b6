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
});

export const DocumentSummary = DocumentMeta.extend({
  /** Annotation count per label id. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export const DocumentFull = DocumentMeta.extend({
  text: z.string(),
  contentHash: z.string(),
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
  imported: z.array(z.object({ id: Id, title: z.string(), fileName: z.string() })),
  duplicates: z.array(z.object({ fileName: z.string(), existingId: Id, title: z.string() })),
  failed: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});

export const DroppedFile = z.object({
  name: z.string().min(1).max(1024),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'data must be bytes' }),
});

export const ExportFormat = z.enum(['jsonl', 'csv']);

export const ExportRequest = z.object({
  format: ExportFormat,
  /** Omitted: the whole corpus. */
  documentId: Id.optional(),
});

export const ExportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('written'),
    path: z.string(),
    documents: z.number().int(),
    annotations: z.number().int(),
  }),
]);

export const AppInfo = z.object({
  version: z.string(),
  storePath: z.string(),
  offsetUnit: z.literal('utf16'),
});

export type Label = z.infer<typeof Label>;
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type DocumentFull = z.infer<typeof DocumentFull>;
export type Annotation = z.infer<typeof Annotation>;
export type NewAnnotation = z.infer<typeof NewAnnotation>;
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;
export type ImportReport = z.infer<typeof ImportReport>;
export type DroppedFile = z.infer<typeof DroppedFile>;
export type ExportFormat = z.infer<typeof ExportFormat>;
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportOutcome = z.infer<typeof ExportOutcome>;
export type AppInfo = z.infer<typeof AppInfo>;
