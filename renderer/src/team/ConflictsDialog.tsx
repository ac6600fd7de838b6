// Team ▸ Review Conflicts…: edits of the same field made by two analysts at once, never settled
// silently. Each shows what it is, both values, who made theirs and when; taking one sends it to
// the team as an ordinary change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConflictItem } from '../../../shared/schemas/team';
import { call, messageOf } from '../api';
import { useAnalystNames } from '../analysts/analyst-names';
import { Modal } from '../components/Modal';
import { formatTime, valueText } from './team-text';

export function ConflictsDialog({ onResolved, onClose }: { onResolved(): void; onClose(): void }) {
  const [items, setItems] = useState<ConflictItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  /** On opening, and after a conflict is settled (its buttons are gone): focus moves once the list is drawn. */
  const [moveFocus, setMoveFocus] = useState(true);
  const names = useAnalystNames();
  const dialogRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      setItems(await call('team.conflicts', {}));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!moveFocus || items === null) return;
    setMoveFocus(false);
    // The next conflict's first button, else Close.
    dialogRef.current?.querySelector<HTMLElement>('.conflict-item button, .conflicts-close')?.focus();
  }, [items, moveFocus]);

  const resolve = async (item: ConflictItem, take: 'mine' | 'theirs') => {
    setError(null);
    try {
      await call('team.resolve', { id: item.id, take });
      setSaid(`Kept ${take === 'mine' ? 'your' : 'their'} value of ${item.description}.`);
      onResolved();
      await load();
      setMoveFocus(true);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <Modal title="Review conflicts" onClose={onClose} className="conflicts-dialog">
      <div ref={dialogRef}>
        <p className="visually-hidden" role="status">
          {said}
        </p>
        {items === null ? (
          <p>Loading…</p>
        ) : items.length === 0 ? (
          <p>No conflicts to review: every edit reached the team without clashing.</p>
        ) : (
          <>
            <p>
              {items.length === 1 ? 'One field was' : `${items.length} fields were`} changed by you and by a colleague at the same time. Choose which
              value to keep; the choice reaches the team with the next sync.
            </p>
            <ul className="conflict-list" aria-label="Conflicts">
              {items.map((item) => {
                const headingId = `conflict-${item.id}`;
                const who = names.get(item.theirAnalyst) ?? item.theirAnalyst;
                return (
                  <li key={item.id} className="conflict-item" aria-labelledby={headingId}>
                    <h3 id={headingId}>{item.description}</h3>
                    <dl className="conflict-values">
                      <div>
                        <dt>Yours</dt>
                        <dd>{valueText(item.mine)}</dd>
                      </div>
                      <div>
                        <dt>
                          {who}&rsquo;s, {formatTime(item.madeAt)}
                        </dt>
                        <dd>{valueText(item.theirs)}</dd>
                      </div>
                    </dl>
                    <div className="dialog-actions">
                      <button type="button" onClick={() => void resolve(item, 'mine')} aria-label={`Take mine: ${item.description}`}>
                        Take mine
                      </button>
                      <button type="button" onClick={() => void resolve(item, 'theirs')} aria-label={`Take theirs (${who}): ${item.description}`}>
                        Take theirs
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p className="form-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary conflicts-close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
