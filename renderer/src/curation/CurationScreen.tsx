// Curation of one report into the gold layer: choose the report, the analysts whose layers are
// compared and the rule; agreed spans are pre-accepted by the rule (one button records them),
// disputed ones are accepted, edited or rejected one by one with a note. Every decision is
// recorded and can be undone; progress is announced. N and Shift+N go to the next or previous
// disagreement not yet decided.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { CurationRuleName } from '../../../shared/schemas/curation';
import type { Label } from '../../../shared/schemas/schema';
import { call } from '../api';
import { useAnalysts } from '../agreement/useAgreement';
import { CandidateRows } from './CandidateRows';
import { onCurationCommand } from './curation-commands';
import { nextIndex } from './next-index';
import { EditDialog } from './EditDialog';
import { useCuration } from './useCuration';
import '../components/screens.css';
import '../agreement/agreement.css';
import './curation.css';

interface CurationScreenProps {
  labels: readonly Label[];
  /** The report open in the reader, curated first. */
  openDocumentId: string | null;
}

const rules: readonly { id: CurationRuleName; name: string }[] = [
  { id: 'unanimous', name: 'Unanimous' },
  { id: 'majority', name: 'Majority' },
  { id: 'threshold', name: 'At least…' },
];

/** The report curated last, shown again when the screen comes back (while the list loads). */
let lastDocumentId: string | null = null;

export function CurationScreen({ labels, openDocumentId }: CurationScreenProps) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [documentId, setDocumentId] = useState<string | null>(openDocumentId ?? lastDocumentId);
  useEffect(() => {
    void call('documents.list', {}).then((list) => {
      setDocuments(list);
      setDocumentId((current) => (current && list.some((d) => d.id === current) ? current : (list[0]?.id ?? null)));
    });
  }, []);
  useEffect(() => {
    lastDocumentId = documentId;
  }, [documentId]);
  const { analysts } = useAnalysts();
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const chosen = useMemo(() => (analysts ?? []).filter((a) => !unchosen.has(a.id)).map((a) => a.id), [analysts, unchosen]);
  const [rule, setRule] = useState<CurationRuleName>('unanimous');
  const [threshold, setThreshold] = useState(2);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<{ start: number; end: number; labelId: string; quote: string } | null>(null);
  const curation = useCuration({ documentId, analysts: chosen, rule, threshold });
  const { view } = curation;
  const progress = view?.progress;
  const [current, setCurrent] = useState<number | null>(null);
  useEffect(() => setCurrent(null), [documentId]);
  const { loadThrough, announce } = curation;
  useEffect(
    () =>
      onCurationCommand((command) => {
        if (!view) return;
        const target = nextIndex(view.undecidedDisagreements, current, command === 'next-disagreement' ? 1 : -1);
        if (target === null) return announce('No undecided disagreements left.');
        void loadThrough(target).then(() => {
          setCurrent(target);
          announce(`Disagreement ${view.undecidedDisagreements.indexOf(target) + 1} of ${view.undecidedDisagreements.length} undecided.`);
        });
      }),
    [view, current, loadThrough, announce],
  );
  const need = useCallback((last: number) => void loadThrough(last), [loadThrough]);
  const takeNote = () => {
    const n = note;
    setNote('');
    return n === '' ? {} : { note: n };
  };
  return (
    <main className="curation-screen" aria-labelledby="curation-title">
      <header className="screen-head">
        <div>
          <h1 id="curation-title">Curation</h1>
          <p className="hint" role="status" aria-live="polite">
            {progress ? `${progress.decided} of ${progress.candidates} spans decided (${progress.accepted} in gold, ${progress.rejected} rejected). ${curation.said}` : curation.said}
          </p>
        </div>
        {progress && <progress className="curation-progress" max={Math.max(1, progress.candidates)} value={progress.decided} aria-label="Spans decided" />}
      </header>
      <div className="curation-controls">
        <label className="filter-field wide">
          Report
          <select value={documents.length ? (documentId ?? '') : ''} onChange={(e) => setDocumentId(e.target.value || null)}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="analyst-choice">
          <legend>Layers compared</legend>
          {analysts?.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                checked={!unchosen.has(a.id)}
                onChange={() =>
                  setUnchosen((last) => {
                    const next = new Set(last);
                    if (next.has(a.id)) next.delete(a.id);
                    else next.add(a.id);
                    return next;
                  })
                }
              />{' '}
              {a.name}
            </label>
          ))}
        </fieldset>
        <div className="segmented" role="radiogroup" aria-label="Rule for agreed spans">
          {rules.map((r) => (
            <label key={r.id} className={rule === r.id ? 'on' : undefined}>
              <input type="radio" name="curation-rule" checked={rule === r.id} onChange={() => setRule(r.id)} />
              {r.name}
            </label>
          ))}
        </div>
        {rule === 'threshold' && (
          <label className="filter-field">
            Analysts needed
            <input type="number" min={1} max={Math.max(1, chosen.length)} value={threshold} onChange={(e) => setThreshold(Math.max(1, Number(e.target.value) || 1))} />
          </label>
        )}
        <button type="button" className="primary" disabled={!view} onClick={() => void curation.applyRule()}>
          Accept agreed spans
        </button>
      </div>
      <label className="filter-field wide">
        Note for the next decision
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why (recorded with the decision)" />
      </label>
      {curation.error && (
        <p className="agreement-error" role="alert">
          {curation.error}
        </p>
      )}
      {view && (
        <CandidateRows
          view={view}
          current={current}
          onNeed={need}
          onAccept={(c) => void curation.decide({ start: c.start, end: c.end, labelId: c.labelId, action: 'accept', ...takeNote() })}
          onReject={(c) => void curation.decide({ start: c.start, end: c.end, labelId: c.labelId, action: 'reject', ...takeNote() })}
          onEdit={(c) => setEditing(c)}
          onUndo={(id) => void curation.undo(id)}
        />
      )}
      {view && (
        <p className="hint small">
          Gold layer: {view.gold.length} {view.gold.length === 1 ? 'span' : 'spans'}
          {view.gold.length > 0 && `: ${view.gold.slice(0, 5).map((g) => `${g.label} “${g.quote}”`).join(', ')}${view.gold.length > 5 ? '…' : ''}`}
        </p>
      )}
      {editing && (
        <EditDialog
          candidate={editing}
          labels={labels}
          onClose={() => setEditing(null)}
          onSave={(edited) => {
            setEditing(null);
            void curation.decide({
              start: editing.start,
              end: editing.end,
              labelId: editing.labelId,
              action: 'edit',
              edited: { start: edited.start, end: edited.end, labelId: edited.labelId },
              ...(edited.note ? { note: edited.note } : {}),
            });
          }}
        />
      )}
    </main>
  );
}
