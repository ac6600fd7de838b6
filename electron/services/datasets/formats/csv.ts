// CSV per RFC 4180 (CRLF, quoted fields where needed), one row per annotation. The file
// starts with a UTF-8 byte order mark so that Excel reads it as UTF-8.
//
// Cells are written exactly as stored: a quote starting with = + - or @ is not prefixed to
// defuse spreadsheet formulas, because that would change the data a dataset consumer reads.
import type { AttributeValue } from '../../../../shared/schemas/schema';
import type { ServiceContext } from '../../context';
import type { DsDocument } from '../model';
import type { DatasetFormat } from './format';
import { asWritten, textExport } from './text-export';

interface AttributeColumn {
  label: string;
  name: string;
  /** "<Label>.<attribute>", e.g. "Claim.status". */
  header: string;
}

/** The attribute columns: one for every attribute of every label, in schema order. */
function attributeColumns(ctx: ServiceContext): AttributeColumn[] {
  return (
    ctx.store.db
      .prepare(
        `SELECT l.name AS label, la.name FROM label_attributes la JOIN labels l ON l.id = la.label_id
         ORDER BY l.position, l.name, la.position, la.name`,
      )
      .all() as { label: string; name: string }[]
  ).map((r) => ({ ...r, header: `${r.label}.${r.name}` }));
}

export const csvBom = '\uFEFF';
const csvColumns = ['document_id', 'title', 'label', 'start', 'end', 'quote', 'note', 'offset_unit'] as const;

const needsQuoting = /[",\r\n]/;

function csvField(value: string | number): string {
  const text = String(value);
  return needsQuoting.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** After the fixed columns: one per label attribute ("Claim.status"), then relations and the place. */
const csvTrailingColumns = ['relations', 'place_name', 'place_geonameid', 'place_country', 'place_lat', 'place_lon'] as const;

function csvHeader(attributeColumns: readonly AttributeColumn[] = []): string {
  return csvBom + csvRecord([...csvColumns, ...attributeColumns.map((c) => c.header), ...csvTrailingColumns]);
}

/** A cell for an attribute value: text as it is, numbers and booleans as JSON, a multi-choice as a JSON array. */
function valueCell(value: AttributeValue | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function csvRows(doc: DsDocument, attributeColumns: readonly AttributeColumn[] = []): string {
  const outgoing = new Map<string, { type: string; to: string }[]>();
  for (const r of doc.relations) {
    const list = outgoing.get(r.from) ?? [];
    list.push({ type: r.type, to: r.to });
    outgoing.set(r.from, list);
  }
  let out = '';
  for (const a of doc.annotations) {
    const relations = outgoing.get(a.id);
    out += csvRecord([
      doc.id,
      doc.title,
      a.label,
      a.cpStart,
      a.cpEnd,
      a.quote,
      a.note,
      'codepoint',
      ...attributeColumns.map((column) => (column.label === a.label ? valueCell(a.attributes[column.name]) : '')),
      // Outgoing relations as a JSON array of { type, to } (annotation ids); empty when none.
      relations ? JSON.stringify(relations) : '',
      a.place?.name ?? '',
      a.place?.geonameid ?? '',
      a.place?.country ?? '',
      a.place?.lat ?? '',
      a.place?.lon ?? '',
    ]);
  }
  return out;
}

/** Offsets are always code points here: spreadsheets and Python read them alike. */
export const csvFormat: DatasetFormat = {
  id: 'csv',
  ...textExport(function* (ctx, docs) {
    const columns = attributeColumns(ctx);
    yield { text: csvHeader(columns), record: false };
    for (const d of docs) yield { text: csvRows(d, columns), record: true };
  }, asWritten),
};
