import { memo, useState } from 'react';
import './cards.css';
import type { Label } from '../../../shared/schemas/schema';
import type { AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';
import type { PlaceSummary } from '../state/useAnalysis';
import { isPending } from '../state/useAnnotations';
import { AttributeFields } from './AttributeFields';
import { CardLinks, type CardLink } from './CardLinks';
import { CardSummary } from './CardSummary';
import { CardNote } from './CardNote';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderCommands } from './reader-commands';
import { authorship, useAnalystNames } from '../analysts/analyst-names';

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

/** One annotation in the list: a compact summary, or with its fields open (on demand, or selected). */
export const AnnotationCard = memo(function AnnotationCard(props: AnnotationCardProps) {
  const { annotation, labels, selected, details, commands } = props;
  const label = labels.find((l) => l.id === annotation.labelId);
  const pending = isPending(annotation);
  // Compact by default (8–10 cards fit): the fields open on demand, and on the selected card.
  const [opened, setOpened] = useState(false);
  const open = opened || selected;
  const madeBy = authorship(annotation, useAnalystNames());

  const linkButton = (
    <button type="button" className="small" disabled={pending} onClick={() => commands.startLink(annotation)} title="Link this annotation to another (L)">
      Link…
    </button>
  );
  const toggle = (
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
  );
  const deleteButton = (
    <button type="button" className="icon-button" disabled={pending} aria-label="Delete annotation" title="Delete (Del)" onClick={() => commands.remove(annotation)}>
      🗑
    </button>
  );
  const quote = (
    <button type="button" className="quote" onClick={() => commands.reveal(annotation)} title={[open ? 'Show in the text' : annotation.quote, madeBy].filter(Boolean).join('\n')}>
      “{annotation.quote}”
    </button>
  );
  const place = details.offersPlace && (
    <div className="place-line">
      {details.place ? (
        <span className="place-name" title={`${details.place.lat.toFixed(4)}, ${details.place.lon.toFixed(4)}`}>
          📍 {details.place.name}
          {details.place.country ? `, ${details.place.country}` : ''}
        </span>
      ) : (
        open && <span className="place-name unresolved">No place chosen</span>
      )}
      <button type="button" className="small" disabled={pending} onClick={() => commands.choosePlace(annotation)}>
        {details.place ? 'Change place…' : 'Resolve place…'}
      </button>
    </div>
  );
  const links = <CardLinks links={details.links} disabled={pending} onReveal={commands.reveal} onUnlink={commands.unlink} />;

  return (
    <article
      className={`card${selected ? ' selected' : ''}${open ? ' open' : ''}`}
      aria-busy={pending || undefined}
      aria-label={`${label?.name ?? 'Annotation'}: ${annotation.quote}`}
      data-annotation-id={annotation.id}
      style={{ borderInlineStartColor: label?.color }}
    >
      {open ? (
        <>
          <div className="card-head">
            <span className="swatch" style={{ background: label?.color }} aria-hidden="true" />
            <select disabled={pending} aria-label="Label" value={annotation.labelId} onChange={(event) => commands.relabel(annotation, event.target.value)}>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            {linkButton}
            {toggle}
            {deleteButton}
          </div>
          {quote}
          <AttributeFields
            attributes={details.attributes}
            values={details.values}
            disabled={pending}
            onChange={(attribute, value, previous) => commands.setAttribute(annotation, attribute, value, previous)}
          />
          {place}
          {links}
          <CardNote annotation={annotation} pending={pending} setNote={commands.setNote} />
          {madeBy && <p className="card-authorship">{madeBy}</p>}
        </>
      ) : (
        <>
          {/* Compact: the quote on one line, then values, links and place as chips. */}
          <div className="card-head">
            <span className="swatch" style={{ background: label?.color }} aria-hidden="true" />
            {quote}
            {linkButton}
            {toggle}
            {deleteButton}
          </div>
          <div className="card-foot">
            <CardSummary attributes={details.attributes} values={details.values} onOpen={() => setOpened(true)} />
            {links}
            {place}
            {annotation.note && (
              <span className="note-preview" title={annotation.note}>
                <span className="note-preview-label">Note:</span> {annotation.note}
              </span>
            )}
          </div>
        </>
      )}
    </article>
  );
});
