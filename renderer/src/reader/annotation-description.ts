// What a screen reader hears about the selected annotation besides its label: its attribute
// values, its links and its place, as one sentence (the mark's aria-description).
import type { Analysis } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';

/** Short quotes read better: the first words of a long one. */
function shortQuote(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 57).trimEnd()}…` : quote;
}

export function describeAnnotation(
  annotation: ReaderAnnotation,
  analysis: Analysis,
  labelName: (labelId: string) => string,
  quoteOf: (id: string) => string | undefined,
): string {
  const parts = [`${labelName(annotation.labelId)}, selected`];
  const attributes = analysis.schema?.labels.find((l) => l.id === annotation.labelId)?.attributes ?? [];
  const values = analysis.values[annotation.id] ?? {};
  for (const attribute of attributes) {
    const value = values[attribute.id];
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${attribute.name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  const typeName = (id: string) => analysis.schema?.relationTypes.find((t) => t.id === id)?.name ?? 'linked to';
  for (const relation of analysis.relations) {
    if (relation.fromId === annotation.id) parts.push(`${typeName(relation.typeId)} “${shortQuote(quoteOf(relation.toId) ?? '')}”`);
    else if (relation.toId === annotation.id) parts.push(`${typeName(relation.typeId)} from “${shortQuote(quoteOf(relation.fromId) ?? '')}”`);
  }
  const place = analysis.places[annotation.id];
  if (place) parts.push(`place: ${[place.name, place.country].filter(Boolean).join(', ')}`);
  return `${parts.join('; ')}.`;
}
