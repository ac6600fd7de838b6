// Writes what an imported file holds into the store, all in one transaction: documents (merged
// with a stored one of the same normalised text), labels the schema lacks (when asked), then
// each annotation anchored to the stored text (anchor.ts), its values, place and relations.
// What cannot be anchored is reported, never placed elsewhere.
import type { AnnotationImportFormat, AnnotationImportReport } from '../../../shared/schemas/datasets';
import type { LabelAttribute } from '../../../shared/schemas/schema';
import { checkValue } from '../schema/attribute-types';
import type { ServiceContext } from '../context';
import { contentHash } from '../library/documents';
import { importSchema } from '../schema/schema-file';
import { anchor, lazyCodePointLength } from './anchor';
import type { InDataset } from './model';

const palette = ['#7048e8', '#c2255c', '#0c8599', '#e67700', '#5c940d', '#862e9c', '#1864ab', '#a61e4d'];

export function missingLabels(ctx: ServiceContext, dataset: InDataset): string[] {
  const rows = ctx.store.db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[];
  const known = new Set(rows.flatMap((r) => [r.id, r.name.toLowerCase()]));
  const missing = new Map<string, string>();
  for (const d of dataset.documents) for (const a of d.annotations) {
    const key = a.label.trim().toLowerCase();
    if (!known.has(a.label) && !known.has(key) && !missing.has(key)) missing.set(key, a.label.trim());
  }
  return [...missing.values()];
}

export function applyDataset(
  ctx: ServiceContext,
  dataset: InDataset,
  options: { path: string; format: AnnotationImportFormat; createLabels: boolean },
): AnnotationImportReport {
  const report: AnnotationImportReport = {
    path: options.path,
    format: options.format,
    documentsAdded: 0,
    documentsMatched: 0,
    annotationsImported: 0,
    annotationsReanchored: 0,
    annotationsAlreadyPresent: 0,
    relationsImported: 0,
    attributesImported: 0,
    placesImported: 0,
    labelsCreated: [],
    missingLabels: [],
    unanchored: [...dataset.unplaced],
    conflicts: [],
  };
  return ctx.store.transaction(() => {
    const db = ctx.store.db;
    if (dataset.schemaJson) {
      const merged = importSchema(ctx, dataset.schemaJson);
      report.labelsCreated.push(...merged.labelsAdded);
      report.conflicts.push(...merged.conflicts);
    }
    // Labels by id and by name.
    const labelRows = () => db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[];
    const labelId = new Map<string, string>();
    const refreshLabels = () => {
      for (const l of labelRows()) {
        labelId.set(l.id, l.id);
        labelId.set(l.name.toLowerCase(), l.id);
      }
    };
    refreshLabels();
    const missing = missingLabels(ctx, dataset);
    if (missing.length > 0) {
      if (options.createLabels) {
        const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM labels').get() as { next: number };
        const insert = db.prepare('INSERT INTO labels (id, name, color, hotkey, position) VALUES (?, ?, ?, NULL, ?)');
        missing.forEach((name, i) => insert.run(ctx.newId(), name.slice(0, 80), palette[i % palette.length], next + i));
        report.labelsCreated.push(...missing);
        refreshLabels();
      } else report.missingLabels.push(...missing);
    }
    const attributes = (
      db.prepare('SELECT id, label_id AS labelId, name, type, options, position FROM label_attributes').all() as (Omit<LabelAttribute, 'options'> & { options: string })[]
    ).map((r) => ({ ...r, options: JSON.parse(r.options) as string[] }));
    const attributeOf = new Map(attributes.map((a) => [`${a.labelId}\u0000${a.name.toLowerCase()}`, a]));
    const typeRows = () => db.prepare('SELECT id, name, from_label_id AS fromLabelId, to_label_id AS toLabelId FROM relation_types').all() as { id: string; name: string; fromLabelId: string | null; toLabelId: string | null }[];
    const types = new Map<string, { id: string; name: string; fromLabelId: string | null; toLabelId: string | null }>();
    for (const t of typeRows()) {
      types.set(t.id, t);
      types.set(t.name.toLowerCase(), t);
    }

    const docByHash = db.prepare('SELECT id, text FROM documents WHERE content_hash = ?');
    const docById = db.prepare('SELECT id, text FROM documents WHERE id = ?');
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, outlet, url, published_at, imported_at, source_name, text, text_length, content_hash,
         author, source_format, encoding, page_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTag = db.prepare('INSERT OR IGNORE INTO document_tags (document_id, tag) VALUES (?, ?)');
    const annotationById = db.prepare('SELECT document_id AS documentId, label_id AS labelId, start, "end" FROM annotations WHERE id = ?');
    const sameSpan = db.prepare('SELECT id FROM annotations WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?').pluck();
    const insertAnnotation = db.prepare(
      `INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertValue = db.prepare('INSERT OR IGNORE INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)');
    const insertPlace = db.prepare(
      `INSERT OR IGNORE INTO places (annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const relationExists = db.prepare('SELECT 1 FROM relations WHERE id = ?');
    const insertRelation = db.prepare('INSERT OR IGNORE INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)');
    const now = ctx.now();

    for (const doc of dataset.documents) {
      const where = (line: number | null) => ({ file: doc.file, line });
      let stored: { id: string; text: string } | undefined;
      if (doc.text === '') {
        // W3C annotations of a source whose text the file does not carry: a stored document by id.
        stored = doc.id ? (docById.get(doc.id) as { id: string; text: string } | undefined) : undefined;
        if (!stored) {
          for (const a of doc.annotations) {
            report.unanchored.push({ ...where(a.line), document: doc.title, label: a.label, quote: a.quote ?? '', reason: 'its document is neither in the file nor in the library' });
          }
          continue;
        }
        report.documentsMatched += 1;
      } else {
        const hash = contentHash(doc.text);
        stored = docByHash.get(hash) as { id: string; text: string } | undefined;
        if (stored) report.documentsMatched += 1;
        else {
          const id = doc.id && !docById.get(doc.id) ? doc.id : ctx.newId();
          insertDoc.run(
            id,
            doc.title.slice(0, 500) || 'Untitled',
            doc.outlet ?? null,
            doc.url ?? null,
            doc.publishedAt ?? null,
            doc.importedAt ?? now,
            doc.sourceName ?? null,
            doc.text,
            doc.text.length,
            hash,
            doc.author ?? null,
            doc.sourceFormat ?? null,
            doc.encoding ?? null,
            doc.pageMap ?? null,
          );
          for (const tag of doc.tags ?? []) if (tag.trim()) insertTag.run(id, tag.trim().slice(0, 64));
          stored = { id, text: doc.text };
          report.documentsAdded += 1;
        }
      }
      const text = stored.text;
      const cpLength = lazyCodePointLength(text);
      const sourceCpLength = doc.text === '' ? cpLength : lazyCodePointLength(doc.text);
      const idOfRef = new Map<string, string>();
      for (const a of doc.annotations) {
        const label = labelId.get(a.label) ?? labelId.get(a.label.trim().toLowerCase());
        if (!label) {
          report.unanchored.push({ ...where(a.line), document: doc.title, label: a.label, quote: a.quote ?? '', reason: `the label "${a.label}" is not in the schema` });
          continue;
        }
        // The quote is what the file's own text holds at the offsets, when the file has the text.
        let quote = a.quote;
        if (quote === undefined && doc.text !== '' && text !== doc.text && a.start !== undefined && a.end !== undefined) {
          const own = anchor(doc.text, { start: a.start, end: a.end, unit: a.unit }, sourceCpLength);
          if (own.ok) quote = doc.text.slice(own.start, own.end);
        }
        const placed = anchor(text, { start: a.start, end: a.end, unit: a.unit, quote, prefix: a.prefix, suffix: a.suffix }, cpLength);
        if (!placed.ok) {
          report.unanchored.push({ ...where(a.line), document: doc.title, label: a.label, quote: quote ?? '', reason: placed.reason });
          continue;
        }
        if (a.id) {
          const existing = annotationById.get(a.id) as { documentId: string; labelId: string; start: number; end: number } | undefined;
          if (existing) {
            if (existing.documentId === stored.id && existing.labelId === label && existing.start === placed.start && existing.end === placed.end) {
              report.annotationsAlreadyPresent += 1;
              idOfRef.set(a.ref, a.id);
            } else {
              report.conflicts.push(`Annotation ${a.id} ("${(quote ?? '').slice(0, 40)}") is in the library with another label or place; the library's was kept.`);
            }
            continue;
          }
        }
        const same = sameSpan.get(stored.id, label, placed.start, placed.end) as string | undefined;
        if (same) {
          report.annotationsAlreadyPresent += 1;
          idOfRef.set(a.ref, same);
          continue;
        }
        const id = a.id ?? ctx.newId();
        insertAnnotation.run(id, stored.id, label, placed.start, placed.end, text.slice(placed.start, placed.end), (a.note ?? '').slice(0, 20_000), a.createdAt ?? now, a.updatedAt ?? a.createdAt ?? now);
        idOfRef.set(a.ref, id);
        report.annotationsImported += 1;
        if (placed.reanchored) report.annotationsReanchored += 1;
        for (const [name, value] of Object.entries(a.attributes ?? {})) {
          const attribute = attributeOf.get(`${label}\u0000${name.toLowerCase()}`);
          const problem = attribute ? checkValue(attribute, value) : `the label "${a.label}" has no attribute "${name}"`;
          if (problem || !attribute) {
            report.conflicts.push(`A value of "${(quote ?? '').slice(0, 40)}" was left out: ${problem}`);
            continue;
          }
          insertValue.run(id, attribute.id, JSON.stringify(value));
          report.attributesImported += 1;
        }
        if (a.place) {
          const p = a.place;
          const country = p.country && /^[A-Z]{2}$/.test(p.country) ? p.country : null;
          if (p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180) {
            insertPlace.run(id, p.geonameid ?? null, p.name, country, p.admin1 ?? null, p.lat, p.lon, p.population ?? null, p.resolvedBy ?? 'manual', p.resolvedAt ?? now);
            report.placesImported += 1;
          } else report.conflicts.push(`The place "${p.name}" has coordinates out of range; it was left out.`);
        }
      }
      for (const r of doc.relations) {
        const from = idOfRef.get(r.from);
        const to = idOfRef.get(r.to);
        if (!from || !to) {
          report.conflicts.push(`A "${r.type}" relation was left out: one of its annotations was not imported.`);
          continue;
        }
        let type = types.get(r.type) ?? types.get(r.type.trim().toLowerCase());
        if (!type) {
          if (!options.createLabels) {
            report.conflicts.push(`A "${r.type}" relation was left out: there is no such relation type.`);
            continue;
          }
          const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM relation_types').get() as { next: number };
          type = { id: ctx.newId(), name: r.type.trim().slice(0, 80), fromLabelId: null, toLabelId: null };
          db.prepare('INSERT INTO relation_types (id, name, from_label_id, to_label_id, position) VALUES (?, ?, NULL, NULL, ?)').run(type.id, type.name, next);
          types.set(type.id, type);
          types.set(type.name.toLowerCase(), type);
          report.labelsCreated.push(`relation type "${type.name}"`);
        }
        if (from === to) continue;
        const fromLabel = (annotationById.get(from) as { labelId: string }).labelId;
        const toLabel = (annotationById.get(to) as { labelId: string }).labelId;
        if ((type.fromLabelId && type.fromLabelId !== fromLabel) || (type.toLabelId && type.toLabelId !== toLabel)) {
          report.conflicts.push(`A "${type.name}" relation was left out: its annotations have other labels than the type allows.`);
          continue;
        }
        const id = r.id && !relationExists.get(r.id) ? r.id : ctx.newId();
        if (insertRelation.run(id, type.id, from, to, r.createdAt ?? now).changes > 0) report.relationsImported += 1;
      }
    }
    return report;
  });
}
