// Picking a link's target in the text: the banner says which annotation is being linked, by which
// relation, and how to stop. Escape, Cancel or any other action ends it.
import type { Label, RelationType } from '../../../shared/schemas/schema';
import { shortQuote } from '../state/undo-messages';
import type { LinkPicking } from './useReaderView';

interface PickBannerProps {
  picking: LinkPicking;
  relationTypes: readonly RelationType[];
  labels: readonly Label[];
  onCancel(): void;
}

export function PickBanner({ picking, relationTypes, labels, onCancel }: PickBannerProps) {
  const labelName = (id: string | null | undefined) => (id ? (labels.find((l) => l.id === id)?.name ?? id) : null);
  if (picking.kind === 'role') {
    return (
      <div className="link-banner" role="status">
        <span>
          Choosing the <strong>{picking.role}</strong> of the {labelName(picking.from.labelId)} event {shortQuote(picking.from.quote, 40)}: click its
          span in the text. Escape, or any other action, cancels.
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  const type = relationTypes.find((t) => t.id === picking.typeId);
  const target = labelName(type?.toLabelId);
  return (
    <div className="link-banner" role="status">
      <span>
        Linking the {labelName(picking.from.labelId)} {shortQuote(picking.from.quote, 40)} <strong>{type?.name ?? 'related to'}</strong>: click
        the {target ?? 'annotation'} to link to. Escape, or any other action, cancels.
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
