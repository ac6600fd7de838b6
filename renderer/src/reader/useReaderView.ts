// What the reader shows besides the data: the text selection, the selected and flashing
// annotation, hidden labels, the open dialogs, and what screen readers are told.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderTextHandle } from './ReaderText';
import type { TextSelection } from './text-selection';

const flashMs = 1400;

/** Linking by clicking in the text: the annotation linked from and the relation type chosen. */
type LinkPicking = { fromId: string; typeId: string };

export function useReaderView() {
  /** The annotation whose Link dialog is open; then, with a type chosen, waiting for a click on the target. */
  const [linkFrom, setLinkFrom] = useState<ReaderAnnotation | null>(null);
  const [picking, setPicking] = useState<LinkPicking | null>(null);
  const [placeFor, setPlaceFor] = useState<ReaderAnnotation | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [hiddenLabels, setHiddenLabels] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const textRef = useRef<ReaderTextHandle>(null);

  useEffect(() => {
    if (!flashId) return;
    const timer = setTimeout(() => setFlashId(null), flashMs);
    return () => clearTimeout(timer);
  }, [flashId]);

  /** Selects an annotation, flashes it and scrolls it into view. */
  const reveal = useCallback((annotation: ReaderAnnotation) => {
    setSelectedId(annotation.id);
    setFlashId(annotation.id);
    textRef.current?.reveal(annotation);
  }, []);

  const toggleLabel = useCallback(
    (id: string) =>
      setHiddenLabels((hidden) => {
        const next = new Set(hidden);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  return {
    linkFrom,
    setLinkFrom,
    picking,
    setPicking,
    placeFor,
    setPlaceFor,
    selection,
    setSelection,
    selectedId,
    setSelectedId,
    flashId,
    setFlashId,
    hiddenLabels,
    toggleLabel,
    announcement,
    setAnnouncement,
    textRef,
    reveal,
  };
}

export type ReaderView = ReturnType<typeof useReaderView>;

/**
 * Opening at an annotation (from the claims table or the map): select it, flash it, show it.
 * Opening at a range (a search hit): select that text, so the match shows and can be tagged.
 */
export function useOpenAt(
  view: ReaderView,
  focusAnnotationId: string | undefined,
  initialAnnotations: readonly ReaderAnnotation[],
  focusRange?: { start: number; end: number },
) {
  const { setSelectedId, setFlashId, textRef } = view;
  const rangeStart = focusRange?.start;
  const rangeEnd = focusRange?.end;
  useEffect(() => {
    if (focusAnnotationId || rangeStart === undefined || rangeEnd === undefined) return;
    requestAnimationFrame(() => textRef.current?.selectRange(rangeStart, rangeEnd));
  }, [focusAnnotationId, rangeStart, rangeEnd, textRef]);
  useEffect(() => {
    const target = focusAnnotationId ? initialAnnotations.find((a) => a.id === focusAnnotationId) : undefined;
    if (!target) return;
    setSelectedId(target.id);
    setFlashId(target.id);
    // After the first layout, so the virtualiser knows its sizes.
    requestAnimationFrame(() => textRef.current?.reveal(target));
  }, [focusAnnotationId, initialAnnotations, setSelectedId, setFlashId, textRef]);
}

