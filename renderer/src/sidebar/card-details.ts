import type { Analysis } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { CardDetails } from './AnnotationCard';

/** Gathers, for one card, its label's attributes, its values, its links and its place. */
export function cardDetails(
  annotation: ReaderAnnotation,
  analysis: Analysis,
  byId: ReadonlyMap<string, ReaderAnnotation>,
): CardDetails {
  const label = analysis.schema?.labels.find((l) => l.id === annotation.labelId);
  const typeName = (id: string) => analysis.schema?.relationTypes.find((t) => t.id === id)?.name ?? id;
  const links = analysis.relations
    .filter((r) => r.fromId === annotation.id || r.toId === annotation.id)
    .map((relation) => {
      const outgoing = relation.fromId === annotation.id;
      return { relation, typeName: typeName(relation.typeId), outgoing, other: byId.get(outgoing ? relation.toId : relation.fromId) };
    });
  const place = analysis.places[annotation.id];
  return {
    attributes: label?.attributes ?? [],
    values: analysis.values[annotation.id],
    links,
    place,
    offersPlace: annotation.labelId === 'location' || place !== undefined,
  };
}
