// What an export contains: each document in scope with its annotations in reading order,
// label names instead of ids, and offsets converted to Unicode code points (the unit of
// Python strings, doccano and spaCy) so that text[start:end] == quote there.
import { AppError } from '../../shared/errors';
import { utf16ToCodePoints } from '../../shared/offsets';
import type { ServiceContext } from './context';

export const exportOffsetUnit = 'codepoint' as const;

export interface ExportAnnotation {
  id: string;
  label: string;
  /** Code points. */
  start: number;
  /** Code points. */
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExportDocument {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  annotations: ExportAnnotation[];
}

interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
}

/** id, label id, start, end, quote, note, created at, updated at: raw rows, as they are read fastest. */
type AnnotationRow = [string, string, number, number, string, string, string, string];

const documentColumns = 'id, title, outlet, url, published_at AS publishedAt, text';

/** Fails with NOT_FOUND before anything is written when the one document asked for is missing. */
export function assertExportScope(ctx: ServiceContext, documentId: string | undefined): void {
  if (documentId === undefined) return;
  if (!ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
}

/** The documents in scope, one at a time, so a large corpus is never all in memory. */
export function* exportDocuments(ctx: ServiceContext, documentId?: string): Generator<ExportDocument> {
  const db = ctx.store.db;
  const documents =
    documentId === undefined
      ? db.prepare(`SELECT ${documentColumns} FROM documents ORDER BY imported_at, id`).iterate()
      : db.prepare(`SELECT ${documentColumns} FROM documents WHERE id = ?`).iterate(documentId);
  const annotationsOf = db
    .prepare(
      `SELECT id, label_id, start, "end", quote, note, created_at, updated_at
       FROM annotations WHERE document_id = ?
       ORDER BY start, "end" DESC, created_at, id`,
    )
    .raw();
  const labelNames = new Map(
    (db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]),
  );
  for (const row of documents as Iterable<DocumentRow>) {
    const rows = annotationsOf.all(row.id) as AnnotationRow[];
    yield { ...row, annotations: toExportAnnotations(row.text, rows, labelNames) };
  }
}

function toExportAnnotations(
  text: string,
  rows: readonly AnnotationRow[],
  labelNames: ReadonlyMap<string, string>,
): ExportAnnotation[] {
  const offsets = utf16ToCodePoints(
    text,
    rows.flatMap((r) => [r[2], r[3]]),
  );
  return rows.map(([id, labelId, , , quote, note, createdAt, updatedAt], i) => ({
    id,
    label: labelNames.get(labelId) ?? labelId,
    start: offsets[2 * i]!,
    end: offsets[2 * i + 1]!,
    quote,
    note,
    createdAt,
    updatedAt,
  }));
}
