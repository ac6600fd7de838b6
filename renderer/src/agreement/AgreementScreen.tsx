// Agreement between analysts' layers: choose the analysts, read the matrix of pairs per label,
// the counts behind it (spans, untouched reports), each report's figures, and drill down to a
// report's disagreements, which open in the reader. Figures export as CSV or JSON.
import { useMemo, useState } from 'react';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { DisagreementPanel } from './DisagreementPanel';
import { LinkAgreement } from './LinkAgreement';
import { measures, type Measure } from './figures-format';
import { PairMatrix } from './PairMatrix';
import { ReportList } from './ReportList';
import { useAgreement, useAnalysts } from './useAgreement';
import '../components/screens.css';
import './agreement.css';

interface AgreementScreenProps {
  onOpen(documentId: string, range: { start: number; end: number }): void;
}

export function AgreementScreen({ onOpen }: AgreementScreenProps) {
  const { analysts, error: analystsError } = useAnalysts();
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const chosen = useMemo(() => (analysts ?? []).filter((a) => !unchosen.has(a.id)).map((a) => a.id), [analysts, unchosen]);
  const { report, error, loading } = useAgreement(chosen);
  const [measure, setMeasure] = useState<Measure>('exactF1');
  const [drill, setDrill] = useState<string | null>(null);
  const { notify } = useNotices();
  const toggle = (id: string) =>
    setUnchosen((last) => {
      const next = new Set(last);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const exportAs = (format: 'csv' | 'json') =>
    call('agreement.export', { analysts: chosen, format }).then(
      (r) => r.path && notify(`Saved the agreement figures to ${r.path}.`),
      (e: unknown) => notify(messageOf(e)),
    );

  return (
    <main className="agreement-screen" aria-labelledby="agreement-title">
      <header className="screen-head">
        <div>
          <h1 id="agreement-title">Agreement</h1>
          <p className="hint" role="status" aria-live="polite">
            {loading ? 'Computing…' : report ? `${report.reports} ${report.reports === 1 ? 'report' : 'reports'}, ${report.pairsCompared} ${report.pairsCompared === 1 ? 'pair' : 'pairs'} of analysts compared; offsets in code points.` : ''}
          </p>
        </div>
        <div className="actions">
          <button type="button" disabled={!report} onClick={() => void exportAs('csv')}>
            Export CSV…
          </button>
          <button type="button" disabled={!report} onClick={() => void exportAs('json')}>
            Export JSON…
          </button>
        </div>
      </header>
      <fieldset className="analyst-choice">
        <legend>Analysts compared</legend>
        {analysts?.map((a) => (
          <label key={a.id}>
            <input type="checkbox" checked={!unchosen.has(a.id)} onChange={() => toggle(a.id)} /> {a.name}
          </label>
        ))}
        {analysts?.length === 0 && <span>No analysts in this store yet.</span>}
      </fieldset>
      {(error ?? analystsError) && (
        <p className="agreement-error" role="alert">
          {error ?? analystsError}
        </p>
      )}
      {report && (
        <>
          <section aria-labelledby="counts-title" className="agreement-counts">
            <h2 id="counts-title">Counts behind the figures</h2>
            <ul>
              {report.analysts.map((a) => (
                <li key={a.id}>
                  <strong>{a.name}</strong>: {a.spans} spans;{' '}
                  {a.untouched.length === 0 ? (
                    'annotated every report'
                  ) : (
                    <details>
                      <summary>
                        left {a.untouched.length} of {report.reports} reports untouched (counted as no spans)
                      </summary>
                      <ul>
                        {a.untouched.map((u) => (
                          <li key={u.documentId}>{u.title}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="matrix-title">
            <div className="matrix-head">
              <h2 id="matrix-title">Pairs of analysts by label</h2>
              <div className="segmented" role="radiogroup" aria-label="Measure">
                {measures.map((m) => (
                  <label key={m.id} className={measure === m.id ? 'on' : undefined} title={m.about}>
                    <input type="radio" name="measure" checked={measure === m.id} onChange={() => setMeasure(m.id)} />
                    {m.name}
                  </label>
                ))}
              </div>
            </div>
            <PairMatrix report={report} measure={measure} />
          </section>
          <section aria-labelledby="links-title">
            <h2 id="links-title">Relations, event roles and attributes</h2>
            <LinkAgreement report={report} />
          </section>
          <section aria-labelledby="reports-title">
            <h2 id="reports-title">Reports</h2>
            <ReportList report={report} onDrill={setDrill} />
          </section>
          {drill && <DisagreementPanel documentId={drill} analysts={chosen} onOpen={onOpen} onClose={() => setDrill(null)} />}
        </>
      )}
    </main>
  );
}
