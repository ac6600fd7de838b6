// One imported annotation into its stored document: anchored to the stored text (anchor.ts),
// merged with the same one already there (by id, or by label and span), else written with its
// attribute values and place. What cannot be anchored is reported, never placed elsewhere.
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import { checkValue } from '../../schema/attribute-types';
import { stampOf, type ServiceContext } from '../../context';
import { anchor, type Anchored } from '../anchor';
import type { InAnnotation, InDocument } from '../model';
import type { StoredText } from './documents';
import { prepared } from './statements';
import { insertAnnotation } from '../../../store/writers/annotations';
import { addAttributeValue } from '../../../store/writers/attribute-values';
import { addDocumentTag } from '../../../store/writers/documents';
import { addPlace } from '../../../store/writers/places';
import { findLabelId, type AttributeLookup, type LabelIds } from './schema';
import { importFragments } from './linked';

/** What every annotation of one import needs. */
export interface AnnotationImport {
  ctx: ServiceContext;
  report: AnnotationImportReport;
  labels: LabelIds;
  /** Set when missing labels may be created: creates one, on its first placed annotation. */
  createLabel?: (name: string) => string;
  attributeOf: AttributeLookup;
  now: string;
}

/** One document being imported: the file's document, its stored text and their lengths in code points. */
export interface DocumentImport {
  doc: InDocument;
  stored: StoredText;
  cpLength: () => number;
  sourceCpLength: () => number;
  /** Stored annotation ids by the file's references (relations use them). */
  idOfRef: Map<string, string>;
}

/** The quote is what the file's own text holds at the offsets, when the file has the text. */
function quoteOf(a: InAnnotation, d: DocumentImport): string | undefined {
  if (a.quote !== undefined || d.doc.text === '' || d.stored.text === d.doc.text || a.start === undefined || a.end === undefined) return a.quote;
  const own = anchor(d.doc.text, { start: a.start, end: a.end, unit: a.unit }, d.sourceCpLength);
  return own.ok ? d.doc.text.slice(own.start, own.end) : undefined;
}

function unanchored(run: AnnotationImport, d: DocumentImport, a: InAnnotation, quote: string | undefined, reason: string): void {
  run.report.unanchored.push({ file: d.doc.file, line: a.line, document: d.doc.title, label: a.label, quote: quote ?? '', reason });
}

/** The id of the same annotation already stored (counted as present), or undefined when it is new; null for a conflict. */
function alreadyStored(run: AnnotationImport, d: DocumentImport, a: InAnnotation, labelId: string, placed: { start: number; end: number }, quote: string | undefined): string | null | undefined {
  if (a.id) {
    const existing = prepared(run.ctx, 'SELECT document_id AS documentId, label_id AS labelId, start, "end" FROM annotations WHERE id = ?').get(a.id) as
      | { documentId: string; labelId: string; start: number; end: number }
      | undefined;
    if (existing) {
      if (existing.documentId === d.stored.id && existing.labelId === labelId && existing.start === placed.start && existing.end === placed.end) return a.id;
      run.report.conflicts.push(`Annotation ${a.id} ("${(quote ?? '').slice(0, 40)}") is in the library with another label or place; the library's was kept.`);
      return null;
    }
  }
  return prepared(run.ctx, 'SELECT id FROM annotations WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?').pluck().get(d.stored.id, labelId, placed.start, placed.end) as
    | string
    | undefined;
}

function importValues(run: AnnotationImport, a: InAnnotation, id: string, labelId: string, quote: string | undefined): void {
  for (const [name, value] of Object.entries(a.attributes ?? {})) {
    const attribute = run.attributeOf(labelId, name);
    const problem = attribute ? checkValue(attribute, value) : `the label "${a.label}" has no attribute "${name}"`;
    if (problem || !attribute) {
      run.report.conflicts.push(`A value of "${(quote ?? '').slice(0, 40)}" was left out: ${problem}`);
      continue;
    }
    addAttributeValue(run.ctx.store.db, id, attribute.id, value, stampOf(run.ctx));
    run.report.attributesImported += 1;
  }
}

function importPlace(run: AnnotationImport, p: NonNullable<InAnnotation['place']>, annotationId: string): void {
  if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) {
    run.report.conflicts.push(`The place "${p.name}" has coordinates out of range; it was left out.`);
    return;
  }
  const country = p.country && /^[A-Z]{2}$/.test(p.country) ? p.country : null;
  addPlace(run.ctx.store.db, {
    annotationId,
    geonameid: p.geonameid ?? null,
    name: p.name,
    country,
    admin1: p.admin1 ?? null,
    lat: p.lat,
    lon: p.lon,
    population: p.population ?? null,
    resolvedBy: p.resolvedBy ?? 'manual',
    resolvedAt: p.resolvedAt ?? run.now,
  }, stampOf(run.ctx));
  run.report.placesImported += 1;
}

function writeAnnotation(run: AnnotationImport, d: DocumentImport, a: InAnnotation, labelId: string, placed: Extract<Anchored, { ok: true }>, quote: string | undefined): void {
  const id = a.id ?? run.ctx.newId();
  insertAnnotation(run.ctx.store.db, {
    id,
    documentId: d.stored.id,
    labelId,
    start: placed.start,
    end: placed.end,
    quote: d.stored.text.slice(placed.start, placed.end),
    note: (a.note ?? '').slice(0, 20_000),
    createdAt: a.createdAt ?? run.now,
    updatedAt: a.updatedAt ?? a.createdAt ?? run.now,
  }, run.ctx.analyst.id);
  d.idOfRef.set(a.ref, id);
  run.report.annotationsImported += 1;
  if (placed.reanchored) run.report.annotationsReanchored += 1;
  importValues(run, a, id, labelId, quote);
  if (a.place) importPlace(run, a.place, id);
  for (const raw of a.tags ?? []) {
    const tag = raw.replace(/[,\n\r\t]+/g, ' ').trim().slice(0, 64);
    if (tag) addDocumentTag(run.ctx.store.db, d.stored.id, tag);
  }
  if (a.fragments && a.fragments.length > 1) {
    if (importFragments(run, d, a, id, placed)) run.report.fragmentedImported = (run.report.fragmentedImported ?? 0) + 1;
    else run.report.conflicts.push(`The fragments of "${(quote ?? '').slice(0, 40)}" no longer fit the text; it was kept as one span from its first fragment to its last.`);
  }
}

export function importAnnotation(run: AnnotationImport, d: DocumentImport, a: InAnnotation): void {
  let labelId = findLabelId(run.labels, a.label);
  if (!labelId && !run.createLabel) return unanchored(run, d, a, a.quote, `the label "${a.label}" is not in the schema`);
  const quote = quoteOf(a, d);
  const placed = anchor(d.stored.text, { start: a.start, end: a.end, unit: a.unit, quote, prefix: a.prefix, suffix: a.suffix }, d.cpLength);
  if (!placed.ok) return unanchored(run, d, a, quote, placed.reason);
  labelId ??= run.createLabel!(a.label);
  const present = alreadyStored(run, d, a, labelId, placed, quote);
  if (present === null) return;
  if (present !== undefined) {
    run.report.annotationsAlreadyPresent += 1;
    d.idOfRef.set(a.ref, present);
    return;
  }
  writeAnnotation(run, d, a, labelId, placed, quote);
}
