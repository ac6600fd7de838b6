import { useEffect, useMemo, useState } from 'react';
import type { Label, RelationType } from '../../../shared/schemas/schema';
import { CloseActions, Modal } from '../components/Modal';
import { call } from '../api';
import type { ReaderAnnotation } from '../state/reader-annotation';

interface LinkDialogProps {
  from: ReaderAnnotation;
  relationTypes: readonly RelationType[];
  labels: readonly Label[];
  onLink(typeId: string, to: ReaderAnnotation): void;
  /** Closes the dialog and lets the analyst click the target highlight in the text. */
  onPickInText(typeId: string): void;
  onClose(): void;
}

const maxShown = 200;

/** Link an annotation to another: pick the relation type, then the target, by keyboard or mouse. */
export function LinkDialog({ from, relationTypes, labels, onLink, onPickInText, onClose }: LinkDialogProps) {
  const types = useMemo(() => relationTypes.filter((t) => t.fromLabelId === null || t.fromLabelId === from.labelId), [relationTypes, from.labelId]);
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const type = types.find((t) => t.id === typeId);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const targets = useLinkTargets(from, type?.toLabelId ?? null, query);

  if (types.length === 0) {
    return (
      <Modal title="Link annotation" onClose={onClose}>
        <p>No relation type starts from a {labelName(from.labelId)}. Add one on the Labels screen.</p>
        <CloseActions onClose={onClose} />
      </Modal>
    );
  }

  const choose = (target: ReaderAnnotation | undefined) => target && type && onLink(type.id, target);
  return (
    <Modal title={`Link “${from.quote.length > 50 ? `${from.quote.slice(0, 50)}…` : from.quote}”`} onClose={onClose} className="link-dialog">
      <div className="fields">
        <label>
          Relation
          <select value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.toLabelId ? ` (a ${labelName(t.toLabelId)})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target
          <input
            type="search"
            value={query}
            placeholder="Filter by quote…"
            data-autofocus
            aria-controls="link-targets"
            aria-activedescendant={targets[active] ? `target-${targets[active].id}` : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, targets.length - 1));
              else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
              else if (e.key === 'Enter') choose(targets[active]);
              else return;
              e.preventDefault();
            }}
          />
        </label>
      </div>
      <ul id="link-targets" role="listbox" aria-label="Annotations to link to" className="target-list">
        {targets.length === 0 && <li className="hint">No {type?.toLabelId ? labelName(type.toLabelId) : ''} annotations match.</li>}
        {targets.map((target, i) => (
          <li
            key={target.id}
            id={`target-${target.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(target)}
          >
            <span className="target-label">{labelName(target.labelId)}</span> “{target.quote}”
          </li>
        ))}
      </ul>
      <div className="dialog-actions spread">
        <button type="button" onClick={() => type && onPickInText(type.id)}>
          Pick in the text…
        </button>
        <span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>{' '}
          <button type="button" className="primary" disabled={!targets[active]} onClick={() => choose(targets[active])}>
            Link
          </button>
        </span>
      </div>
    </Modal>
  );
}

/** The document's annotations of the target label whose quote holds the query, asked of main (a long report has too many to hold). */
function useLinkTargets(from: ReaderAnnotation, toLabelId: string | null, query: string): readonly ReaderAnnotation[] {
  const [targets, setTargets] = useState<readonly ReaderAnnotation[]>([]);
  useEffect(() => {
    let current = true;
    const args = { documentId: from.documentId, labelIds: toLabelId ? [toLabelId] : null, quoteContains: query.trim(), offset: 0, limit: maxShown + 1 };
    call('annotations.page', args).then(
      (page) => current && setTargets(page.items.filter((a) => a.id !== from.id).slice(0, maxShown)),
      () => current && setTargets([]),
    );
    return () => {
      current = false;
    };
  }, [from.documentId, from.id, toLabelId, query]);
  return targets;
}
