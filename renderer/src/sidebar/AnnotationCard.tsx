import { memo, useEffect, useRef, useState } from 'react';
import './cards.css';
import type { Label } from '../../../shared/schemas/schema';
import type { AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';
import type { PlaceSummary } from '../state/useAnalysis';
import { isPending } from '../state/useAnnotations';
import { AttributeFields } from './AttributeFields';
import { CardLinks, type CardLink } from './CardLinks';
import { CardSummary } from './CardSummary';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderCommands } from './reader-commands';

interface AnnotationCardProps {
  annotation: ReaderAnnotation;
  labels: readonly Label[];
  selected: boolean;
  /** What the analysis adds to this card: attributes of its label, links, place. */
  details: CardDetails;
  commands: ReaderCommands;
}

export interface CardDetails {
  attributes: readonly LabelAttribute[];
  values: AttributeValues | undefined;
  links: readonly CardLink[];
  place: PlaceSummary | undefined;
  /** Locations (and anything already resolved) offer place resolution. */
  offersPlace: boolean;
}

/** Notes save this long after the last keystroke, and when the field loses focus. */
const noteSaveDelayMs = 700;

export const AnnotationCard = memo(function AnnotationCard(props: AnnotationCardProps) {
  const { annotation, labels, selected, details, commands } = props;
  const label = labels.find((l) => l.id === annotation.labelId);
  const pending = isPending(annotation);
  const [draft, setDraft] = useState(annotation.note);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const editing = useRef(false);
  // Compact by default (8–10 cards fit): the fields open on demand, and on the selected card.
  const [opened, setOpened] = useState(false);
  const open = opened || selected;

  useEffect(() => {
    if (!editing.current) setDraft(annotation.note);
  }, [annotation.note]);

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === annotation.note) return;
    await commands.setNote(annotation, value, true);
    setSaving('saved');
  };

  return (
    <article
      className={`card${selected ? ' selected' : ''}${open ? ' open' : ''}`}
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
          onChange={(event) => commands.relabel(annotation, event.target.value)}
        >
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="button" className="small" disabled={pending} onClick={() => commands.startLink(annotation)} title="Link this annotation to another (L)">
          Link…
        </button>
        <button
          type="button"
          className="icon-button details-toggle"
          aria-expanded={open}
          aria-label="Details"
          title={open ? 'Hide the fields' : 'Show the fields'}
          disabled={selected}
          onClick={() => setOpened((was) => !was)}
        >
          {open ? '▴' : '▾'}
        </button>
        <button type="button" className="icon-button" disabled={pending} aria-label="Delete annotation" title="Delete (Del)" onClick={() => commands.remove(annotation)}>
          🗑
        </button>
      </div>
      <button type="button" className="quote" onClick={() => commands.reveal(annotation)} title="Show in the text">
        “{annotation.quote}”
      </button>
      {open ? (
        <AttributeFields
          attributes={details.attributes}
          values={details.values}
          disabled={pending}
          onChange={(attribute, value, previous) => commands.setAttribute(annotation, attribute, value, previous)}
        />
      ) : (
        <CardSummary attributes={details.attributes} values={details.values} onOpen={() => setOpened(true)} />
      )}
      {details.offersPlace && (
        <div className="place-line">
          {details.place ? (
            <span className="place-name" title={`${details.place.lat.toFixed(4)}, ${details.place.lon.toFixed(4)}`}>
              📍 {details.place.name}
              {details.place.country ? `, ${details.place.country}` : ''}
            </span>
          ) : (
            <span className="place-name unresolved">No place chosen</span>
          )}
          <button type="button" className="small" disabled={pending} onClick={() => commands.choosePlace(annotation)}>
            {details.place ? 'Change place…' : 'Resolve place…'}
          </button>
        </div>
      )}
      <CardLinks links={details.links} disabled={pending} onReveal={commands.reveal} onUnlink={commands.unlink} />
      {!open && annotation.note && <p className="note-preview">{annotation.note}</p>}
      {open && (
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
      )}
    </article>
  );
});
