// A card's summary line: its choice values (a claim's status and confidence) as chips, or "not
// reviewed" when none is set, so a glance says what was reviewed. A click opens the fields.
import type { AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';

interface CardSummaryProps {
  attributes: readonly LabelAttribute[];
  values: AttributeValues | undefined;
  onOpen(): void;
}

export function CardSummary({ attributes, values, onOpen }: CardSummaryProps) {
  if (attributes.length === 0) return null;
  const set = attributes.flatMap((attribute) => {
    const value = values?.[attribute.id];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? attribute.name : `not ${attribute.name}`) : String(value);
    return [{ attribute, text }];
  });
  return (
    <ul className="card-chips" aria-label="Values">
      {set.length === 0 ? (
        <li>
          <button type="button" className="value-chip empty" onClick={onOpen} title="Open the fields">
            not reviewed
          </button>
        </li>
      ) : (
        set.map(({ attribute, text }) => (
          <li key={attribute.id}>
            <button
              type="button"
              className={`value-chip attr-${attribute.name.replace(/\W+/g, '-').toLowerCase()}`}
              data-value={text}
              aria-label={`${attribute.name}: ${text}`}
              title={`${attribute.name}: ${text}. Open the fields`}
              onClick={onOpen}
            >
              {text}
            </button>
          </li>
        ))
      )}
    </ul>
  );
}
