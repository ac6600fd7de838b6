// The rows an import writes, one insert function per table. They stand in for the store's
// writer of each table (one writer per table) and can be swapped for it one by one.
import type { ServiceContext } from '../../context';
import type { DsPlace } from '../model';
import { prepared } from './statements';

export interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  importedAt: string;
  sourceName: string | null;
  text: string;
  contentHash: string;
  author: string | null;
  sourceFormat: string | null;
  encoding: string | null;
  pageMap: string | null;
}

export function insertDocumentRow(ctx: ServiceContext, d: DocumentRow): void {
  prepared(
    ctx,
    `INSERT INTO documents (id, title, outlet, url, published_at, imported_at, source_name, text, text_length, content_hash,
       author, source_format, encoding, page_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.title, d.outlet, d.url, d.publishedAt, d.importedAt, d.sourceName, d.text, d.text.length, d.contentHash, d.author, d.sourceFormat, d.encoding, d.pageMap);
}

export function insertDocumentTagRow(ctx: ServiceContext, documentId: string, tag: string): void {
  prepared(ctx, 'INSERT OR IGNORE INTO document_tags (document_id, tag) VALUES (?, ?)').run(documentId, tag);
}

export function insertLabelRow(ctx: ServiceContext, label: { id: string; name: string; color: string; position: number }): void {
  prepared(ctx, 'INSERT INTO labels (id, name, color, hotkey, position) VALUES (?, ?, ?, NULL, ?)').run(label.id, label.name, label.color, label.position);
}

export function insertRelationTypeRow(ctx: ServiceContext, type: { id: string; name: string; position: number }): void {
  prepared(ctx, 'INSERT INTO relation_types (id, name, from_label_id, to_label_id, position) VALUES (?, ?, NULL, NULL, ?)').run(type.id, type.name, type.position);
}

export interface AnnotationRow {
  id: string;
  documentId: string;
  labelId: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export function insertAnnotationRow(ctx: ServiceContext, a: AnnotationRow): void {
  prepared(ctx, 'INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    a.id,
    a.documentId,
    a.labelId,
    a.start,
    a.end,
    a.quote,
    a.note,
    a.createdAt,
    a.updatedAt,
  );
}

/** The value as JSON. */
export function insertAttributeValueRow(ctx: ServiceContext, annotationId: string, attributeId: string, value: string): void {
  prepared(ctx, 'INSERT OR IGNORE INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)').run(annotationId, attributeId, value);
}

export function insertPlaceRow(ctx: ServiceContext, annotationId: string, p: DsPlace): void {
  prepared(
    ctx,
    `INSERT OR IGNORE INTO places (annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(annotationId, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.resolvedBy, p.resolvedAt);
}

/** True when the row was written (an existing id is left as it is). */
export function insertRelationRow(ctx: ServiceContext, r: { id: string; typeId: string; fromId: string; toId: string; createdAt: string }): boolean {
  return prepared(ctx, 'INSERT OR IGNORE INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)').run(r.id, r.typeId, r.fromId, r.toId, r.createdAt).changes > 0;
}
