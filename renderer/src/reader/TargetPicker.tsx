// The filter box and the ranked list of annotations shared by the Link and Add role dialogs: the
// box keeps the focus while ↑/↓ move the active row and Enter chooses it (aria-activedescendant).
import type { Dispatch, SetStateAction } from 'react';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ShownTarget } from './LinkDialog';

interface TargetPickerProps {
  /** The list's element id; each row's id is `${listId}-${annotation id}`. */
  listId: string;
  targets: readonly ShownTarget[];
  active: number;
  setActive: Dispatch<SetStateAction<number>>;
  onChoose(target: ReaderAnnotation | undefined): void;
}

export function TargetFilter({ label, query, onQuery, listId, targets, active, setActive, onChoose }: TargetPickerProps & { label: string; query: string; onQuery(query: string): void }) {
  return (
    <label>
      {label}
      <input
        type="search"
        value={query}
        placeholder="Filter by quote…"
        data-autofocus
        aria-controls={listId}
        aria-activedescendant={targets[active] ? `${listId}-${targets[active].target.id}` : undefined}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, targets.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') onChoose(targets[active]?.target);
          else return;
          e.preventDefault();
        }}
      />
    </label>
  );
}

interface TargetListProps extends TargetPickerProps {
  /** The list's accessible name. */
  name: string;
  /** What the list says when no annotation matches. */
  empty: string;
  labelName(labelId: string): string;
  /** A row that cannot be chosen (already linked, already this role), and what it says. */
  taken(target: ReaderAnnotation): boolean;
  takenNote: string;
}

export function TargetList({ listId, name, empty, targets, active, setActive, onChoose, labelName, taken, takenNote }: TargetListProps) {
  return (
    <ul id={listId} role="listbox" aria-label={name} className="target-list">
      {targets.length === 0 && <li className="hint">{empty}</li>}
      {targets.map(({ target, context }, i) => (
        <li
          key={target.id}
          id={`${listId}-${target.id}`}
          role="option"
          aria-selected={i === active}
          aria-disabled={taken(target) || undefined}
          className={i === active ? 'active' : undefined}
          onMouseEnter={() => setActive(i)}
          onClick={() => onChoose(target)}
        >
          <span className="target-label">{labelName(target.labelId)}</span>{' '}
          <span className="target-context">
            {context?.before}
            <mark>{target.quote}</mark>
            {context?.after}
          </span>
          {taken(target) && <span className="target-linked"> ({takenNote})</span>}
        </li>
      ))}
    </ul>
  );
}
