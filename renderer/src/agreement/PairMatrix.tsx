// The matrix of analyst pairs per label: one row per pair (and one for all analysts together),
// one column per label and one for every label, each cell the chosen measure.
import type { AgreementReportData } from '../../../shared/schemas/agreement';
import { describeFigure, figureBand, formatFigure, measures, type Measure } from './figures-format';

interface PairMatrixProps {
  report: AgreementReportData;
  measure: Measure;
}

export function PairMatrix({ report, measure }: PairMatrixProps) {
  const names = new Map(report.analysts.map((a) => [a.id, a.name]));
  const measureName = measures.find((m) => m.id === measure)!.name;
  const rows = [
    { key: 'all', name: 'All analysts', corpus: report.corpus.all[measure], perLabel: report.labels.map((l) => l.all[measure]) },
    ...report.corpus.pairs.map((pair, index) => ({
      key: `${pair.a}:${pair.b}`,
      name: `${names.get(pair.a)} – ${names.get(pair.b)}`,
      corpus: pair.figures[measure],
      perLabel: report.labels.map((l) => l.pairs[index]!.figures[measure]),
    })),
  ];
  return (
    <table className="agreement-matrix" aria-label={`${measureName} by analyst pair and label`}>
      <thead>
        <tr>
          <th scope="col">Pair</th>
          {report.labels.map((l) => (
            <th scope="col" key={l.label}>
              {l.label}
            </th>
          ))}
          <th scope="col">Every label</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {row.perLabel.map((value, i) => (
              <Cell key={report.labels[i]!.label} value={value} />
            ))}
            <Cell value={row.corpus} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ value }: { value: number | null }) {
  return (
    <td className={`figure band-${figureBand(value)}`} aria-label={describeFigure(value)}>
      {formatFigure(value)}
    </td>
  );
}
