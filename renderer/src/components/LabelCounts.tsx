import type { Label } from '../../../shared/schemas/schema';

/** Annotation counts per label, as small colored chips. */
export function LabelCounts({ labels, counts }: { labels: readonly Label[]; counts: Record<string, number> }) {
  return (
    <span className="label-counts">
      {labels.map((label) => (
        <span key={label.id} className="count-chip" aria-label={`${counts[label.id] ?? 0} ${label.name}`}>
          <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
          {counts[label.id] ?? 0} {label.name}
        </span>
      ))}
    </span>
  );
}
