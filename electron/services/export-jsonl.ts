// JSON Lines in the shape doccano's sequence-labelling import reads: one document per line,
// with `label` as [start, end, name] triples, plus Glossa's full annotations (with their attribute
// values by name and resolved place) and the relations between them ({ id, type, from, to }).
import { exportOffsetUnit, type ExportDocument } from './export-data';

export function jsonlLine(doc: ExportDocument): string {
  return (
    JSON.stringify({
      id: doc.id,
      title: doc.title,
      outlet: doc.outlet,
      url: doc.url,
      published_at: doc.publishedAt,
      text: doc.text,
      label: doc.annotations.map((a) => [a.start, a.end, a.label]),
      annotations: doc.annotations.map((a) => ({
        id: a.id,
        label: a.label,
        start: a.start,
        end: a.end,
        quote: a.quote,
        note: a.note,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        attributes: a.attributes,
        place: a.place,
      })),
      relations: doc.relations,
      offset_unit: exportOffsetUnit,
    }) + '\n'
  );
}
