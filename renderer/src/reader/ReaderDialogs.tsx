import type { Label } from '../../../shared/schemas/schema';
import type { PlaceResolve } from '../../../shared/schemas/places';
import type { Analysis } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { LinkDialog } from './LinkDialog';
import { PlaceDialog } from './PlaceDialog';
import type { ReaderView } from './useReaderView';

interface ReaderDialogsProps {
  view: ReaderView;
  labels: readonly Label[];
  analysis: Analysis;
  link(typeId: string, fromId: string, to: ReaderAnnotation): void;
  resolvePlace(request: PlaceResolve): void;
  clearPlace(annotationId: string): void;
}

/** The Link dialog (or picking the target in the text) and the Place dialog, when open. */
export function ReaderDialogs({ view, labels, analysis, link, resolvePlace, clearPlace }: ReaderDialogsProps) {
  const { linkFrom, placeFor } = view;
  return (
    <>
      {linkFrom && analysis.schema && (
        <LinkDialog
          from={linkFrom}
          relationTypes={analysis.schema.relationTypes}
          labels={labels}
          onLink={(typeId, to) => link(typeId, linkFrom.id, to)}
          onPickInText={(typeId) => {
            view.setPicking({ fromId: linkFrom.id, typeId });
            view.setLinkFrom(null);
          }}
          onClose={() => view.setLinkFrom(null)}
        />
      )}
      {placeFor && (
        <PlaceDialog
          annotation={placeFor}
          current={analysis.places[placeFor.id]}
          onResolve={resolvePlace}
          onClear={() => clearPlace(placeFor.id)}
          onClose={() => view.setPlaceFor(null)}
        />
      )}
    </>
  );
}
