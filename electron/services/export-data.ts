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

type AnnotationRow = Omit<ExportAnnotation, 'start' | 'end'> & { start: number; end: number };

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
  const annotationsOf = db.prepare(
    `SELECT a.id, l.name AS label, a.start, a."end" AS "end", a.quote, a.note,
            a.created_at AS createdAt, a.updated_at AS updatedAt
     FROM annotations a JOIN labels l ON l.id = a.label_id
     WHERE a.document_id = ?
     ORDER BY a.start, a."end" DESC, a.created_at, a.id`,
  );
  for (const row of documents as Iterable<DocumentRow>) {
    const annotations = annotationsOf.all(row.id) as AnnotationRow[];
    yield { ...row, annotations: toCodePoints(row.text, annotations) };
  }
}

function toCodePoints(text: string, annotations: AnnotationRow[]): ExportAnnotation[] {
  const offsets = utf16ToCodePoints(
    text,
    annotations.flatMap((a) => [a.start, a.end]),
  );
  return annotations.map((a, i) => ({ ...a, start: offsets[2 * i]!, end: offsets[2 * i + 1]! }));
}
