import type { Relation } from '../../../shared/schemas/annotate';
import type { ReaderAnnotation } from '../state/reader-annotation';

export interface CardLink {
  relation: Relation;
  typeName: string;
  /** True when this card's annotation is the relation's source. */
  outgoing: boolean;
  other: ReaderAnnotation | undefined;
}

interface CardLinksProps {
  links: readonly CardLink[];
  disabled: boolean;
  onReveal(annotation: ReaderAnnotation): void;
  onUnlink(relation: Relation): void;
}

/** "attributed to → “rebel commanders”", with a way to jump there or remove the link. */
export function CardLinks({ links, disabled, onReveal, onUnlink }: CardLinksProps) {
  if (links.length === 0) return null;
  return (
    <ul className="links" aria-label="Links">
      {links.map(({ relation, typeName, outgoing, other }) => (
        <li key={relation.id}>
          <span className="link-type">{outgoing ? `${typeName} →` : `← ${typeName}`}</span>
          <button type="button" className="link-target" disabled={!other} onClick={() => other && onReveal(other)} title="Show in the text">
            “{other?.quote ?? '…'}”
          </button>
          <button type="button" className="icon-button" disabled={disabled} aria-label={`Remove link ${typeName}`} onClick={() => onUnlink(relation)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
