// Reading doccano JSONL, every shape doccano 1.x writes and Glossa's own:
//   {"text", "entities": [{id, label, start_offset, end_offset}], "relations": [...]}   (relations)
//   {"text", "label" or "labels": [[start, end, "Label"], …]}                          (sequence labeling)
//   {"text", "annotations": [{label, start_offset, end_offset, user}]}                  (doccano 1.0)
//   {"text", "annotations": [{id, label, start, end, quote…}]}                          (Glossa JSONL)
// Labels may be ids (integers): they need a label map, {id: name} or doccano's label export.
// The record's own keys Glossa has no column for ("id", "meta"…) and who annotated each span
// ("user") are kept in the document's source record, and doccano exports write them back.
import type { OffsetUnit } from '../../../../shared/offsets';
import { asObject, glossaId, importError, type InAnnotation, type InDataset, type InDocument, type InRelation, optNumber, optString, recordDetails, type SourceRecord } from '../model';
import { attributesOf, fragmentsOf, jsonLines, placeOf, unitOf } from './json-records';
import { linkedFromJson, type Linked } from '../linked-model';
import { eventsFromRecords } from './event-relations';

/** Label names by id, from a label-map file: {"3": "Claim"} or doccano's [{"id": 3, "text": "Claim"}]. */
export type LabelMap = ReadonlyMap<string, string>;

export function parseLabelMap(text: string, file: string): LabelMap {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw importError(file, null, 'is not a label map: it is not JSON. A label map is {"1": "Claim", "2": "Source"} or doccano\'s label export.');
  }
  const map = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const e = entry as Record<string, unknown> | null;
      const name = optString(e?.text) ?? optString(e?.name);
      if (e === null || (typeof e.id !== 'number' && typeof e.id !== 'string') || name === undefined) {
        throw importError(file, null, 'is not a label map: each entry of its list needs "id" and "text".');
      }
      map.set(String(e.id), name);
    }
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [id, name] of Object.entries(raw)) {
      if (typeof name !== 'string') throw importError(file, null, `is not a label map: the id ${id} maps to something that is not a name.`);
      map.set(id, name);
    }
  } else {
    throw importError(file, null, 'is not a label map: expected {"1": "Claim", …} or a list of {"id", "text"}.');
  }
  return map;
}

/** Keys Glossa reads into its own columns; every other top-level key goes to the source record. */
const ownKeys = new Set(['text', 'entities', 'relations', 'label', 'labels', 'annotations', 'glossa_document_id', 'title', 'outlet', 'url', 'published_at', 'author', 'tags', 'offset_unit', 'source_record', 'source_record_keys']);

/** Keys Glossa writes for the brat model (events, equivalences…), read when they hold lists. */
const linkedKeys = new Set(['events', 'equivalences', 'normalisations', 'notes']);

/** What the record says about itself beyond Glossa's columns. */
function sourceRecordOf(record: Record<string, unknown>): SourceRecord {
  if (typeof record.source_record === 'object' && record.source_record !== null && !Array.isArray(record.source_record)) {
    return { ...(record.source_record as SourceRecord) };
  }
  // Glossa's own doccano export lists the keys that came from the source record.
  const listed = Array.isArray(record.source_record_keys) ? new Set(record.source_record_keys) : undefined;
  const own = record.glossa_document_id !== undefined;
  const kept: SourceRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (ownKeys.has(key) || (linkedKeys.has(key) && Array.isArray(value))) continue;
    if (own && !listed?.has(key)) continue;
    kept[key] = value;
  }
  return kept;
}

interface LineReader {
  file: string;
  line: number;
  unit: OffsetUnit;
  labelMap: LabelMap | undefined;
}

/** Who made a span: doccano 1.x's annotations[].user (a user id there, a name in ours), or Glossa JSONL's analyst. */
function annotatorOf(e: Record<string, unknown>): string | undefined {
  const user = e.user ?? e.analyst;
  if (typeof user === 'number' && Number.isInteger(user)) return `doccano user ${user}`;
  if (typeof user === 'string' && user.trim() !== '') return user.trim().slice(0, 80);
  return undefined;
}

/** A label as the record gives it: a name, or an id the label map names. */
function labelName(r: LineReader, raw: unknown, where: string): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') {
    const name = r.labelMap?.get(String(raw));
    if (name !== undefined) return name;
    throw importError(
      r.file,
      r.line,
      r.labelMap
        ? `${where} has the label id ${raw}, which the label map does not name.`
        : `${where} has the label id ${raw}: doccano wrote label ids, not names. Give a label map (a JSON file {"${raw}": "Claim", …}, or doccano's label export): glossa import-annotations --label-map FILE, or "Label map…" in the import dialog.`,
    );
  }
  throw importError(r.file, r.line, `${where} has no label.`);
}

function span(r: LineReader, e: Record<string, unknown>, i: number, where: string, ownShape: boolean): InAnnotation {
  const label = labelName(r, e.label, `${where}[${i}]`);
  const start = optNumber(e.start_offset) ?? optNumber(e.start);
  const end = optNumber(e.end_offset) ?? optNumber(e.end);
  if (!ownShape && (start === undefined || end === undefined)) throw importError(r.file, r.line, `${where}[${i}] needs "label", "start_offset" and "end_offset".`);
  return {
    ref: String(e.id ?? `${where[0]}${i}`),
    id: glossaId(ownShape ? e.id : e.glossa_id),
    label,
    start,
    end,
    unit: r.unit,
    quote: optString(e.quote),
    note: optString(e.note),
    attributes: attributesOf(e.attributes),
    place: placeOf(e.place),
    createdAt: optString(e.created_at),
    updatedAt: optString(e.updated_at),
    ...fragmentsOf(e.fragments),
    analyst: annotatorOf(e),
    line: r.line,
  };
}


function spansOf(r: LineReader, record: Record<string, unknown>): InAnnotation[] {
  if (Array.isArray(record.entities)) return record.entities.map((raw, i) => span(r, asObject(raw, r.file, r.line, `entities[${i}]`), i, 'entities', false));
  if (Array.isArray(record.annotations)) {
    return record.annotations.map((raw, i) => {
      const a = asObject(raw, r.file, r.line, `annotations[${i}]`);
      // doccano 1.0 writes start_offset; Glossa's own JSONL writes start with its ids and quotes.
      return span(r, a, i, 'annotations', a.start_offset === undefined);
    });
  }
  const triples = Array.isArray(record.label) ? { key: 'label', list: record.label } : Array.isArray(record.labels) ? { key: 'labels', list: record.labels } : undefined;
  if (!triples) return [];
  return triples.list.map((raw: unknown, i: number) => {
    if (!Array.isArray(raw) || typeof raw[0] !== 'number' || typeof raw[1] !== 'number' || (typeof raw[2] !== 'string' && typeof raw[2] !== 'number')) {
      throw importError(r.file, r.line, `${triples.key}[${i}] must be [start, end, "Label"] (a text classification label is not a span: Glossa imports span labels).`);
    }
    return { ref: `l${i}`, label: labelName(r, raw[2], `${triples.key}[${i}]`), start: raw[0], end: raw[1], unit: r.unit, line: r.line };
  });
}

function relationsOf(r: LineReader, record: Record<string, unknown>): (InRelation & { event?: string })[] {
  if (!Array.isArray(record.relations)) return [];
  return record.relations.map((raw, i) => {
    const x = asObject(raw, r.file, r.line, `relations[${i}]`);
    const type = typeof x.type === 'number' ? labelName(r, x.type, `relations[${i}]`) : optString(x.type);
    const from = x.from_id ?? x.from;
    const to = x.to_id ?? x.to;
    if (type === undefined || from === undefined || to === undefined) throw importError(r.file, r.line, `relations[${i}] needs "from_id", "to_id" and "type".`);
    return { id: glossaId(x.glossa_id ?? x.id), ref: String(x.glossa_id ?? x.id ?? `r${i}`), type, from: String(from), to: String(to), createdAt: optString(x.created_at), event: optString(x.glossa_event) };
  });
}

/**
 * The record's events (Glossa's doccano export and Glossa JSONL), equivalences, normalisations
 * and notes (Glossa JSONL); undefined when it has none. `bad` counts entries missing a part.
 */
function linkedOf(record: Record<string, unknown>, line: number): { linked: Linked; bad: number } | undefined {
  if (![...linkedKeys].some((k) => Array.isArray(record[k]))) return undefined;
  const rest = linkedFromJson({ ...record, events: undefined }, line);
  const events = eventsFromRecords(record.events, line);
  if (events) {
    for (const e of events.linked.events) e.id = glossaId(e.id);
    rest.linked.events = events.linked.events;
    rest.bad += events.bad;
  }
  return rest;
}

export function parseDoccano(text: string, file: string, labelMap?: LabelMap): InDataset {
  const documents: InDocument[] = [];
  let bad = 0;
  for (const [value, line] of jsonLines(text, file)) {
    const record = asObject(value, file, line, 'Each line');
    if (typeof record.text !== 'string') {
      // doccano lets a project name its columns (column_data, column_label…): say what is there.
      const keys = Object.keys(record).slice(0, 8).map((k) => (/^[\w.-]{1,40}$/.test(k) ? k : '…')).join(', ') || 'none';
      throw importError(file, line, `has no "text" string (its keys: ${keys}). A doccano file names its text "text" and its spans "label", "labels" or "entities"; rename other column names to those.`);
    }
    const reader: LineReader = { file, line, unit: unitOf(record.offset_unit, 'codepoint'), labelMap };
    const annotations = spansOf(reader, record);
    const linked = linkedOf(record, line);
    if (linked) bad += linked.bad;
    // An event's arguments are also written as relations (for other tools): with the events read, those are not relations.
    const relations = relationsOf(reader, record)
      .filter((x) => !(linked && linked.linked.events.length > 0 && x.event !== undefined))
      .map(({ event: _event, ...x }) => x);
    const sourceRecord = sourceRecordOf(record);
    documents.push({
      file,
      line,
      id: glossaId(record.glossa_document_id),
      title: optString(record.title) ?? `${file} line ${line}`,
      text: record.text,
      ...recordDetails(record),
      sourceRecord,
      annotations,
      relations,
      ...(linked ? { linked: linked.linked } : {}),
    });
  }
  const dropped = bad > 0 ? [{ file, count: bad, reason: 'events, equivalences, normalisations or notes lack what they need (an id, type or target)' }] : [];
  return { documents, unplaced: [], dropped };
}
