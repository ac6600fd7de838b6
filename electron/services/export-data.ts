// What an export contains: each document in scope with its annotations in reading order,
// label names instead of ids, and offsets converted to Unicode code points (the unit of
// Python strings, doccano and spaCy) so that text[start:end] == quote there.
import { AppError } from '../../shared/errors';
import { utf16ToCodePoints } from '../../shared/offsets';
import type { AttributeValue } from '../../shared/schemas-analysis';
import type { ServiceContext } from './context';

export const exportOffsetUnit = 'codepoint' as const;

/** A resolved place as exports write it. */
export interface ExportPlace {
  name: string;
  geonameid: number | null;
  country: string | null;
  lat: number;
  lon: number;
}

export interface ExportRelation {
  id: string;
  /** The relation type's name ("attributed to"). */
  type: string;
  /** Annotation ids. */
  from: string;
  to: string;
}

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
  /** Values of the label's attributes, by attribute name. */
  attributes: Record<string, AttributeValue>;
  place: ExportPlace | null;
}

export interface ExportDocument {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  annotations: ExportAnnotation[];
  /** Relations between the document's annotations, in the order they were made. */
  relations: ExportRelation[];
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
       ORDER BY start, "end" DESC, created_at, rowid`,
    )
    .raw();
  const labelNames = new Map(
    (db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]),
  );
  const valuesOf = db.prepare(
    `SELECT aa.annotation_id AS annotationId, la.name, aa.value FROM annotations a
     JOIN annotation_attributes aa ON aa.annotation_id = a.id
     JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
     WHERE a.document_id = ? ORDER BY la.position, la.name`,
  );
  const placesOf = db.prepare(
    `SELECT p.annotation_id AS annotationId, p.name, p.geonameid, p.country, p.lat, p.lon
     FROM annotations a JOIN places p ON p.annotation_id = a.id WHERE a.document_id = ?`,
  );
  const relationsOf = db.prepare(
    `SELECT r.id, t.name AS type, r.from_id AS "from", r.to_id AS "to"
     FROM annotations a JOIN relations r ON r.from_id = a.id JOIN relation_types t ON t.id = r.type_id
     WHERE a.document_id = ? ORDER BY r.created_at, r.rowid`,
  );
  // A store without values, places or relations skips their queries (one lookup per annotation each).
  const has = (table: string) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS yes`).get() as { yes: number };
  const hasValues = has('annotation_attributes').yes === 1;
  const hasPlaces = has('places').yes === 1;
  const hasRelations = has('relations').yes === 1;
  for (const row of documents as Iterable<DocumentRow>) {
    const rows = annotationsOf.all(row.id) as AnnotationRow[];
    const annotations = toExportAnnotations(row.text, rows, labelNames);
    const values = hasValues ? (valuesOf.all(row.id) as ValueRow[]) : [];
    const places = hasPlaces ? (placesOf.all(row.id) as (ExportPlace & { annotationId: string })[]) : [];
    attachValuesAndPlaces(annotations, values, places);
    const relations = hasRelations ? (relationsOf.all(row.id) as ExportRelation[]) : [];
    yield { ...row, annotations, relations };
  }
}

export interface AttributeColumn {
  label: string;
  name: string;
  /** "<Label>.<attribute>", e.g. "Claim.status". */
  header: string;
}

/** CSV's attribute columns: one for every attribute of every label, in schema order. */
/** One attribute value of an annotation, as read from annotation_attributes (value as JSON). */
export interface ValueRow {
  annotationId: string;
  name: string;
  value: string;
}

/**
 * Puts one document's attribute values and places on its annotations, in place. Returns the
 * annotations by id (null when there was nothing to attach, so no map was built).
 */
export function attachValuesAndPlaces<P, A extends { id: string; attributes: Record<string, AttributeValue>; place: P | null }>(
  annotations: readonly A[],
  values: readonly ValueRow[],
  places: readonly (P & { annotationId: string })[],
): Map<string, A> | null {
  if (values.length === 0 && places.length === 0) return null;
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const v of values) {
    const a = byId.get(v.annotationId);
    if (a) a.attributes[v.name] = JSON.parse(v.value) as AttributeValue;
  }
  for (const { annotationId, ...place } of places) {
    const a = byId.get(annotationId);
    if (a) a.place = place as P;
  }
  return byId;
}

export function attributeColumns(ctx: ServiceContext): AttributeColumn[] {
  return (
    ctx.store.db
      .prepare(
        `SELECT l.name AS label, la.name FROM label_attributes la JOIN labels l ON l.id = la.label_id
         ORDER BY l.position, l.name, la.position, la.name`,
      )
      .all() as { label: string; name: string }[]
  ).map((r) => ({ ...r, header: `${r.label}.${r.name}` }));
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
    attributes: {},
    place: null,
  }));
}
