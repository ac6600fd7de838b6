import { useEffect, useRef } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { PlaceResolve } from '../../../shared/schemas/places';
import type { Analysis } from '../state/useAnalysis';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { LinkDialog } from './LinkDialog';
import { PlaceDialog } from './PlaceDialog';
import type { ReaderView } from './useReaderView';

interface ReaderDialogsProps {
  view: ReaderView;
  window: DocumentWindow;
  labels: readonly Label[];
  analysis: Analysis;
  link(typeId: string, from: ReaderAnnotation, to: ReaderAnnotation): void;
  resolvePlace(request: PlaceResolve): void;
  clearPlace(annotationId: string): void;
}

/** The Link dialog (or picking the target in the text) and the Place dialog, when open. */
export function ReaderDialogs({ view, window, labels, analysis, link, resolvePlace, clearPlace }: ReaderDialogsProps) {
  const { linkFrom, placeFor } = view;
  // A dialog taken out of the page leaves focus nowhere: it goes back to the text, where keys work.
  const open = linkFrom !== null || placeFor !== null;
  const wasOpen = useRef(open);
  useEffect(() => {
    const active = document.activeElement;
    if (wasOpen.current && !open && (active === null || active === document.body)) view.textRef.current?.focus();
    wasOpen.current = open;
  }, [open, view.textRef]);
  return (
    <>
      {linkFrom && analysis.schema && (
        <LinkDialog
          from={linkFrom}
          relationTypes={analysis.schema.relationTypes}
          labels={labels}
          window={window}
          linked={new Set(analysis.relations.filter((r) => r.fromId === linkFrom.id).map((r) => `${r.typeId} ${r.toId}`))}
          onLink={(typeId, to) => link(typeId, linkFrom, to)}
          onPickInText={(typeId) => {
            view.setPicking({ from: linkFrom, typeId });
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
