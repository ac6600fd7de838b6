// Tag all, from the find bar: the matches listed with their context and a checkbox each (all
// checked), a label, and one button that tags the checked ones in one undoable step.
import { useMemo, useState } from 'react';
import type { TextMatches } from '../../../shared/schemas/find';
import type { Label } from '../../../shared/schemas/schema';

interface TagAllPanelProps {
  matches: TextMatches;
  labels: readonly Label[];
  /** The report's text between two offsets (clamped), for the context around each match. */
  textSlice(start: number, end: number): string;
  onTag(labelId: string, ranges: { start: number; end: number }[]): void;
  onClose(): void;
}

/** Rows listed; the rest are tagged with "all" and can be left out only by narrowing the find. */
const listedRows = 300;
const contextChars = 40;

/** Which matches are checked: all but the flipped ones, or only the flipped ones. */
type Checked = { all: boolean; flipped: ReadonlySet<number> };

export function TagAllPanel({ matches, labels, textSlice, onTag, onClose }: TagAllPanelProps) {
  const [labelId, setLabelId] = useState(labels[0]?.id ?? '');
  const [checked, setChecked] = useState<Checked>({ all: true, flipped: new Set() });
  const count = matches.starts.length;
  const isChecked = (i: number) => checked.all !== checked.flipped.has(i);
  const checkedCount = checked.all ? count - checked.flipped.size : checked.flipped.size;
  const toggle = (i: number) =>
    setChecked(({ all, flipped }) => {
      const next = new Set(flipped);
      if (!next.delete(i)) next.add(i);
      return { all, flipped: next };
    });
  const rows = useMemo(
    () =>
      matches.starts.slice(0, listedRows).map((start, i) => {
        const end = matches.ends[i]!;
        return { i, before: textSlice(start - contextChars, start), match: textSlice(start, end), after: textSlice(end, end + contextChars) };
      }),
    [matches, textSlice],
  );
  const label = labels.find((l) => l.id === labelId);

  const tag = () => {
    const ranges: { start: number; end: number }[] = [];
    for (let i = 0; i < count; i++) if (isChecked(i)) ranges.push({ start: matches.starts[i]!, end: matches.ends[i]! });
    if (ranges.length && labelId) onTag(labelId, ranges);
  };

  return (
    <section className="tag-all" aria-label="Tag matches">
      <div className="tag-all-controls">
        <label>
          Label{' '}
          <select value={labelId} onChange={(event) => setLabelId(event.target.value)}>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setChecked({ all: true, flipped: new Set() })}>
          Check all
        </button>
        <button type="button" onClick={() => setChecked({ all: false, flipped: new Set() })}>
          Check none
        </button>
        <button type="button" className="primary" disabled={checkedCount === 0 || !label} onClick={tag}>
          Tag {checkedCount.toLocaleString('en')} {checkedCount === 1 ? 'match' : 'matches'}
          {label ? ` as ${label.name}` : ''}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {count > listedRows && (
        <p className="tag-all-note">
          Showing the first {listedRows} of {count.toLocaleString('en')} matches; the others are tagged when all are checked.
        </p>
      )}
      <ul className="tag-all-list" aria-label="Matches">
        {rows.map((row) => (
          <li key={row.i}>
            <label>
              <input type="checkbox" checked={isChecked(row.i)} onChange={() => toggle(row.i)} aria-label={`Match ${row.i + 1}: ${row.match}`} />
              <span className="tag-all-context">
                {row.i + 1}. …{row.before}
                <mark>{row.match}</mark>
                {row.after}…
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
