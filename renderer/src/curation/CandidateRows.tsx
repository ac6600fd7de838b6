// The candidates of a report side by side: one row per distinct span, one column per analyst
// (✓ where that analyst made it), the rule's verdict and the decision, with the actions. Rows
// are virtualised and paged: the list is as long as every candidate, the rows not loaded yet
// are asked for as they come into view, so 5 layers of 2,000 spans paint as fast as a screenful.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { CurationViewData } from '../../../shared/schemas/curation';

type Candidate = CurationViewData['candidates'][number];

interface CandidateRowsProps {
  /** Its candidates: the rows loaded so far, from the first. */
  view: CurationViewData;
  /** The row N or Shift+N went to: scrolled into view, marked, its first action focused. */
  current: number | null;
  onNeed(last: number): void;
  onAccept(c: Candidate): void;
  onEdit(c: Candidate): void;
  onReject(c: Candidate): void;
  onUndo(decisionId: string): void;
}

const rowHeight = 36;

export function CandidateRows({ view, current, onNeed, onAccept, onEdit, onReject, onUndo }: CandidateRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: view.total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? 0;
  const loaded = view.candidates.length;
  useEffect(() => {
    if (lastShown >= loaded && loaded < view.total) onNeed(lastShown);
  }, [lastShown, loaded, view.total, onNeed]);
  useEffect(() => {
    if (current === null) return;
    virtualizer.scrollToIndex(current, { align: 'center' });
    // After the scroll has rendered the row.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>('.candidate-row.current button')?.focus());
  }, [current, virtualizer]);
  const columns = `minmax(16ch, 2fr) 10ch repeat(${view.analysts.length}, minmax(6ch, 1fr)) 12ch minmax(22ch, 1.5fr)`;
  return (
    <div className="candidate-grid" role="table" aria-label="Candidate spans by analyst" aria-rowcount={view.total + 1}>
      <div className="candidate-row head" role="row" style={{ gridTemplateColumns: columns }} aria-rowindex={1}>
        <span role="columnheader">Span</span>
        <span role="columnheader">Label</span>
        {view.analysts.map((a) => (
          <span role="columnheader" key={a.id} className="maker">
            {a.name}
          </span>
        ))}
        <span role="columnheader">Rule</span>
        <span role="columnheader">Decision</span>
      </div>
      <div ref={scroller} className="candidate-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const c = view.candidates[item.index];
            const place = { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` } as const;
            if (!c) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className="candidate-row loading" style={{ ...place, gridTemplateColumns: columns }}>
                  <span role="cell">Loading…</span>
                </div>
              );
            }
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`candidate-row${c.decision ? ` decided ${c.decision.action}` : c.agreed ? ' agreed' : ' disputed'}${item.index === current ? ' current' : ''}`}
                aria-current={item.index === current ? 'true' : undefined}
                style={{ ...place, gridTemplateColumns: columns }}
              >
                <span role="cell" className="quote" title={`${c.start}–${c.end}`}>
                  {c.quote}
                </span>
                <span role="cell">{c.label}</span>
                {view.analysts.map((a, i) => (
                  <span role="cell" key={a.id} className="maker" aria-label={c.makers.includes(i) ? `${a.name}: made it` : `${a.name}: did not`}>
                    {c.makers.includes(i) ? '✓' : ''}
                  </span>
                ))}
                <span role="cell">{c.preAccepted ? 'agreed' : 'disputed'}</span>
                <span role="cell" className="actions">
                  {c.decision ? (
                    <>
                      <span className="verdict">{c.decision.action === 'reject' ? 'rejected' : c.decision.action === 'edit' ? 'edited' : 'accepted'}</span>
                      <button type="button" onClick={() => onUndo(c.decision!.id)} aria-label={`Undo the decision on “${c.quote}”`}>
                        Undo
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" onClick={() => onAccept(c)} aria-label={`Accept “${c.quote}” as ${c.label}`}>
                        Accept
                      </button>
                      <button type="button" onClick={() => onEdit(c)} aria-label={`Edit “${c.quote}” into gold`}>
                        Edit…
                      </button>
                      <button type="button" onClick={() => onReject(c)} aria-label={`Reject “${c.quote}”`}>
                        Reject
                      </button>
                    </>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
