// Glossa JSONL, the one JSONL writer, in the shape doccano's sequence-labelling import reads: one
// document per line, with `label` as [start, end, name] triples, plus Glossa's full annotations
// (with their attribute values by name and resolved place) and the relations between them
// ({ id, type, from, to }), and where a document has them its events, equivalences,
// normalisations and typed notes (linked-model.ts), and fragments of discontinuous spans. Offsets in code points, or UTF-16 with the code points beside them.
import type { OffsetUnit } from '../../../../shared/offsets';
import { offsetsOf, type DsDocument } from '../model';
import { linkedJson } from '../linked-model';
import type { DatasetFormat } from './format';
import { readable, textExport } from './text-export';

function glossaJsonlLine(d: DsDocument, unit: OffsetUnit): string {
  return (
    JSON.stringify({
      id: d.id,
      title: d.title,
      outlet: d.outlet,
      url: d.url,
      published_at: d.publishedAt,
      text: d.text,
      label: d.annotations.map((a) => [...offsetsOf(a, unit), a.label]),
      annotations: d.annotations.map((a) => {
        const [start, end] = offsetsOf(a, unit);
        return {
          id: a.id,
          label: a.label,
          start,
          end,
          ...(unit === 'utf16' ? { codepoint_start: a.cpStart, codepoint_end: a.cpEnd } : {}),
          quote: a.quote,
          note: a.note,
          created_at: a.createdAt,
          updated_at: a.updatedAt,
          analyst: a.analyst,
          attributes: a.attributes,
          ...(a.fragments ? { fragments: a.fragments.map((f) => ({ start: unit === 'utf16' ? f.start : f.cpStart, end: unit === 'utf16' ? f.end : f.cpEnd, quote: f.quote })) } : {}),
          place: a.place && { name: a.place.name, geonameid: a.place.geonameid, country: a.place.country, lat: a.place.lat, lon: a.place.lon },
        };
      }),
      relations: d.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
      ...linkedJson(d.linked),
      offset_unit: unit,
      ...(d.sourceRecord ? { source_record: d.sourceRecord } : {}),
    }) + '\n'
  );
}

export const jsonlFormat: DatasetFormat = {
  id: 'jsonl',
  ...textExport(function* (_ctx, docs, unit) {
    for (const d of docs) yield { text: glossaJsonlLine(d, unit), record: true };
  }, readable),
};
