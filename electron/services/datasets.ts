// Datasets (issue 6): export in every format, with scope (corpus, selected documents, one
// document), a label filter and the offset unit; a preview of the first records; and imports of
// annotated data (doccano, Label Studio, brat, W3C, .glossa archive) that come in all or nothing.
// The formats themselves are in ./formats, one module each.
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { OffsetUnit } from '../../shared/offsets';
import type {
  AnnotationImportFormat,
  AnnotationImportPlan,
  AnnotationImportReport,
  DatasetExportOptions,
  DatasetExportOutcome,
  DatasetFormat,
  DatasetPreview,
} from '../../shared/schemas/datasets';
import { writeFileAtomic } from './atomic-write';
import type { ServiceContext } from './context';
import { csvHeader, csvRows } from './export-csv';
import { attributeColumns, type ExportDocument } from './export-data';
import { geoJsonFeatures } from './export-geojson';
import { slug } from './export';
import type { Handlers } from './handlers';
import { listAttributes } from './schema/attributes';
import { getSchema } from './schema/schema-file';
import { applyDataset, missingLabels } from './formats/apply';
import { buildArchive, parseArchive } from './formats/archive';
import { bratAnn, bratBaseName, bratConf, bratDocumentsJson, parseBrat } from './formats/brat';
import { claimLabelId, claimsCsvHeader, claimsCsvRows } from './formats/claims-csv';
import { conllDocument } from './formats/conll';
import { doccanoLine, parseDoccano } from './formats/doccano';
import { readLimited, readText, writeBytesAtomic, writeFolderAtomic } from './formats/files';
import { labelStudioConfig, labelStudioTask, parseLabelStudio } from './formats/labelstudio';
import { datasetDocuments, labelFilter, scopeIds, type DsDocument, type ExportScope, type InDataset } from './formats/model';
import { spacyLine } from './formats/spacy';
import { parseW3c, w3cHeader, w3cItems, w3cSource } from './formats/w3c';
import fs from 'node:fs';

export interface DatasetCounts {
  documents: number;
  annotations: number;
  relations: number;
  offsetUnit: string;
  warnings: string[];
}

/** File extension of each format ('' for brat, which writes a folder). */
export const formatExtensions: Readonly<Record<DatasetFormat, string>> = {
  jsonl: 'jsonl',
  csv: 'csv',
  doccano: 'jsonl',
  labelstudio: 'json',
  brat: '',
  conll: 'conll',
  spacy: 'jsonl',
  w3c: 'jsonld',
  'claims-csv': 'csv',
  geojson: 'geojson',
  archive: 'glossa',
};

/** What each format keeps and drops (the export dialog and the README say the same). */
export const formatNotes: Readonly<Record<DatasetFormat, string>> = {
  jsonl: 'Glossa JSONL: one report per line with text, [start, end, label] triples, full annotations (quote, note, attributes, place) and relations. Keeps everything but document tags.',
  csv: 'One row per annotation with attribute columns, relations and place; offsets always in code points. Drops the document text.',
  doccano: 'doccano sequence labeling with relations (entities, relations); quote, note, attributes and place ride along per entity.',
  labelstudio: 'Label Studio tasks with labels and relation results, plus the labeling config (.label_config.xml) beside it.',
  brat: 'A folder of .txt and .ann files with annotation.conf; choice and yes/no attributes as A lines, notes as # lines, other values in Glossa notes. Offsets in code points.',
  conll: 'CoNLL-2003 IOB2 tags per token. Keeps labels only; overlapping spans are resolved (earlier, then longer, wins) and the dropped ones reported.',
  spacy: 'spaCy JSONL: text, spans (all) and ents (those that do not overlap), code points by default.',
  w3c: 'W3C Web Annotation JSON-LD with TextQuoteSelector and TextPositionSelector per span, relations as linking annotations.',
  'claims-csv': 'One row per claim with its attributes, sources and places. Drops other spans that are not linked to a claim.',
  geojson: 'Resolved places as GeoJSON points (corpus or one report), with the claims located at them. Drops everything else.',
  archive: 'The whole project in one .glossa file: documents, schema, annotations, attributes, relations, places. Keeps everything.',
};

function unitFor(format: DatasetFormat, chosen: OffsetUnit | undefined): string {
  if (format === 'brat' || format === 'csv') return 'codepoint';
  if (format === 'archive') return 'utf16';
  if (format === 'conll') return 'tokens';
  if (format === 'geojson') return 'none';
  return chosen ?? 'codepoint';
}

function scopeOf(options: DatasetExportOptions): ExportScope {
  return { documentId: options.documentId, documentIds: options.documentIds, labels: options.labels };
}

/** The workbench's ExportDocument (CSV's input) from a dataset document. */
function asExportDocument(d: DsDocument): ExportDocument {
  return {
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    url: d.url,
    publishedAt: d.publishedAt,
    text: d.text,
    annotations: d.annotations.map((a) => ({
      id: a.id,
      label: a.label,
      start: a.cpStart,
      end: a.cpEnd,
      quote: a.quote,
      note: a.note,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      attributes: a.attributes,
      place: a.place && { name: a.place.name, geonameid: a.place.geonameid, country: a.place.country, lat: a.place.lat, lon: a.place.lon },
    })),
    relations: d.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
  };
}

function glossaJsonlLine(d: DsDocument, unit: OffsetUnit): string {
  const at = (a: DsDocument['annotations'][0]): [number, number] => (unit === 'utf16' ? [a.start, a.end] : [a.cpStart, a.cpEnd]);
  return (
    JSON.stringify({
      id: d.id,
      title: d.title,
      outlet: d.outlet,
      url: d.url,
      published_at: d.publishedAt,
      text: d.text,
      label: d.annotations.map((a) => [...at(a), a.label]),
      annotations: d.annotations.map((a) => ({
        id: a.id,
        label: a.label,
        start: at(a)[0],
        end: at(a)[1],
        ...(unit === 'utf16' ? { codepoint_start: a.cpStart, codepoint_end: a.cpEnd } : {}),
        quote: a.quote,
        note: a.note,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        attributes: a.attributes,
        place: a.place && { name: a.place.name, geonameid: a.place.geonameid, country: a.place.country, lat: a.place.lat, lon: a.place.lon },
      })),
      relations: d.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
      offset_unit: unit,
    }) + '\n'
  );
}

/**
 * The export as text chunks: each yielded string is a header, one record, or a footer; `records`
 * is true for records (the preview shows those). Counts fill in as documents go by.
 */
function* textChunks(ctx: ServiceContext, options: DatasetExportOptions, counts: DatasetCounts): Generator<{ text: string; record: boolean }> {
  const unit: OffsetUnit = options.offsetUnit ?? 'codepoint';
  const format = options.format;
  const docs = datasetDocuments(ctx, scopeOf(options));
  const count = (d: DsDocument) => {
    counts.documents += 1;
    counts.annotations += d.annotations.length;
    counts.relations += d.relations.length;
  };
  let n = 0;
  switch (format) {
    case 'jsonl':
      for (const d of docs) {
        count(d);
        yield { text: glossaJsonlLine(d, unit), record: true };
      }
      return;
    case 'doccano':
      for (const d of docs) {
        count(d);
        yield { text: doccanoLine(d, unit, ++n), record: true };
      }
      return;
    case 'csv': {
      const columns = attributeColumns(ctx);
      yield { text: csvHeader(columns), record: false };
      for (const d of docs) {
        count(d);
        yield { text: csvRows(asExportDocument(d), columns), record: true };
      }
      return;
    }
    case 'labelstudio':
      yield { text: '[\n', record: false };
      for (const d of docs) {
        count(d);
        yield { text: (n++ > 0 ? ',\n' : '') + labelStudioTask(d, unit, n), record: true };
      }
      yield { text: '\n]\n', record: false };
      return;
    case 'conll': {
      let dropped = 0;
      for (const d of docs) {
        count(d);
        const out = conllDocument(d);
        dropped += out.dropped;
        yield { text: (n++ > 0 ? '\n' : '') + out.text, record: true };
      }
      if (dropped > 0) counts.warnings.push(`${dropped} overlapping span${dropped === 1 ? ' was' : 's were'} left out of the IOB tags (the earlier, then longer, span is kept).`);
      return;
    }
    case 'spacy': {
      let dropped = 0;
      for (const d of docs) {
        count(d);
        const out = spacyLine(d, unit);
        dropped += out.dropped;
        yield { text: out.line, record: true };
      }
      if (dropped > 0) counts.warnings.push(`${dropped} overlapping span${dropped === 1 ? ' is' : 's are'} in "spans" but not in "ents".`);
      return;
    }
    case 'w3c': {
      yield { text: w3cHeader(unit, ctx.now()), record: false };
      const sources: string[] = [];
      let items = 0;
      for (const d of docs) {
        count(d);
        const list = w3cItems(d, unit);
        sources.push(w3cSource(d));
        if (list.length === 0) continue;
        yield { text: (items > 0 ? ',\n' : '') + list.join(',\n'), record: true };
        items += list.length;
      }
      yield { text: `\n]},\n"total": ${items},\n"glossa:sources": [\n`, record: false };
      yield { text: sources.join(',\n'), record: false };
      yield { text: '\n]\n}\n', record: false };
      return;
    }
    case 'claims-csv': {
      const attributes = listAttributes(ctx, claimLabelId);
      yield { text: claimsCsvHeader(attributes), record: false };
      for (const d of docs) {
        count(d);
        yield { text: claimsCsvRows(d, attributes, unit).text, record: true };
      }
      return;
    }
    default:
      throw new AppError('INTERNAL', `${format} is not a text export.`);
  }
}

function geoJsonScope(options: DatasetExportOptions): string | undefined {
  const ids = options.documentIds ?? (options.documentId ? [options.documentId] : undefined);
  if (ids && ids.length > 1) throw new AppError('INVALID_ARGS', 'GeoJSON exports the whole corpus or one document; choose one.');
  return ids?.[0];
}

/** Writes the export to target (a folder for brat), atomically, and says what it holds. */
export function exportDataset(ctx: ServiceContext, options: DatasetExportOptions, target: string): DatasetCounts {
  const counts: DatasetCounts = { documents: 0, annotations: 0, relations: 0, offsetUnit: unitFor(options.format, options.offsetUnit), warnings: [] };
  scopeIds(ctx, scopeOf(options));
  labelFilter(ctx, options.labels);
  switch (options.format) {
    case 'geojson': {
      const documentId = geoJsonScope(options);
      const { features, documents } = geoJsonFeatures(ctx, documentId);
      writeFileAtomic(target, ['{"type":"FeatureCollection","features":[', features.map((f) => '\n' + JSON.stringify(f)).join(','), '\n]}\n']);
      counts.documents = documents;
      counts.annotations = features.reduce((n, f) => n + f.properties.locations.length, 0);
      return counts;
    }
    case 'archive': {
      const built = buildArchive(ctx, countingDocs(datasetDocuments(ctx, scopeOf(options)), counts));
      writeBytesAtomic(target, built.bytes);
      return counts;
    }
    case 'brat': {
      const schema = getSchema(ctx);
      writeFolderAtomic(target, (folder) => {
        const used = new Set<string>();
        const meta: [string, DsDocument][] = [];
        for (const d of countingDocs(datasetDocuments(ctx, scopeOf(options)), counts)) {
          const base = bratBaseName(d, used);
          fs.writeFileSync(path.join(folder, `${base}.txt`), d.text);
          fs.writeFileSync(path.join(folder, `${base}.ann`), bratAnn(d, schema));
          meta.push([base, { ...d, text: '', annotations: [], relations: [] }]);
        }
        fs.writeFileSync(path.join(folder, 'annotation.conf'), bratConf(schema));
        fs.writeFileSync(path.join(folder, 'documents.json'), bratDocumentsJson(meta));
      });
      return counts;
    }
    case 'labelstudio': {
      writeFileAtomic(target, mapChunks(textChunks(ctx, options, counts)));
      writeFileAtomic(labelStudioConfigPath(target), [labelStudioConfig(getSchema(ctx))]);
      return counts;
    }
    default:
      writeFileAtomic(target, mapChunks(textChunks(ctx, options, counts)));
      return counts;
  }
}

export function labelStudioConfigPath(target: string): string {
  return target.replace(/(\.json)?$/i, '.label_config.xml');
}

function* mapChunks(chunks: Iterable<{ text: string }>): Generator<string> {
  for (const c of chunks) yield c.text;
}

function* countingDocs(docs: Iterable<DsDocument>, counts: DatasetCounts): Generator<DsDocument> {
  for (const d of docs) {
    counts.documents += 1;
    counts.annotations += d.annotations.length;
    counts.relations += d.relations.length;
    yield d;
  }
}

const previewRecords = 3;
const previewChars = 4000;

function clip(text: string): string {
  return text.length > previewChars ? `${text.slice(0, previewChars)}…` : text;
}

/** A JSON record laid out for reading: indented, long texts cut (by code points) with their length said. */
function readable(record: string): string {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch {
    return record;
  }
  const cut = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const points = Array.from(v);
      return points.length > 120 ? `${points.slice(0, 100).join('')}… (${points.length} characters)` : v;
    }
    if (Array.isArray(v)) return v.length > 8 ? [...v.slice(0, 8).map(cut), `… ${v.length - 8} more`] : v.map(cut);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cut(x)]));
    return v;
  };
  return JSON.stringify(cut(value), null, 2);
}

/** The first records as they will be written, with the counts of the whole export. */
export function previewDataset(ctx: ServiceContext, options: DatasetExportOptions): DatasetPreview {
  const scope = scopeOf(options);
  const ids = scopeIds(ctx, scope);
  const keep = labelFilter(ctx, options.labels);
  const db = ctx.store.db;
  const idList = JSON.stringify(ids ?? []);
  const docWhere = ids ? 'WHERE id IN (SELECT value FROM json_each(?))' : '';
  const documents = (db.prepare(`SELECT count(*) AS n FROM documents ${docWhere}`).get(...(ids ? [idList] : [])) as { n: number }).n;
  const annWhere = [ids ? 'document_id IN (SELECT value FROM json_each(?))' : '', keep ? 'label_id IN (SELECT value FROM json_each(?))' : ''].filter(Boolean);
  const annotations = (
    db.prepare(`SELECT count(*) AS n FROM annotations ${annWhere.length ? 'WHERE ' + annWhere.join(' AND ') : ''}`).get(...(ids ? [idList] : []), ...(keep ? [JSON.stringify([...keep])] : [])) as { n: number }
  ).n;
  const records: string[] = [];
  const first = { ...options, documentIds: ids ? ids.slice(0, previewRecords) : undefined, documentId: undefined };
  const firstIds = first.documentIds ?? (db.prepare('SELECT id FROM documents ORDER BY imported_at, id LIMIT ?').pluck().all(previewRecords) as string[]);
  if (firstIds.length > 0) {
    const limited = { ...first, documentIds: firstIds };
    const counts: DatasetCounts = { documents: 0, annotations: 0, relations: 0, offsetUnit: '', warnings: [] };
    if (options.format === 'brat') {
      const schema = getSchema(ctx);
      for (const d of datasetDocuments(ctx, scopeOf(limited))) records.push(clip(`${d.title}.ann\n${bratAnn(d, schema) || '(no annotations)'}`));
      records.push(clip(`annotation.conf\n${bratConf(schema)}`));
    } else if (options.format === 'archive') {
      for (const d of datasetDocuments(ctx, scopeOf(limited))) records.push(clip(JSON.stringify({ id: d.id, title: d.title, annotations: d.annotations.length, relations: d.relations.length })));
    } else if (options.format === 'geojson') {
      const { features } = geoJsonFeatures(ctx, geoJsonScope(options));
      for (const f of features.slice(0, previewRecords)) records.push(clip(readable(JSON.stringify(f))));
    } else {
      for (const chunk of textChunks(ctx, limited, counts)) {
        if (!chunk.record) continue;
        const text = chunk.text.replace(/^,?\n/, '');
        const json = options.format !== 'csv' && options.format !== 'claims-csv' && options.format !== 'conll' && options.format !== 'w3c';
        records.push(clip(json ? readable(text) : options.format === 'w3c' ? text.split(',\n').slice(0, 2).map(readable).join('\n') : text));
        if (records.length >= previewRecords) break;
      }
    }
  }
  return { records, documents, annotations, offsetUnit: unitFor(options.format, options.offsetUnit), note: formatNotes[options.format] };
}

/** "glossa-doccano-2026-11-26.jsonl", or the document's title. */
export function suggestedDatasetName(ctx: ServiceContext, options: DatasetExportOptions): string {
  const ext = formatExtensions[options.format];
  const tail = ext ? `.${ext}` : '';
  const kind = options.format === 'jsonl' || options.format === 'csv' || options.format === 'archive' ? '' : `-${options.format}`;
  const ids = options.documentIds ?? (options.documentId ? [options.documentId] : undefined);
  if (ids && ids.length === 1) {
    const row = ctx.store.db.prepare('SELECT title FROM documents WHERE id = ?').get(ids[0]) as { title: string } | undefined;
    return `${slug(row?.title ?? '') || 'glossa-document'}${kind}${tail}`;
  }
  return `glossa-${ids ? 'selection' : 'corpus'}${kind}-${ctx.now().slice(0, 10)}${tail}`;
}

export async function exportDatasetWithDialog(ctx: ServiceContext, options: DatasetExportOptions): Promise<DatasetExportOutcome> {
  scopeIds(ctx, scopeOf(options));
  labelFilter(ctx, options.labels);
  const target = await ctx.dialogs.chooseExportPath(suggestedDatasetName(ctx, options), formatExtensions[options.format]);
  if (target === null) return { status: 'cancelled' };
  const counts = exportDataset(ctx, options, target);
  return { status: 'written', path: target, ...counts };
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a file (a folder for brat) of the format, checking it all before anything is written. */
export function readDataset(ctx: ServiceContext, format: AnnotationImportFormat, target: string): InDataset {
  const name = path.basename(target);
  switch (format) {
    case 'doccano':
      return parseDoccano(readText(target), name);
    case 'labelstudio':
      return parseLabelStudio(readText(target), name);
    case 'w3c':
      return parseW3c(readText(target), name);
    case 'brat':
      return parseBrat(target, getSchema(ctx));
    case 'archive':
      return parseArchive(readLimited(target), name);
  }
}

export function planImport(ctx: ServiceContext, format: AnnotationImportFormat, target: string): AnnotationImportPlan {
  const dataset = readDataset(ctx, format, target);
  return {
    path: target,
    format,
    documents: dataset.documents.length,
    annotations: dataset.documents.reduce((n, d) => n + d.annotations.length, 0),
    missingLabels: dataset.schemaJson ? [] : missingLabels(ctx, dataset),
  };
}

export function importAnnotations(ctx: ServiceContext, format: AnnotationImportFormat, target: string, createLabels = false): AnnotationImportReport {
  const dataset = readDataset(ctx, format, target);
  return applyDataset(ctx, dataset, { path: target, format, createLabels });
}

export function datasetHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'datasets.exportDialog' | 'datasets.preview' | 'datasets.chooseImport' | 'datasets.importAnnotations'> {
  return {
    'datasets.exportDialog': (options) => exportDatasetWithDialog(ctx, options),
    'datasets.preview': (options) => previewDataset(ctx, options),
    'datasets.chooseImport': async ({ format }) => {
      const chosen = ctx.dialogs.chooseAnnotationsToImport
        ? await ctx.dialogs.chooseAnnotationsToImport(format)
        : ((await ctx.dialogs.chooseFilesToImport(format === 'brat' ? 'folder' : 'files'))[0] ?? null);
      if (chosen === null) return { status: 'cancelled' };
      return { status: 'chosen', plan: planImport(ctx, format, chosen) };
    },
    'datasets.importAnnotations': ({ format, path: target, createLabels }) => {
      if (!path.isAbsolute(target)) throw new AppError('INVALID_ARGS', `The path must be absolute (got "${target}").`);
      return importAnnotations(ctx, format, target, createLabels ?? false);
    },
  };
}
