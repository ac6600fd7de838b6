// The reader's edits of what the analysis adds to annotations: attribute values, links and places.
import { useCallback } from 'react';
import type { AttributeValue, LabelAttribute } from '../../../shared/schemas/schema';
import type { PlaceResolve } from '../../../shared/schemas/places';
import type { Relation } from '../../../shared/schemas/annotate';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { Analysis, useAnalysis } from '../state/useAnalysis';
import type { ReaderView } from './useReaderView';

/** Runs an edit; the message it returns is announced, a failure becomes a notice. */
export type EditRunner = (work: () => Promise<string | void>) => Promise<void>;

type AnalysisActions = ReturnType<typeof useAnalysis>['actions'];

export function useAnalysisEdits(analysisActions: AnalysisActions, analysis: Analysis, run: EditRunner, view: ReaderView) {
  const { setSelectedId, setLinkFrom, setPicking, setPlaceFor } = view;
  const setAttribute = useCallback(
    (annotation: ReaderAnnotation, attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null) =>
      void run(async () => {
        await analysisActions.setAttribute(annotation.id, attribute.id, value, previous);
        return `${attribute.name}: ${value === null ? 'cleared' : String(value)}.`;
      }),
    [analysisActions, run],
  );
  const link = useCallback(
    (typeId: string, fromId: string, to: ReaderAnnotation) =>
      void run(async () => {
        setLinkFrom(null);
        setPicking(null);
        const relation = await analysisActions.link(typeId, fromId, to.id);
        const type = analysis.schema?.relationTypes.find((t) => t.id === relation.typeId);
        setSelectedId(fromId);
        return `Linked: ${type?.name ?? 'related to'} “${to.quote}”.`;
      }),
    [analysisActions, run, analysis.schema, setLinkFrom, setPicking, setSelectedId],
  );
  const unlink = useCallback((relation: Relation) => void run(() => analysisActions.unlink(relation)), [analysisActions, run]);
  /** Saves or clears a place; the Place dialog closes once it is done. */
  const placeEdit = useCallback(
    (work: () => Promise<void>, message: string) =>
      void run(async () => {
        await work();
        setPlaceFor(null);
        return message;
      }),
    [run, setPlaceFor],
  );
  const resolvePlace = useCallback((request: PlaceResolve) => placeEdit(() => analysisActions.resolvePlace(request), 'Place saved.'), [analysisActions, placeEdit]);
  const clearPlace = useCallback((annotationId: string) => placeEdit(() => analysisActions.clearPlace(annotationId), 'Place removed.'), [analysisActions, placeEdit]);

  return { setAttribute, link, unlink, resolvePlace, clearPlace };
}
