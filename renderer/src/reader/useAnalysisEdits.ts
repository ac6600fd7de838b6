// The reader's edits of what the analysis adds to annotations: attribute values, links and places.
// Each names its undo step in words ("Removed the place Aleppo from “Aleppo”.").
import { useCallback } from 'react';
import type { AttributeValue, LabelAttribute } from '../../../shared/schemas/schema';
import type { PlaceResolve } from '../../../shared/schemas/places';
import type { Relation } from '../../../shared/schemas/annotate';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { Analysis, useAnalysis } from '../state/useAnalysis';
import type { UndoHistory } from '../state/undo-history';
import { shortQuote, undoTexts } from '../state/undo-messages';
import type { ReaderView } from './useReaderView';

/** Runs an edit; the message it returns is announced, a failure becomes a notice. */
export type EditRunner = (work: () => Promise<string | void>) => Promise<void>;

type AnalysisActions = ReturnType<typeof useAnalysis>['actions'];

interface EditContext {
  run: EditRunner;
  view: ReaderView;
  history: UndoHistory;
  /** The quote of an annotation, for messages ('' when unknown). */
  quoteOf(id: string): string;
  /** Shows what was linked, with Undo at hand. */
  onLinked(message: string): void;
}

const valueText = (value: AttributeValue | null) => (value === null ? null : Array.isArray(value) ? value.join(', ') : String(value));

export function useAnalysisEdits(analysisActions: AnalysisActions, analysis: Analysis, { run, view, history, quoteOf, onLinked }: EditContext) {
  const { setSelectedId, setLinkFrom, setPicking, setPlaceFor } = view;
  const typeName = useCallback((id: string) => analysis.schema?.relationTypes.find((t) => t.id === id)?.name ?? 'related to', [analysis.schema]);
  const setAttribute = useCallback(
    (annotation: ReaderAnnotation, attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null) =>
      void run(async () => {
        await analysisActions.setAttribute(annotation.id, attribute.id, value, previous);
        history.describeLast('attribute', undoTexts.attribute(attribute.name, annotation.quote, valueText(previous), valueText(value)));
        return `${attribute.name}: ${value === null ? 'cleared' : String(value)}.`;
      }),
    [analysisActions, run, history],
  );
  const link = useCallback(
    (typeId: string, from: ReaderAnnotation, to: ReaderAnnotation) =>
      void run(async () => {
        setLinkFrom(null);
        setPicking(null);
        const relation = await analysisActions.link(typeId, from.id, to.id);
        const type = typeName(relation.typeId);
        history.describeLast('link', undoTexts.link(from.quote, type, to.quote));
        setSelectedId(from.id);
        onLinked(`Linked ${shortQuote(from.quote)} ${type} ${shortQuote(to.quote)}.`);
      }),
    [analysisActions, run, typeName, history, setLinkFrom, setPicking, setSelectedId, onLinked],
  );
  const unlink = useCallback(
    (relation: Relation) =>
      void run(async () => {
        await analysisActions.unlink(relation);
        const type = typeName(relation.typeId);
        history.describeLast('unlink', undoTexts.unlink(quoteOf(relation.fromId), type, quoteOf(relation.toId)));
        return `Removed the link ${type} ${shortQuote(quoteOf(relation.toId))}.`;
      }),
    [analysisActions, run, typeName, history, quoteOf],
  );
  /** Saves or clears a place; the Place dialog closes once it is done. */
  const placeEdit = useCallback(
    (work: () => Promise<string>) =>
      void run(async () => {
        const message = await work();
        setPlaceFor(null);
        return message;
      }),
    [run, setPlaceFor],
  );
  const resolvePlace = useCallback(
    (request: PlaceResolve) =>
      placeEdit(async () => {
        const place = await analysisActions.resolvePlace(request);
        history.describeLast('place', undoTexts.place(place.name, quoteOf(request.annotationId)));
        return `Place saved: ${place.name}.`;
      }),
    [analysisActions, placeEdit, history, quoteOf],
  );
  const clearPlace = useCallback(
    (annotationId: string) =>
      placeEdit(async () => {
        const was = analysis.places[annotationId]?.name ?? 'place';
        await analysisActions.clearPlace(annotationId);
        history.describeLast('place-removal', undoTexts.placeRemoval(was, quoteOf(annotationId)));
        return 'Place removed.';
      }),
    [analysisActions, placeEdit, history, quoteOf, analysis.places],
  );

  return { setAttribute, link, unlink, resolvePlace, clearPlace };
}
