import { memo, useEffect, useRef, useState } from 'react';
import type { Label } from '../../../shared/schemas';
import { isPending } from '../state/useAnnotations';
import type { ReaderAnnotation } from '../state/reader-annotation';

interface AnnotationCardProps {
  annotation: ReaderAnnotation;
  labels: readonly Label[];
  selected: boolean;
  onSelect(annotation: ReaderAnnotation): void;
  onRelabel(annotation: ReaderAnnotation, labelId: string): void;
  onDelete(annotation: ReaderAnnotation): void;
  onNote(annotation: ReaderAnnotation, note: string, mergeWithLast: boolean): Promise<void>;
}

/** Notes save this long after the last keystroke, and when the field loses focus. */
const noteSaveDelayMs = 700;

export const AnnotationCard = memo(function AnnotationCard(props: AnnotationCardProps) {
  const { annotation, labels, selected } = props;
  const label = labels.find((l) => l.id === annotation.labelId);
  const pending = isPending(annotation);
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
    await props.onNote(annotation, value, true);
    setSaving('saved');
  };

  return (
    <article
      className={`card${selected ? ' selected' : ''}`}
      aria-busy={pending || undefined}
      aria-label={`${label?.name ?? 'Annotation'}: ${annotation.quote}`}
      data-annotation-id={annotation.id}
      style={{ borderInlineStartColor: label?.color }}
    >
      <div className="card-head">
        <span className="swatch" style={{ background: label?.color }} aria-hidden="true" />
        <select
          disabled={pending}
          aria-label="Label"
          value={annotation.labelId}
          onChange={(event) => props.onRelabel(annotation, event.target.value)}
        >
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" disabled={pending} aria-label="Delete annotation" title="Delete (Del)" onClick={() => props.onDelete(annotation)}>
          🗑
        </button>
      </div>
      <button type="button" className="quote" onClick={() => props.onSelect(annotation)} title="Show in the text">
        “{annotation.quote}”
      </button>
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
        {pending ? (
          <span className="save-state">Saving…</span>
        ) : (
          saving !== 'idle' && <span className="save-state">{saving === 'pending' ? 'Unsaved' : 'Saved'}</span>
        )}
      </label>
    </article>
  );
});
