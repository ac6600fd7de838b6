// The shape every dataset format is written from and read into. Export: the documents in scope,
// one at a time, with their annotations (offsets in UTF-16 and in code points), attribute
// values by name, resolved places and relations. Import: what a file holds, before it is
// anchored to the stored texts (see apply/).
import { AppError } from '../../../shared/errors';
import { utf16ToCodePoints, type OffsetUnit } from '../../../shared/offsets';
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { PageStart } from '../../../shared/schemas/library';
import type { ServiceContext } from '../context';
import { checkTextIntact } from '../library/text-integrity';
import type { AnchorInput } from './anchor';
import { linkedReader, type DsFragment, type Linked } from './linked-model';

interface DsPlace {
  name: string;
  geonameid: number | null;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  population: number | null;
  resolvedBy: 'gazetteer' | 'manual';
  resolvedAt: string;
}

export interface DsAnnotation {
  id: string;
  labelId: string;
  label: string;
  /** UTF-16 code units. */
  start: number;
  end: number;
  /** Code points. */
  cpStart: number;
  cpEnd: number;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** By attribute name. */
  attributes: Record<string, AttributeValue>;
  place: DsPlace | null;
  /** A discontinuous annotation's fragments, in order; absent for one contiguous span. */
  fragments?: DsFragment[];
  /** Its layer (an analyst id or 'gold'), its analyst's name ('gold' for the gold layer), who made and last changed it (ids). */
  layer: string;
  analyst: string;
  createdBy: string;
  updatedBy: string;
}

interface DsRelation {
  id: string;
  typeId: string;
  /** The type's name ("attributed to"). */
  type: string;
  from: string;
  to: string;
  createdAt: string;
}

export interface DsDocument {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  author: string | null;
  importedAt: string;
  sourceName: string | null;
  sourceFormat: string | null;
  encoding: string | null;
  pageMap: string | null;
  contentHash: string;
  /** What the dataset record it came from said about itself (doccano's id and meta…); null: nothing. */
  sourceRecord: SourceRecord | null;
  tags: string[];
  text: string;
  annotations: DsAnnotation[];
  relations: DsRelation[];
  /** Events, equivalences, normalisations and typed notes; absent when the document has none. */
  linked?: Linked;
}

/** A dataset record's own keys that Glossa has no column for, kept as they were and exported back. */
export type SourceRecord = Record<string, unknown>;

/** A record's "source_record" object (Glossa's JSONL and archive), as InDocument takes it. */
export function sourceRecordOf(value: unknown): { sourceRecord?: SourceRecord } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { sourceRecord: value as SourceRecord } : {};
}

/** A stored source_record column, read back (null when absent or not an object). */
function parseSourceRecord(raw: string | null): SourceRecord | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SourceRecord) : null;
  } catch {
    return null;
  }
}

export interface ExportScope {
  documentId?: string;
  documentIds?: readonly string[];
  /** Label ids or names; omitted: all. */
  labels?: readonly string[];
  /** Which layer: an analyst's id or name, 'gold', or 'all' (the default: every layer, each annotation with its analyst). */
  layer?: string;
}

/** One attribute value of an annotation, as read from annotation_attributes (value as JSON). */
interface ValueRow {
  annotationId: string;
  name: string;
  value: string;
}

/**
 * Puts one document's attribute values and places on its annotations, in place. Returns the
 * annotations by id (null when there was nothing to attach, so no map was built).
 */
function attachValuesAndPlaces<P, A extends { id: string; attributes: Record<string, AttributeValue>; place: P | null }>(
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

/** Offsets as the chosen unit counts them. */
export function offsetsOf(a: DsAnnotation, unit: OffsetUnit): [number, number] {
  return unit === 'utf16' ? [a.start, a.end] : [a.cpStart, a.cpEnd];
}

/** The document ids in scope, checked, in export order; undefined for the whole corpus. */
export function scopeIds(ctx: ServiceContext, scope: ExportScope): string[] | undefined {
  const ids = scope.documentIds ?? (scope.documentId !== undefined ? [scope.documentId] : undefined);
  if (ids === undefined) return undefined;
  const exists = ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of ids) if (!exists.get(id)) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return [...new Set(ids)];
}

/** The label ids the filter keeps (by id or case-insensitive name); undefined: all. */
export function labelFilter(ctx: ServiceContext, labels: readonly string[] | undefined): Set<string> | undefined {
  if (labels === undefined) return undefined;
  const all = ctx.store.db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[];
  const keep = new Set<string>();
  for (const wanted of labels) {
    const found = all.find((l) => l.id === wanted) ?? all.find((l) => l.name.toLowerCase() === wanted.trim().toLowerCase());
    if (!found) throw new AppError('NOT_FOUND', `No label "${wanted}" (labels: ${all.map((l) => l.name).join(', ')}).`);
    keep.add(found.id);
  }
  return keep;
}

const documentColumns = `id, title, outlet, url, published_at AS publishedAt, author, imported_at AS importedAt,
  source_name AS sourceName, source_format AS sourceFormat, encoding, page_map AS pageMap, content_hash AS contentHash, text,
  source_record AS sourceRecord`;

type DocumentRow = Omit<DsDocument, 'tags' | 'annotations' | 'relations' | 'sourceRecord'> & { sourceRecord: string | null };

type AnnotationRow = [string, string, number, number, string, string, string, string, string, string, string];

/** The layer an export reads: undefined for all, else an analyst id or 'gold' (by id or name). */
export function layerFilter(ctx: ServiceContext, layer: string | undefined): string | undefined {
  if (layer === undefined || layer.toLowerCase() === 'all') return undefined;
  if (layer.toLowerCase() === 'gold') return 'gold';
  const row = ctx.store.db.prepare('SELECT id FROM analysts WHERE id = ? OR name = ? COLLATE NOCASE').get(layer, layer.trim()) as { id: string } | undefined;
  if (!row) {
    const names = (ctx.store.db.prepare('SELECT name FROM analysts ORDER BY name').pluck().all() as string[]).join(', ');
    throw new AppError('NOT_FOUND', `No analyst "${layer}" (layers: ${names}, gold, all).`);
  }
  return row.id;
}

/** The documents in scope, one at a time, so a large corpus is never all in memory. */
export function* datasetDocuments(ctx: ServiceContext, scope: ExportScope): Generator<DsDocument> {
  const db = ctx.store.db;
  const ids = scopeIds(ctx, scope);
  const keep = labelFilter(ctx, scope.labels);
  const layer = layerFilter(ctx, scope.layer);
  const analystNames = new Map((db.prepare('SELECT id, name FROM analysts').all() as { id: string; name: string }[]).map((a) => [a.id, a.name]));
  const one = db.prepare(`SELECT ${documentColumns} FROM documents WHERE id = ?`);
  const rows: Iterable<DocumentRow> =
    ids === undefined
      ? (db.prepare(`SELECT ${documentColumns} FROM documents ORDER BY imported_at, id`).iterate() as Iterable<DocumentRow>)
      : ids.map((id) => one.get(id) as DocumentRow);
  const annotationsOf = db
    .prepare(
      `SELECT id, label_id, start, "end", quote, note, created_at, updated_at, layer, created_by, updated_by FROM annotations
       WHERE document_id = @doc AND (@layer IS NULL OR layer = @layer) ORDER BY start, "end" DESC, created_at, rowid`,
    )
    .raw();
  const labelNames = new Map((db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]));
  const tagsOf = db.prepare('SELECT tag FROM document_tags WHERE document_id = ? ORDER BY tag COLLATE NOCASE').pluck();
  const valuesOf = db.prepare(
    `SELECT aa.annotation_id AS annotationId, la.name, aa.value FROM annotations a
     JOIN annotation_attributes aa ON aa.annotation_id = a.id
     JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
     WHERE a.document_id = ? ORDER BY la.position, la.name`,
  );
  const placesOf = db.prepare(
    `SELECT p.annotation_id AS annotationId, p.name, p.geonameid, p.country, p.admin1, p.lat, p.lon, p.population,
            p.resolved_by AS resolvedBy, p.resolved_at AS resolvedAt
     FROM annotations a JOIN places p ON p.annotation_id = a.id WHERE a.document_id = ?`,
  );
  const relationsOf = db.prepare(
    `SELECT r.id, r.type_id AS typeId, t.name AS type, r.from_id AS "from", r.to_id AS "to", r.created_at AS createdAt
     FROM annotations a JOIN relations r ON r.from_id = a.id JOIN relation_types t ON t.id = r.type_id
     WHERE a.document_id = ? ORDER BY r.created_at, r.rowid`,
  );
  const has = (table: string) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS yes`).get() as { yes: number }).yes === 1;
  const hasValues = has('annotation_attributes');
  const hasPlaces = has('places');
  const hasRelations = has('relations');
  const linkedOf = linkedReader(db);
  for (const row of rows) {
    // Changed bytes in the store are reported, not exported as if they were the report.
    checkTextIntact(row);
    let raw = annotationsOf.all({ doc: row.id, layer: layer ?? null }) as AnnotationRow[];
    if (keep) raw = raw.filter((r) => keep.has(r[1]));
    const cps = utf16ToCodePoints(row.text, raw.flatMap((r) => [r[2], r[3]]));
    const annotations: DsAnnotation[] = raw.map(([id, labelId, start, end, quote, note, createdAt, updatedAt, inLayer, createdBy, updatedBy], i) => ({
      id,
      labelId,
      label: labelNames.get(labelId) ?? labelId,
      start,
      end,
      cpStart: cps[2 * i]!,
      cpEnd: cps[2 * i + 1]!,
      quote,
      note,
      createdAt,
      updatedAt,
      attributes: {},
      place: null,
      layer: inLayer,
      analyst: inLayer === 'gold' ? 'gold' : (analystNames.get(inLayer) ?? inLayer),
      createdBy,
      updatedBy,
    }));
    const values = hasValues ? (valuesOf.all(row.id) as ValueRow[]) : [];
    const places = hasPlaces ? (placesOf.all(row.id) as (DsPlace & { annotationId: string })[]) : [];
    let relations = hasRelations ? (relationsOf.all(row.id) as DsRelation[]) : [];
    const attached = attachValuesAndPlaces(annotations, values, places);
    if ((keep || layer !== undefined) && relations.length > 0) {
      const kept = attached ?? new Set(annotations.map((a) => a.id));
      relations = relations.filter((r) => kept.has(r.from) && kept.has(r.to));
    }
    const extra = linkedOf(row.id, row.text, new Set(annotations.map((a) => a.id)));
    if (extra) for (const a of annotations) {
      const fragments = extra.fragments.get(a.id);
      if (fragments) a.fragments = fragments;
    }
    yield { ...row, sourceRecord: parseSourceRecord(row.sourceRecord), tags: tagsOf.all(row.id) as string[], annotations, relations, ...(extra ? { linked: extra.linked } : {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// What an imported file holds, before anchoring.

/** Where a file says an annotation is: offsets in some unit, and the quote with its context. */
export interface InAnnotation extends AnchorInput {
  /** The file's own id for it (relations refer to it); unique within the document. */
  ref: string;
  /** A Glossa id, when the file carries one (our own exports): merges by it. */
  id?: string;
  label: string;
  note?: string;
  createdAt?: string;
  updatedAt?: string;
  attributes?: Record<string, AttributeValue>;
  place?: Partial<DsPlace> & { name: string; lat: number; lon: number };
  /** Tags the file puts on this annotation (W3C "tagging" bodies): added to its report's tags once it is placed. */
  tags?: string[];
  /** A discontinuous annotation's fragments, in the unit of start/end, in order. */
  fragments?: { start: number; end: number }[];
  /** Its layer as an archive names it (an analyst id of the archive's analysts.json, or 'gold'), and who made and last changed it. */
  layer?: string;
  createdBy?: string;
  updatedBy?: string;
  /** Who annotated it, by name, as an interchange format says (doccano user, Label Studio completed_by, W3C creator, JSONL analyst). */
  analyst?: string;
  line: number | null;
}

export interface InRelation {
  id?: string;
  /** The file's own id for it (notes refer to it). */
  ref?: string;
  type: string;
  from: string;
  to: string;
  createdAt?: string;
}

export interface InDocument {
  file: string;
  line: number | null;
  /** A Glossa document id, when the file carries one. */
  id?: string;
  title: string;
  text: string;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  author?: string | null;
  tags?: string[];
  sourceName?: string | null;
  sourceFormat?: string | null;
  encoding?: string | null;
  pageMap?: PageStart[] | null;
  importedAt?: string;
  /** The record's own keys Glossa has no column for (doccano's id, meta…), stored as they are. */
  sourceRecord?: SourceRecord;
  annotations: InAnnotation[];
  relations: InRelation[];
  /** Events, equivalences, normalisations and typed notes, by the file's references. */
  linked?: Linked;
}

export interface InDataset {
  documents: InDocument[];
  /** The archive's schema file (JSON), merged before anything else. */
  schemaJson?: string;
  /** Annotations that the file itself could not place (no text for them), reported as they are. */
  unplaced: { file: string; line: number | null; document: string; label: string; quote: string; reason: string }[];
  /** What the file holds that cannot be imported (a repeated id…): per file, how many and why. */
  dropped?: { file: string; count: number; reason: string }[];
  /** Values an attribute may take, by attribute name, as a brat annotation.conf declares them. */
  declaredAttributeValues?: Map<string, string[]>;
  /** The analysts an archive names (its analysts.json); their ids are the layers of its annotations. */
  analysts?: { id: string; name: string }[];
}

/** An error in a file being imported: names the file and line; nothing is imported. */
export function importError(file: string, line: number | null, message: string): AppError {
  return new AppError('IMPORT_FAILED', `${file}${line === null ? '' : ` line ${line}`}: ${message} Nothing was imported.`);
}

/**
 * Why JSON.parse refused a text, without quoting it (V8's messages quote the text they stopped
 * at, and an error message must never carry a file's content).
 */
export function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  if (at) return `at character ${Number(at[1]) + 1}`;
  if (/end of JSON input/i.test(message)) return 'it ends too early';
  return 'it is not JSON';
}

/** A value as JSON.parse gave it: an object, or an import error naming where. */
export function asObject(value: unknown, file: string, line: number | null, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw importError(file, line, `${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

export function optString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A document's details as its export record carries them (read back by recordDetails). */
export function detailsRecord(doc: Pick<DsDocument, 'outlet' | 'url' | 'publishedAt' | 'author' | 'tags'>) {
  return { outlet: doc.outlet, url: doc.url, published_at: doc.publishedAt, author: doc.author, tags: doc.tags };
}

/** The details a document record may carry (Glossa's own keys), as the importers read them. */
export function recordDetails(record: Record<string, unknown>): {
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  author: string | null;
  tags: string[] | undefined;
} {
  return {
    outlet: optString(record.outlet) ?? null,
    url: optString(record.url) ?? null,
    publishedAt: optString(record.published_at) ?? null,
    author: optString(record.author) ?? null,
    tags: Array.isArray(record.tags) ? record.tags.filter((t): t is string => typeof t === 'string') : undefined,
  };
}

/** Glossa ids are UUIDs or the seeded slugs; anything else from a file is only a reference. */
export function glossaId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

/** Up to n code points before and after a UTF-16 span: the context W3C selectors carry. */
export function contextOf(text: string, start: number, end: number, n = 32): { prefix: string; suffix: string } {
  let from = Math.max(0, start - n);
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from -= 1;
  let to = Math.min(text.length, end + n);
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to += 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}
