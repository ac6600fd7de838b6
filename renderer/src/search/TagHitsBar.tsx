// Tag the hits of a search: a label and one button that tags every hit of the search (all pages)
// or only the hits checked in the list, in one step; then what happened, with Undo and Redo.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { TagHitsArgs } from '../../../shared/schemas/search';
import { call, messageOf } from '../api';
import { keyShortcutProps } from '../shortcuts';
import { canRedoTagging, canUndoTagging, redoTagging, rememberTagging, undoTagging } from './search-tagging';

export interface TagHitsBarHandle {
  /** Tag all hits (the menu, the keyboard): focus the label to choose, then the button. */
  focusLabel(): void;
  undo(): void;
  redo(): void;
}

interface TagHitsBarProps {
  labels: readonly Label[];
  search: TagHitsArgs['search'];
  selected: NonNullable<TagHitsArgs['hits']>;
  /** After a tagging or its undo: clear the selection, search again. */
  onTagged(): void;
}

export const TagHitsBar = forwardRef<TagHitsBarHandle, TagHitsBarProps>(function TagHitsBar({ labels, search, selected, onTagged }, ref) {
  const [labelId, setLabelId] = useState(labels[0]?.id ?? '');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [undoable, setUndoable] = useState(canUndoTagging());
  const [redoable, setRedoable] = useState(canRedoTagging());
  const labelRef = useRef<HTMLSelectElement>(null);
  const name = labels.find((l) => l.id === labelId)?.name ?? '';

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
      setUndoable(canUndoTagging());
      setRedoable(canRedoTagging());
    }
  };
  const tag = () =>
    run(async () => {
      const result = await call('search.tagHits', { search, labelId, hits: selected.length > 0 ? selected : undefined });
      rememberTagging(search, labelId, result);
      onTagged();
      const made = result.createdIds.length;
      const skipped = result.skipped ? `, ${result.skipped.toLocaleString()} already tagged` : '';
      return `Tagged ${made.toLocaleString()} ${made === 1 ? 'hit' : 'hits'} in ${result.reports.toLocaleString()} ${result.reports === 1 ? 'report' : 'reports'} as ${name}${skipped}.`;
    });
  const undo = () =>
    run(async () => {
      const deleted = await undoTagging();
      onTagged();
      return `Undid the tagging of ${deleted.toLocaleString()} ${deleted === 1 ? 'hit' : 'hits'}.`;
    });
  const redo = () =>
    run(async () => {
      const again = await redoTagging();
      onTagged();
      const made = again?.createdIds.length ?? 0;
      return `Redid the tagging of ${made.toLocaleString()} ${made === 1 ? 'hit' : 'hits'}.`;
    });
  useImperativeHandle(ref, () => ({ focusLabel: () => labelRef.current?.focus(), undo: () => void undo(), redo: () => void redo() }));

  return (
    <div className="search-tag-hits" role="group" aria-label="Tag hits">
      <label className="filter-field">
        Tag with
        <select ref={labelRef} value={labelId} onChange={(event) => setLabelId(event.target.value)}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || !labelId} onClick={() => void tag()} {...keyShortcutProps('tag-search-hits')}>
        {selected.length > 0 ? `Tag ${selected.length.toLocaleString()} selected` : 'Tag all hits'}
      </button>
      {undoable && (
        <button type="button" disabled={busy} onClick={() => void undo()}>
          Undo tagging
        </button>
      )}
      {redoable && (
        <button type="button" disabled={busy} onClick={() => void redo()}>
          Redo tagging
        </button>
      )}
      <span className="hint" role="status" aria-live="polite">
        {message}
      </span>
    </div>
  );
});
