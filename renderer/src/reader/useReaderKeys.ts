// Keys that work anywhere on the reader screen, except while typing in a field: undo and redo
// (from the shortcut table), label hotkeys, L to link, P for a place, Delete, Escape.
import { useCallback, useEffect, type KeyboardEvent } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import { commandOf } from '../../../shared/shortcuts';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { isTextField } from '../shortcuts';
import type { ReaderView } from './useReaderView';

interface ReaderKeyActions {
  labels: readonly Label[];
  selectedAnnotation: ReaderAnnotation | null;
  tagSelection(labelId: string): void;
  history(kind: 'undo' | 'redo'): void;
  remove(annotation: ReaderAnnotation): void;
}

/** Returns the handler (also given to the text, which sees keys first); installs it on the window. */
export function useReaderKeys(view: ReaderView, { labels, selectedAnnotation, tagSelection, history, remove }: ReaderKeyActions) {
  const { selection, setSelection, selectedId, setSelectedId, picking, setPicking, setLinkFrom, setPlaceFor } = view;
  const handleKey = useCallback(
    (event: globalThis.KeyboardEvent | KeyboardEvent): boolean => {
      if (isTextField(event.target)) return false;
      const command = commandOf(event);
      if (command === 'undo' || command === 'redo') {
        history(command);
        return true;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      const key = event.key;
      const label = labels.find((l) => l.hotkey !== null && l.hotkey === key);
      const onAnnotation = selectedAnnotation && !selection ? selectedAnnotation : null;
      if (label && selection) tagSelection(label.id);
      else if (key === 'Escape' && picking) setPicking(null);
      else if ((key === 'l' || key === 'L') && onAnnotation) setLinkFrom(onAnnotation);
      else if ((key === 'p' || key === 'P') && onAnnotation?.labelId === 'location') setPlaceFor(onAnnotation);
      else if (key === 'Escape' && (selection || selectedId)) {
        setSelection(null);
        setSelectedId(null);
      } else if ((key === 'Delete' || key === 'Backspace') && onAnnotation) remove(onAnnotation);
      else return false;
      return true;
    },
    [labels, selection, selectedId, selectedAnnotation, tagSelection, history, remove, picking, setPicking, setLinkFrom, setPlaceFor, setSelection, setSelectedId],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (handleKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handleKey]);

  return handleKey;
}
