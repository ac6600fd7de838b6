// The agreement figures as CSV (RFC 4180, UTF-8 with a BOM, CRLF): one row per figure, so a
// spreadsheet filters by scope, label or pair; the counts behind them follow as rows too.
import type { AgreementReportData, SpanFiguresData } from '../../../shared/schemas/agreement';

const header = ['scope', 'label', 'document_id', 'analyst_a', 'analyst_b', 'measure', 'value'];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function agreementCsv(report: AgreementReportData): string {
  const names = new Map(report.analysts.map((a) => [a.id, a.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const rows: (string | number | null)[][] = [];
  const figures = (scope: string, label: string, documentId: string, a: string, b: string, f: SpanFiguresData): void => {
    for (const measure of ['exactF1', 'overlapF1', 'charKappa', 'alphaU'] as const) rows.push([scope, label, documentId, a, b, measure, f[measure]]);
  };
  figures('corpus', '', '', 'all', 'all', report.corpus.all);
  for (const pair of report.corpus.pairs) figures('corpus', '', '', name(pair.a), name(pair.b), pair.figures);
  for (const label of report.labels) {
    figures('label', label.label, '', 'all', 'all', label.all);
    for (const pair of label.pairs) figures('label', label.label, '', name(pair.a), name(pair.b), pair.figures);
    for (const [id, n] of Object.entries(label.spans)) rows.push(['label', label.label, '', name(id), '', 'spans', n]);
  }
  for (const r of report.perReport) {
    figures('report', '', r.documentId, 'all', 'all', r.all);
    rows.push(['report', '', r.documentId, 'all', 'all', 'disagreements', r.disagreements]);
  }
  for (const [scope, tuples] of [['relations', report.relations], ['eventRoles', report.eventRoles]] as const) {
    rows.push([scope, '', '', 'all', 'all', 'exactF1', tuples.f1]);
    for (const type of tuples.types) rows.push([scope, type.type, '', 'all', 'all', 'exactF1', type.f1]);
  }
  for (const a of report.attributes) rows.push(['attribute', `${a.label}.${a.attribute}`, '', 'all', 'all', `alpha_${a.level}`, a.alpha]);
  for (const analyst of report.analysts) {
    rows.push(['analyst', '', '', analyst.name, '', 'spans', analyst.spans]);
    for (const u of analyst.untouched) rows.push(['analyst', '', u.documentId, analyst.name, '', 'untouched', 1]);
  }
  rows.push(['corpus', '', '', '', '', 'reports', report.reports]);
  rows.push(['corpus', '', '', '', '', 'pairsCompared', report.pairsCompared]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
