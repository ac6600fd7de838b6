// Agreement per report, worst first: spans per analyst, disagreements and the figures, with a
// button that lists the report's disagreements.
import type { AgreementReportData } from '../../../shared/schemas/agreement';
import { formatFigure } from './figures-format';

interface ReportListProps {
  report: AgreementReportData;
  onDrill(documentId: string): void;
}

export function ReportList({ report, onDrill }: ReportListProps) {
  const rows = [...report.perReport].sort((a, b) => b.disagreements - a.disagreements || a.title.localeCompare(b.title));
  return (
    <table className="agreement-reports" aria-label="Agreement per report">
      <thead>
        <tr>
          <th scope="col">Report</th>
          {report.analysts.map((a) => (
            <th scope="col" key={a.id}>
              {a.name}
            </th>
          ))}
          <th scope="col">Disagreements</th>
          <th scope="col">Exact F1</th>
          <th scope="col">αu</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.documentId}>
            <th scope="row" className="report-title">
              {r.title}
            </th>
            {report.analysts.map((a) => (
              <td key={a.id} className={r.spans[a.id] === 0 ? 'untouched' : undefined}>
                {r.spans[a.id] === 0 ? 'untouched' : r.spans[a.id]}
              </td>
            ))}
            <td>{r.disagreements}</td>
            <td>{formatFigure(r.all.exactF1)}</td>
            <td>{formatFigure(r.all.alphaU)}</td>
            <td>
              <button type="button" onClick={() => onDrill(r.documentId)} aria-label={`Disagreements in ${r.title}`}>
                Disagreements…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
