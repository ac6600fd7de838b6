// The claims table as CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte order mark so
// Excel reads it as UTF-8): one row per claim (annotations of the label "claim"), with its
// document, offsets and quote, one column per claim attribute, and the sources it is
// "attributed to" and the locations it is "located at", with their attributes and places.
// Lists inside a cell are joined with " | "; the *_json columns repeat them losslessly.
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AttributeValue, LabelAttribute } from '../../../../shared/schemas/schema';
import { csvBom, csvRecord } from './csv';
import { attributedTo, locatedAt } from '../../claims/claims';
import { offsetsOf, type DsDocument } from '../model';
import { listAttributes } from '../../schema/attributes';
import type { DatasetFormat } from './format';
import { asWritten, textExport } from './text-export';

const claimLabelId = 'claim';

function claimsCsvHeader(claimAttributes: readonly LabelAttribute[]): string {
  return (
    csvBom +
    csvRecord([
      'document_id',
      'document_title',
      'published_at',
      'claim_id',
      'start',
      'end',
      'quote',
      'note',
      ...claimAttributes.map((a) => a.name),
      'sources',
      'source_attributes_json',
      'locations',
      'places',
      'place_coordinates',
      'places_json',
      'offset_unit',
    ])
  );
}

function cell(value: AttributeValue | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.join(' | ');
  return value ? 'yes' : 'no';
}

function claimsCsvRows(doc: DsDocument, claimAttributes: readonly LabelAttribute[], unit: OffsetUnit): { text: string; claims: number } {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const sources = new Map<string, string[]>();
  const locations = new Map<string, string[]>();
  for (const r of doc.relations) {
    const map = r.typeId === attributedTo ? sources : r.typeId === locatedAt ? locations : null;
    if (!map || !byId.has(r.to)) continue;
    const list = map.get(r.from) ?? [];
    list.push(r.to);
    map.set(r.from, list);
  }
  let text = '';
  let claims = 0;
  for (const a of doc.annotations) {
    if (a.labelId !== claimLabelId) continue;
    claims += 1;
    const [start, end] = offsetsOf(a, unit);
    const src = (sources.get(a.id) ?? []).map((id) => byId.get(id)!);
    const loc = (locations.get(a.id) ?? []).map((id) => byId.get(id)!);
    const places = loc.filter((l) => l.place).map((l) => l.place!);
    text += csvRecord([
      doc.id,
      doc.title,
      doc.publishedAt ?? '',
      a.id,
      start,
      end,
      a.quote,
      a.note,
      ...claimAttributes.map((attr) => cell(a.attributes[attr.name])),
      src.map((s) => s.quote).join(' | '),
      src.length ? JSON.stringify(src.map((s) => ({ quote: s.quote, ...s.attributes }))) : '',
      loc.map((l) => l.quote).join(' | '),
      places.map((p) => p.name).join(' | '),
      places.map((p) => `${p.lat},${p.lon}`).join(' | '),
      places.length ? JSON.stringify(places.map((p) => ({ name: p.name, country: p.country, geonameid: p.geonameid, lat: p.lat, lon: p.lon }))) : '',
      unit,
    ]);
  }
  return { text, claims };
}

export const claimsCsvFormat: DatasetFormat = {
  id: 'claims-csv',
  ...textExport(function* (ctx, docs, unit) {
    const attributes = listAttributes(ctx, claimLabelId);
    yield { text: claimsCsvHeader(attributes), record: false };
    for (const d of docs) yield { text: claimsCsvRows(d, attributes, unit).text, record: true };
  }, asWritten),
};
