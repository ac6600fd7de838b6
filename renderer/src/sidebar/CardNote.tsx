// A card's note: saved a moment after the last keystroke, when the field loses focus, and on Ctrl+Enter.
import { useEffect, useRef, useState } from 'react';
import { isPending } from '../state/useAnnotations';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderCommands } from './reader-commands';

/** Notes save this long after the last keystroke, and when the field loses focus. */
const noteSaveDelayMs = 700;

interface CardNoteProps {
  annotation: ReaderAnnotation;
  pending: boolean;
  setNote: ReaderCommands['setNote'];
}

export function CardNote({ annotation, pending, setNote }: CardNoteProps) {
  const [draft, setDraft] = useState(annotation.note);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const editing = useRef(false);

  useEffect(() => {
    if (!editing.current) setDraft(annotation.note);
  }, [annotation.note]);

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === annotation.note) return;
    await setNote(annotation, value, true);
    setSaving('saved');
  };

  return (
    <label className="note">
      <span className="visually-hidden">Note</span>
      <textarea
        rows={1}
        disabled={pending}
        placeholder="Add a note…"
        value={draft}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(value);
          setSaving('pending');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), noteSaveDelayMs);
        }}
        onBlur={() => {
          editing.current = false;
          void save(draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save(draft);
          }
        }}
      />
      {isPending(annotation) ? (
        <span className="save-state">Saving…</span>
      ) : (
        saving !== 'idle' && <span className="save-state">{saving === 'pending' ? 'Unsaved' : 'Saved'}</span>
      )}
    </label>
  );
}
