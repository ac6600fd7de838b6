// doccano JSONL, "sequence labeling with relations": one document per line,
//   {"id": 1, "text": "…", "entities": [{"id": 1, "label": "Claim", "start_offset": 0, "end_offset": 9}],
//    "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "attributed to"}]}
// Entity and relation ids are integers within the line, as doccano writes them. Glossa adds
// per entity its quote, note, attribute values, place and own id, and per line the document's
// details and "offset_unit"; doccano keeps unknown top-level keys as metadata. Reading also
// accepts doccano's plain sequence-labeling form ("label": [[start, end, "Label"], …]).
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AttributeValue } from '../../../../shared/schemas/schema';
import { asObject, jsonProblem, detailsRecord, type DsDocument, glossaId, importError, type InAnnotation, type InDataset, type InDocument, type InRelation, offsetsOf, optNumber, optString, recordDetails } from '../model';
import path from 'node:path';
import { readText } from '../files';
import type { ImportableFormat } from './format';
import { readable, textExport } from './text-export';

function doccanoLine(doc: DsDocument, unit: OffsetUnit, n: number): string {
  const number = new Map<string, number>();
  const entities = doc.annotations.map((a, i) => {
    number.set(a.id, i + 1);
    const [start, end] = offsetsOf(a, unit);
    return {
      id: i + 1,
      label: a.label,
      start_offset: start,
      end_offset: end,
      ...(unit === 'utf16' ? { codepoint_start: a.cpStart, codepoint_end: a.cpEnd } : {}),
      quote: a.quote,
      note: a.note,
      attributes: a.attributes,
      place: a.place,
      glossa_id: a.id,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    };
  });
  const relations = doc.relations.map((r, i) => ({
    id: i + 1,
    from_id: number.get(r.from)!,
    to_id: number.get(r.to)!,
    type: r.type,
    glossa_id: r.id,
    created_at: r.createdAt,
  }));
  return (
    JSON.stringify({
      id: n,
      text: doc.text,
      entities,
      relations,
      glossa_document_id: doc.id,
      title: doc.title,
      ...detailsRecord(doc),
      offset_unit: unit,
    }) + '\n'
  );
}

/** One JSON value per non-blank line; a malformed line fails the import naming it. */
export function* jsonLines(text: string, file: string): Generator<[unknown, number]> {
  let line = 0;
  let at = 0;
  while (at <= text.length) {
    let next = text.indexOf('\n', at);
    if (next === -1) next = text.length;
    line += 1;
    const raw = text.slice(at, next).replace(/\r$/, '');
    at = next + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw importError(file, line, `not valid JSON (${jsonProblem(error)}).`);
    }
    yield [value, line];
  }
}

export function unitOf(value: unknown, fallback: OffsetUnit): OffsetUnit {
  return value === 'utf16' ? 'utf16' : value === 'codepoint' ? 'codepoint' : fallback;
}

function attributesOf(value: unknown): Record<string, AttributeValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, AttributeValue>) : undefined;
}

export function placeOf(value: unknown): InAnnotation['place'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  const lat = optNumber(p.lat);
  const lon = optNumber(p.lon);
  const name = optString(p.name);
  if (lat === undefined || lon === undefined || name === undefined) return undefined;
  return {
    name,
    lat,
    lon,
    geonameid: optNumber(p.geonameid) ?? null,
    country: optString(p.country) ?? null,
    admin1: optString(p.admin1) ?? null,
    population: optNumber(p.population) ?? null,
    resolvedBy: p.resolvedBy === 'gazetteer' || p.resolved_by === 'gazetteer' ? 'gazetteer' : 'manual',
    resolvedAt: optString(p.resolvedAt) ?? optString(p.resolved_at),
  };
}

function parseDoccano(text: string, file: string): InDataset {
  const documents: InDocument[] = [];
  for (const [value, line] of jsonLines(text, file)) {
    const record = asObject(value, file, line, 'Each line');
    if (typeof record.text !== 'string') throw importError(file, line, 'has no "text" string.');
    const unit = unitOf(record.offset_unit, 'codepoint');
    const annotations: InAnnotation[] = [];
    const relations: InRelation[] = [];
    if (Array.isArray(record.entities)) {
      record.entities.forEach((raw, i) => {
        const e = asObject(raw, file, line, `entities[${i}]`);
        const label = optString(e.label);
        const start = optNumber(e.start_offset);
        const end = optNumber(e.end_offset);
        if (label === undefined || start === undefined || end === undefined) {
          throw importError(file, line, `entities[${i}] needs "label", "start_offset" and "end_offset".`);
        }
        annotations.push({
          ref: String(e.id ?? `e${i}`),
          id: glossaId(e.glossa_id),
          label,
          start,
          end,
          unit,
          quote: optString(e.quote),
          note: optString(e.note),
          attributes: attributesOf(e.attributes),
          place: placeOf(e.place),
          createdAt: optString(e.created_at),
          updatedAt: optString(e.updated_at),
          line,
        });
      });
    } else if (Array.isArray(record.annotations)) {
      // Glossa's own JSONL: full annotations with their ids, quotes and values.
      record.annotations.forEach((raw, i) => {
        const a = asObject(raw, file, line, `annotations[${i}]`);
        const label = optString(a.label);
        if (label === undefined) throw importError(file, line, `annotations[${i}] has no "label".`);
        annotations.push({
          ref: String(a.id ?? `a${i}`),
          id: glossaId(a.id),
          label,
          start: optNumber(a.start),
          end: optNumber(a.end),
          unit,
          quote: optString(a.quote),
          note: optString(a.note),
          attributes: attributesOf(a.attributes),
          place: placeOf(a.place),
          createdAt: optString(a.created_at),
          updatedAt: optString(a.updated_at),
          line,
        });
      });
    } else if (Array.isArray(record.label)) {
      record.label.forEach((raw, i) => {
        if (!Array.isArray(raw) || typeof raw[0] !== 'number' || typeof raw[1] !== 'number' || typeof raw[2] !== 'string') {
          throw importError(file, line, `label[${i}] must be [start, end, "Label"].`);
        }
        annotations.push({ ref: `l${i}`, label: raw[2], start: raw[0], end: raw[1], unit, line });
      });
    }
    if (Array.isArray(record.relations)) {
      record.relations.forEach((raw, i) => {
        const r = asObject(raw, file, line, `relations[${i}]`);
        const type = optString(r.type);
        const from = r.from_id ?? r.from;
        const to = r.to_id ?? r.to;
        if (type === undefined || from === undefined || to === undefined) {
          throw importError(file, line, `relations[${i}] needs "from_id", "to_id" and "type".`);
        }
        relations.push({ id: glossaId(r.glossa_id ?? r.id), type, from: String(from), to: String(to), createdAt: optString(r.created_at) });
      });
    }
    documents.push({
      file,
      line,
      id: glossaId(record.glossa_document_id),
      title: optString(record.title) ?? `${file} line ${line}`,
      text: record.text,
      ...recordDetails(record),
      annotations,
      relations,
    });
  }
  return { documents, unplaced: [] };
}

export const doccanoFormat: ImportableFormat = {
  id: 'doccano',
  ...textExport(function* (_ctx, docs, unit) {
    let n = 0;
    for (const d of docs) yield { text: doccanoLine(d, unit, ++n), record: true };
  }, readable),
  read: async (_ctx, target) => parseDoccano(await readText(target), path.basename(target)),
};
