// The .glossa archive: a whole project (or the documents in scope) in one ZIP, versioned.
//   manifest.json      {"glossaArchive": 1, "appVersion", "exportedAt", "offsetUnit": "utf16", counts}
//   schema.json        the shared schema file (labels, attributes, relation types)
//   documents.jsonl    one document per line: id, details, tags, page map, text
//   annotations.jsonl  one annotation per line: id, document id, label, UTF-16 offsets, quote,
//                      note, times, attribute values by name, place
//   relations.jsonl    one relation per line: id, type name, from, to, time
//   linked.jsonl       per document that has them: its events, equivalences, normalisations and
//                      typed notes (linked-model.ts); optional on read (older archives)
//   analysts.json      (version 2) the analysts whose layers the archive holds: [{id, name}];
//                      each annotation names its layer (an analyst id or "gold") and its authors
//                      (created_by, updated_by). Version 1 archives have none: their annotations
//                      go to the importing analyst's layer.
// A discontinuous annotation carries its fragments ({start, end} in UTF-16) in annotations.jsonl.
// Offsets are UTF-16 code units, the store's own unit, so nothing is converted.
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { ServiceContext } from '../../context';
import type { PageStart } from '../../../../shared/schemas/library';
import { schemaJson } from '../../schema/schema-file';
import { jsonLines, placeOf } from './json-records';
import { readLimited, unzip, zip } from '../files';
import { writeBytesAtomic } from '../../atomic-write';
import { asFileTarget } from '../../export-target/resolve';
import { asObject, jsonProblem, datasetDocuments, type DsDocument, glossaId, importError, type InAnnotation, type InDataset, type InDocument, optNumber, optString, recordDetails, sourceRecordOf } from '../model';
import { countingDocs, type ImportableFormat } from './format';
import { linkedFromJson, linkedJson } from '../linked-model';
import { clip } from './text-export';

const archiveVersion = 2;

function buildArchive(ctx: ServiceContext, documents: Iterable<DsDocument>): { bytes: Buffer; documents: number; annotations: number; relations: number } {
  const docs: string[] = [];
  const annotations: string[] = [];
  const relations: string[] = [];
  const linked: string[] = [];
  let a = 0;
  let r = 0;
  for (const d of documents) {
    docs.push(
      JSON.stringify({
        id: d.id,
        title: d.title,
        outlet: d.outlet,
        url: d.url,
        published_at: d.publishedAt,
        author: d.author,
        imported_at: d.importedAt,
        source_name: d.sourceName,
        source_format: d.sourceFormat,
        encoding: d.encoding,
        page_map: d.pageMap === null ? null : (JSON.parse(d.pageMap) as unknown),
        content_hash: d.contentHash,
        ...(d.sourceRecord ? { source_record: d.sourceRecord } : {}),
        tags: d.tags,
        text: d.text,
      }),
    );
    for (const x of d.annotations) {
      a += 1;
      annotations.push(
        JSON.stringify({
          id: x.id,
          document_id: d.id,
          label: x.label,
          start: x.start,
          end: x.end,
          quote: x.quote,
          note: x.note,
          created_at: x.createdAt,
          updated_at: x.updatedAt,
          attributes: x.attributes,
          place: x.place,
          ...(x.fragments ? { fragments: x.fragments.map((f) => ({ start: f.start, end: f.end })) } : {}),
          layer: x.layer,
          created_by: x.createdBy,
          updated_by: x.updatedBy,
        }),
      );
    }
    for (const x of d.relations) {
      r += 1;
      relations.push(JSON.stringify({ id: x.id, type: x.type, from: x.from, to: x.to, created_at: x.createdAt }));
    }
    if (d.linked) linked.push(JSON.stringify({ document_id: d.id, ...linkedJson(d.linked) }));
  }
  const manifest = {
    glossaArchive: archiveVersion,
    appVersion: ctx.appVersion,
    exportedAt: ctx.now(),
    offsetUnit: 'utf16',
    documents: docs.length,
    annotations: a,
    relations: r,
  };
  const analysts = ctx.store.db.prepare('SELECT id, name FROM analysts ORDER BY name COLLATE NOCASE, id').all() as { id: string; name: string }[];
  const lines = (list: string[]) => Buffer.from(list.length ? list.join('\n') + '\n' : '', 'utf8');
  const bytes = zip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
    { name: 'schema.json', data: Buffer.from(schemaJson(ctx)) },
    { name: 'documents.jsonl', data: lines(docs) },
    { name: 'annotations.jsonl', data: lines(annotations) },
    { name: 'relations.jsonl', data: lines(relations) },
    { name: 'linked.jsonl', data: lines(linked) },
    { name: 'analysts.json', data: Buffer.from(JSON.stringify(analysts, null, 2) + '\n') },
  ]);
  return { bytes, documents: docs.length, annotations: a, relations: r };
}

/** linked.jsonl onto the archive's documents; returns how many entries could not be read. */
function readLinked(data: Buffer | undefined, name: string, documents: ReadonlyMap<string, InDocument>): number {
  if (!data) return 0;
  let bad = 0;
  for (const [value, line] of jsonLines(data.toString('utf8'), name)) {
    const x = asObject(value, name, line, 'Each line');
    const doc = documents.get(String(x.document_id));
    if (!doc) throw importError(name, line, 'needs the "document_id" of a document in the archive.');
    const read = linkedFromJson(x, line);
    doc.linked = read.linked;
    bad += read.bad;
  }
  return bad;
}

/** analysts.json: [{id, name}], every id and name once. */
function readAnalysts(json: string, name: string): { id: string; name: string }[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw importError(name, null, `is not valid JSON (${jsonProblem(error)}).`);
  }
  if (!Array.isArray(value)) throw importError(name, null, 'must be a list of analysts ({"id", "name"}).');
  const ids = new Set<string>();
  const names = new Map<string, string>();
  return value.map((entry, i) => {
    const x = asObject(entry, name, null, `Analyst ${i + 1}`);
    const id = glossaId(x.id);
    const analystName = optString(x.name)?.trim();
    if (!id || !analystName || analystName.length > 80) throw importError(name, null, `analyst ${i + 1} needs an "id" and a "name" (1 to 80 characters).`);
    const other = names.get(analystName.toLowerCase());
    if (other !== undefined && other !== id) {
      throw new AppError('ANALYST_CONFLICT', `${name}: two analysts (ids ${other} and ${id}) are both called “${analystName}”. Nothing was imported.`);
    }
    ids.add(id);
    names.set(analystName.toLowerCase(), id);
    return { id, name: analystName };
  });
}

function parseArchive(bytes: Buffer, file: string): InDataset {
  const entries = unzip(bytes, file);
  const text = (name: string): string => {
    const data = entries.get(name);
    if (!data) throw importError(file, null, `is not a Glossa archive (it has no ${name}).`);
    return data.toString('utf8');
  };
  let manifest: Record<string, unknown>;
  try {
    manifest = asObject(JSON.parse(text('manifest.json')), file, null, 'manifest.json');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importError(`${file}/manifest.json`, null, `is not valid JSON (${jsonProblem(error)}).`);
  }
  const version = manifest.glossaArchive;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw importError(file, null, 'is not a Glossa archive (its manifest has no version).');
  if (version > archiveVersion) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `${file} was written by a newer version of Glossa (${String(manifest.appVersion ?? '?')}, archive version ${version}; this version reads up to ${archiveVersion}). Update Glossa to import it. Nothing was imported.`,
    );
  }
  const documents = new Map<string, InDocument>();
  const repeatedLines: number[] = [];
  for (const [value, line] of jsonLines(text('documents.jsonl'), `${file}/documents.jsonl`)) {
    const d = asObject(value, `${file}/documents.jsonl`, line, 'Each line');
    const id = glossaId(d.id);
    if (!id || typeof d.text !== 'string') throw importError(`${file}/documents.jsonl`, line, 'needs "id" and "text".');
    // A repeated id: the first document keeps it, the others are reported as dropped.
    if (documents.has(id)) {
      repeatedLines.push(line);
      continue;
    }
    const details = recordDetails(d);
    documents.set(id, {
      file: `${file}/documents.jsonl`,
      line,
      id,
      title: optString(d.title) ?? id,
      text: d.text,
      ...details,
      tags: details.tags ?? [],
      sourceName: optString(d.source_name) ?? null,
      sourceFormat: optString(d.source_format) ?? null,
      encoding: optString(d.encoding) ?? null,
      pageMap: Array.isArray(d.page_map) ? (d.page_map as PageStart[]) : null,
      ...sourceRecordOf(d.source_record),
      importedAt: optString(d.imported_at),
      annotations: [],
      relations: [],
    });
  }
  const docOf = new Map<string, InDocument>();
  const annotationsFile = `${file}/annotations.jsonl`;
  for (const [value, line] of jsonLines(text('annotations.jsonl'), annotationsFile)) {
    const x = asObject(value, annotationsFile, line, 'Each line');
    const doc = documents.get(String(x.document_id));
    const id = glossaId(x.id);
    const label = optString(x.label);
    if (!doc || !id || !label) throw importError(annotationsFile, line, 'needs "id", "label" and the "document_id" of a document in the archive.');
    const annotation: InAnnotation = {
      ref: id,
      id,
      label,
      start: optNumber(x.start),
      end: optNumber(x.end),
      unit: 'utf16',
      quote: optString(x.quote),
      note: optString(x.note),
      createdAt: optString(x.created_at),
      updatedAt: optString(x.updated_at),
      attributes: typeof x.attributes === 'object' && x.attributes !== null ? (x.attributes as InAnnotation['attributes']) : undefined,
      place: placeOf(x.place),
      ...(version >= 2 ? { layer: optString(x.layer), createdBy: optString(x.created_by), updatedBy: optString(x.updated_by) } : {}),
      line,
    };
    const fragments = Array.isArray(x.fragments) ? (x.fragments as { start?: unknown; end?: unknown }[]) : [];
    if (fragments.length > 1 && fragments.every((f) => typeof f.start === 'number' && typeof f.end === 'number')) {
      annotation.fragments = fragments.map((f) => ({ start: f.start as number, end: f.end as number }));
    }
    doc.annotations.push(annotation);
    docOf.set(id, doc);
  }
  const relationsFile = `${file}/relations.jsonl`;
  for (const [value, line] of jsonLines(text('relations.jsonl'), relationsFile)) {
    const x = asObject(value, relationsFile, line, 'Each line');
    const doc = docOf.get(String(x.from));
    const type = optString(x.type);
    if (!doc || !type || !docOf.has(String(x.to))) throw importError(relationsFile, line, 'needs "type" and "from"/"to" annotations in the archive.');
    doc.relations.push({ id: glossaId(x.id), ref: String(x.id), type, from: String(x.from), to: String(x.to), createdAt: optString(x.created_at) });
  }
  const badLinked = readLinked(entries.get('linked.jsonl'), `${file}/linked.jsonl`, documents);
  const dropped =
    repeatedLines.length === 0
      ? []
      : [
          {
            file: `${file}/documents.jsonl`,
            count: repeatedLines.length,
            reason: `${repeatedLines.length === 1 ? 'a document repeats' : `${repeatedLines.length} documents repeat`} the id of an earlier one (line${repeatedLines.length === 1 ? '' : 's'} ${repeatedLines.slice(0, 5).join(', ')}${repeatedLines.length > 5 ? '…' : ''}); only the first with each id was imported`,
          },
        ];
  if (badLinked > 0) dropped.push({ file: `${file}/linked.jsonl`, count: badLinked, reason: 'events, equivalences, normalisations or notes lack what they need (an id, type or target)' });
  const analysts = version >= 2 ? readAnalysts(text('analysts.json'), `${file}/analysts.json`) : undefined;
  return { documents: [...documents.values()], schemaJson: text('schema.json'), unplaced: [], dropped, ...(analysts ? { analysts } : {}) };
}

export const archiveFormat: ImportableFormat = {
  id: 'archive',
  write: (ctx, { scope, counts }, target) => writeBytesAtomic(asFileTarget(target), buildArchive(ctx, countingDocs(datasetDocuments(ctx, scope), counts)).bytes),
  preview: (ctx, { first }) =>
    [...datasetDocuments(ctx, first)].map((d) => clip(JSON.stringify({ id: d.id, title: d.title, annotations: d.annotations.length, relations: d.relations.length }))),
  read: async (_ctx, target) => parseArchive(await readLimited(target), path.basename(target)),
};
