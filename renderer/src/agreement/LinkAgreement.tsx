// Agreement beyond spans: relations by type and event roles by role (exact F1 of (report, from
// span, to span, type) with each analyst's count), and Krippendorff's α of attribute values per
// label and attribute, with the units behind each figure.
import type { AgreementReportData } from '../../../shared/schemas/agreement';
import { describeFigure, figureBand, formatFigure } from './figures-format';

type Tuples = AgreementReportData['relations'];

function Figure({ value }: { value: number | null }) {
  return (
    <td className={`figure band-${figureBand(value)}`} aria-label={describeFigure(value)}>
      {formatFigure(value)}
    </td>
  );
}

function TupleTable({ caption, kind, tuples, analysts }: { caption: string; kind: string; tuples: Tuples; analysts: AgreementReportData['analysts'] }) {
  const rows = [{ type: `Every ${kind}`, ...tuples }, ...tuples.types];
  return (
    <table className="link-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{kind[0]!.toUpperCase() + kind.slice(1)}</th>
          <th scope="col">Exact F1</th>
          {analysts.map((a) => (
            <th scope="col" key={a.id}>
              {a.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.type}>
            <th scope="row">{row.type}</th>
            <Figure value={row.f1} />
            {analysts.map((a) => (
              <td key={a.id}>{row.counts[a.id] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LinkAgreement({ report }: { report: AgreementReportData }) {
  return (
    <div className="link-agreement">
      <TupleTable caption="Relations by type" kind="type" tuples={report.relations} analysts={report.analysts} />
      <TupleTable caption="Event roles by role" kind="role" tuples={report.eventRoles} analysts={report.analysts} />
      <table className="link-table" aria-label="Attribute values">
        <caption>Attribute values (Krippendorff’s α)</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Attribute</th>
            <th scope="col">Level</th>
            <th scope="col">α</th>
            <th scope="col">Spans with values</th>
            <th scope="col">Pairable</th>
          </tr>
        </thead>
        <tbody>
          {report.attributes.length === 0 && (
            <tr>
              <td colSpan={6}>No attribute values on spans the analysts share.</td>
            </tr>
          )}
          {report.attributes.map((a) => (
            <tr key={`${a.label}.${a.attribute}`}>
              <th scope="row">{a.label}</th>
              <td>{a.attribute}</td>
              <td>{a.level}</td>
              <Figure value={a.alpha} />
              <td>{a.units}</td>
              <td>{a.pairable}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
