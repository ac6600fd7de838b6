// The find bar over the reader: the query, its options, the match count (a live region) and
// next/previous. Enter and Shift+Enter move; Escape closes it and gives the focus to the text.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { keyShortcutProps, shortcutLabel } from '../shortcuts';
import { findStatus, type Find, type FindOptions } from './useFind';

interface FindBarProps {
  find: Find;
  /** Closes the bar; the screen returns the focus to the text. */
  onClose(): void;
  onTagAll(): void;
  tagAllOpen: boolean;
}

const optionNames: [keyof FindOptions, string][] = [
  ['caseSensitive', 'Match case'],
  ['wholeWord', 'Whole word'],
  ['regex', 'Regular expression'],
];

export function FindBar({ find, onClose, onTagAll, tagAllOpen }: FindBarProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [find.focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && event.target === field.current) {
      event.preventDefault();
      find.move(event.shiftKey ? -1 : 1);
    }
  };

  const count = find.matches?.starts.length ?? 0;
  const status = findStatus(find);
  return (
    <div className="find-bar" role="search" aria-label="Find in report" onKeyDown={onKeyDown}>
      <input
        ref={field}
        type="text"
        className="find-field"
        aria-label="Find in report"
        placeholder="Find in report"
        value={find.query}
        spellCheck={false}
        aria-invalid={find.error ? true : undefined}
        aria-describedby={find.error ? 'find-error' : undefined}
        onChange={(event) => find.setQuery(event.target.value)}
        {...keyShortcutProps('find')}
      />
      <span className="find-status" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </span>
      <button type="button" onClick={() => find.move(-1)} disabled={count === 0} title={`Previous match (Shift+Enter, ${shortcutLabel('find-previous')})`} {...keyShortcutProps('find-previous')}>
        Previous
      </button>
      <button type="button" onClick={() => find.move(1)} disabled={count === 0} title={`Next match (Enter, ${shortcutLabel('find-next')})`} {...keyShortcutProps('find-next')}>
        Next
      </button>
      {optionNames.map(([key, name]) => (
        <label key={key} className="find-option">
          <input type="checkbox" checked={find.options[key]} onChange={(event) => find.setOptions({ ...find.options, [key]: event.target.checked })} />
          {name}
        </label>
      ))}
      <button type="button" onClick={onTagAll} disabled={count === 0} aria-expanded={tagAllOpen}>
        Tag all…
      </button>
      <button type="button" onClick={onClose} aria-label="Close find" title="Close (Escape)">
        ×
      </button>
      {find.error && (
        <p id="find-error" className="find-error" role="alert">
          {find.error}
        </p>
      )}
    </div>
  );
}
