// The reader's highlight filter by review status: hide the highlights of some statuses, or
// colour highlights by status instead of by label. Pure: what the painter gets is worked out
// here from the annotations and their values.
import type { Label, LabelWithAttributes } from '../../../shared/schemas/schema';
import type { ReaderAnnotation } from '../state/reader-annotation';

/** "Not set" is a status of its own: what nobody has reviewed yet. */
export const noStatus = '';

export interface StatusFilter {
  /** Statuses whose highlights are hidden ('' for annotations without one). */
  hidden: ReadonlySet<string>;
  /** Paint by status instead of by label. */
  byStatus: boolean;
}

export const showAll: StatusFilter = { hidden: new Set(), byStatus: false };

const colours: Record<string, string> = { unverified: '#8a8f98', corroborated: '#2e9d4a', disputed: '#e39400', refuted: '#d03b3b' };
const otherColours = ['#7a5cc7', '#1e88c7', '#b0487a', '#5f8f2e'];

/** Each label's "status" attribute (a choice attribute of that name), by label id. */
export function statusAttributes(labels: readonly LabelWithAttributes[]): Map<string, { id: string; options: readonly string[] }> {
  const found = new Map<string, { id: string; options: readonly string[] }>();
  for (const label of labels) {
    const attribute = label.attributes.find((a) => a.type === 'choice' && a.name.toLowerCase() === 'status');
    if (attribute) found.set(label.id, { id: attribute.id, options: attribute.options });
  }
  return found;
}

/** The status options the filter offers, in schema order, and "not set" last. */
export function statusOptions(labels: readonly LabelWithAttributes[]): string[] {
  return [...new Set([...statusAttributes(labels).values()].flatMap((a) => a.options)), noStatus];
}

export function statusColour(status: string, index: number): string {
  return colours[status] ?? (status === noStatus ? '#b7bcc4' : otherColours[index % otherColours.length]!);
}

/** The pseudo-label a highlight is painted with when colouring by status. */
const paintLabelId = (labelId: string, status: string) => `${labelId}~${status || 'none'}`;

export interface StatusPaint {
  /** What a block's painter gets: hidden statuses left out, labels swapped when colouring. */
  paint(annotations: readonly ReaderAnnotation[]): readonly ReaderAnnotation[];
  /** The labels to paint with: the real ones, plus one per label and status when colouring. */
  labels: ReadonlyMap<string, Label>;
}

/** Null when the filter changes nothing (the painter then gets the annotations as they are). */
export function statusPaint(
  filter: StatusFilter,
  schemaLabels: readonly LabelWithAttributes[],
  labels: ReadonlyMap<string, Label>,
  valueOf: (annotationId: string, attributeId: string) => unknown,
): StatusPaint | null {
  if (!filter.byStatus && filter.hidden.size === 0) return null;
  const attributes = statusAttributes(schemaLabels);
  const statusOf = (a: ReaderAnnotation): string | null => {
    const attribute = attributes.get(a.labelId);
    if (!attribute) return null;
    const value = valueOf(a.id, attribute.id);
    return typeof value === 'string' ? value : noStatus;
  };
  const painted = new Map(labels);
  if (filter.byStatus) {
    for (const [labelId, attribute] of attributes) {
      const label = labels.get(labelId);
      if (!label) continue;
      [...attribute.options, noStatus].forEach((status, i) => {
        const id = paintLabelId(labelId, status);
        painted.set(id, { ...label, id, name: `${label.name} (${status || 'no status'})`, color: statusColour(status, i) });
      });
    }
  }
  return {
    labels: painted,
    paint: (annotations) =>
      annotations.flatMap((a) => {
        const status = statusOf(a);
        if (status === null) return [a];
        if (filter.hidden.has(status)) return [];
        return [filter.byStatus ? { ...a, labelId: paintLabelId(a.labelId, status) } : a];
      }),
  };
}
