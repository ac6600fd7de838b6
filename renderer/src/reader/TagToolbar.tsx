import { useLayoutEffect, useState } from 'react';
import type { Label } from '../../../shared/schemas';

interface TagToolbarProps {
  labels: readonly Label[];
  quote: string;
  onTag(labelId: string): void;
}

/** Floats beside the selected text and offers the labels; their hotkeys work without it. */
export function TagToolbar({ labels, quote, onTag }: TagToolbarProps) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const place = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return setPosition(null);
      const rects = selection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1];
      if (!last) return setPosition(null);
      setPosition({ top: Math.min(last.bottom + 8, window.innerHeight - 56), left: Math.min(last.right, window.innerWidth - 340) });
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
    </div>
  );
}
