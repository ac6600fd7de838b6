// CSV per RFC 4180 (CRLF, quoted fields where needed), one row per annotation. The file
// starts with a UTF-8 byte order mark so that Excel reads it as UTF-8.
//
// Cells are written exactly as stored: a quote starting with = + - or @ is not prefixed to
// defuse spreadsheet formulas, because that would change the data a dataset consumer reads.
import { exportOffsetUnit, type ExportDocument } from './export-data';

export const csvBom = '\uFEFF';
export const csvColumns = ['document_id', 'title', 'label', 'start', 'end', 'quote', 'note', 'offset_unit'] as const;

const needsQuoting = /[",\r\n]/;

export function csvField(value: string | number): string {
  const text = String(value);
  return needsQuoting.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function csvHeader(): string {
  return csvBom + csvRecord(csvColumns);
}

export function csvRows(doc: ExportDocument): string {
  let out = '';
  for (const a of doc.annotations) {
    out += csvRecord([doc.id, doc.title, a.label, a.start, a.end, a.quote, a.note, exportOffsetUnit]);
  }
  return out;
}
