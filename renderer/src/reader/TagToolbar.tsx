import { useLayoutEffect, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';

interface TagToolbarProps {
  labels: readonly Label[];
  quote: string;
  onTag(labelId: string): void;
  /** Opens New Event on the selection; absent when the schema has no event type. */
  onNewEvent?: () => void;
}

const toolbarHeight = 44;

/** Floats beside the selected text and offers the labels; their hotkeys work without it. */
export function TagToolbar({ labels, quote, onTag, onNewEvent }: TagToolbarProps) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const place = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return setPosition(null);
      const rects = selection.getRangeAt(0).getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return setPosition(null);
      // Above the selection's first line, so the text that follows stays readable; below its
      // last line when there is no room above.
      const above = first.top - toolbarHeight - 6;
      const top = above > 60 ? above : Math.min(last.bottom + 6, window.innerHeight - toolbarHeight - 8);
      const left = above > 60 ? first.left : last.right;
      setPosition({ top, left: Math.max(8, Math.min(left, window.innerWidth - 340)) });
    };
    place();
    document.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [quote]);
  return (
    <div
      className="tag-toolbar"
      role="toolbar"
      aria-label={`Tag “${quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}” as`}
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      onMouseDown={(event) => event.preventDefault()}
    >
      {labels.map((label) => (
        <button key={label.id} type="button" className="tag-button" onClick={() => onTag(label.id)} title={`Tag as ${label.name}${label.hotkey ? ` (${label.hotkey})` : ''}`}>
          <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
          {label.name}
          {label.hotkey && <kbd>{label.hotkey}</kbd>}
        </button>
      ))}
      {onNewEvent && (
        <button type="button" className="tag-button" onClick={onNewEvent} title="New event on the selection (Shift+E)" aria-keyshortcuts="Shift+E">
          Event…<kbd>⇧E</kbd>
        </button>
      )}
    </div>
  );
}
