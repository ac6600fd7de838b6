// doccano JSONL, "sequence labeling with relations": one document per line,
//   {"id": 1, "text": "…", "entities": [{"id": 1, "label": "Claim", "start_offset": 0, "end_offset": 9}],
//    "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "attributed to"}]}
// Entity and relation ids are integers within the line, as doccano writes them. Glossa adds
// per entity its quote, note, attribute values, place and own id, and per line the document's
// details and "offset_unit"; doccano keeps unknown top-level keys as metadata. The source
// record's keys (doccano's "id", "meta"…, kept when the record was imported) are written back
// at the top level, listed in "source_record_keys". An event is written as relations from its
// trigger entity to each argument, typed by the role (event-relations.ts), each marked with
// "glossa_event", and the events themselves under "events"; a discontinuous span is its covering
// entity with its "fragments" beside it. Reading: doccano-read.ts.
import type { OffsetUnit } from '../../../../shared/offsets';
import { detailsRecord, type DsDocument, offsetsOf } from '../model';
import path from 'node:path';
import { readText } from '../files';
import { parseDoccano } from './doccano-read';
import { eventRecords, eventRelations } from './event-relations';
import type { ImportableFormat } from './format';
import { readable, textExport } from './text-export';

export { jsonLines, placeOf, unitOf } from './json-records';

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
      // doccano has no discontinuous spans: the entity is the covering span, its fragments ride along.
      ...(a.fragments ? { fragments: a.fragments.map((f) => (unit === 'utf16' ? [f.start, f.end] : [f.cpStart, f.cpEnd])) } : {}),
      user: a.analyst,
    };
  });
  const relations: Record<string, unknown>[] = doc.relations.map((r, i) => ({
    id: i + 1,
    from_id: number.get(r.from)!,
    to_id: number.get(r.to)!,
    type: r.type,
    glossa_id: r.id,
    created_at: r.createdAt,
  }));
  for (const r of eventRelations(doc)) {
    const [from_id, to_id] = [number.get(r.from), number.get(r.to)];
    if (from_id !== undefined && to_id !== undefined) relations.push({ id: relations.length + 1, from_id, to_id, type: r.role, glossa_event: r.eventId });
  }
  const events = eventRecords(doc, (id) => number.get(id));
  const source = doc.sourceRecord ?? {};
  return (
    JSON.stringify({
      ...source,
      id: source.id ?? n,
      text: doc.text,
      entities,
      relations,
      ...(events.length > 0 ? { events } : {}),
      glossa_document_id: doc.id,
      title: doc.title,
      ...detailsRecord(doc),
      offset_unit: unit,
      ...(doc.sourceRecord ? { source_record_keys: Object.keys(doc.sourceRecord) } : {}),
    }) + '\n'
  );
}

export const doccanoFormat: ImportableFormat = {
  id: 'doccano',
  ...textExport(function* (_ctx, docs, unit) {
    let n = 0;
    for (const d of docs) yield { text: doccanoLine(d, unit, ++n), record: true };
  }, readable),
  read: async (_ctx, target, options) => parseDoccano(await readText(target), path.basename(target), options?.labelMap),
};
