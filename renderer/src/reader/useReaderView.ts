// What the reader shows besides the data: the text selection, the selected and flashing
// annotation, hidden labels, the open dialogs, and what screen readers are told.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderPlace } from './reader-place';
import type { ReaderTextHandle } from './ReaderText';
import type { TextSelection } from './text-selection';

const flashMs = 1400;

/**
 * Picking in the text: for a link, the annotation linked from and the relation type chosen; for
 * an event's role, the event's trigger (shown in the banner), the event and the role chosen.
 */
export type LinkPicking = { kind?: 'link'; from: ReaderAnnotation; typeId: string } | { kind: 'role'; from: ReaderAnnotation; eventId: string; role: string };

/** New Event on a selection (a span to tag with the event type) or on a selected annotation. */
export interface EventRequest {
  trigger: { annotationId: string } | { start: number; end: number };
  quote: string;
}

/** `place`: where the analyst left this report last time (its selection comes back with it). */
export function useReaderView(place?: ReaderPlace) {
  /** The annotation whose Link dialog is open; then, with a type chosen, waiting for a click on the target. */
  const [linkFrom, setLinkFrom] = useState<ReaderAnnotation | null>(null);
  const [picking, setPicking] = useState<LinkPicking | null>(null);
  const [placeFor, setPlaceFor] = useState<ReaderAnnotation | null>(null);
  /** The New Event dialog's trigger, while it is open. */
  const [eventFor, setEventFor] = useState<EventRequest | null>(null);
  /** The event whose Add role dialog is open. */
  const [roleFor, setRoleFor] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(place?.selection ?? null);
  const [selectedId, setSelectedId] = useState<string | null>(place?.selectedId ?? null);
  /** The annotation last revealed: it may lie outside the windows loaded, but is selected all the same. */
  const [revealed, setRevealed] = useState<ReaderAnnotation | null>(null);
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
    setRevealed(annotation);
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
    eventFor,
    setEventFor,
    roleFor,
    setRoleFor,
    selection,
    setSelection,
    selectedId,
    setSelectedId,
    revealed,
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
export function useOpenAt(view: ReaderView, target: ReaderAnnotation | undefined, focusRange?: { start: number; end: number }) {
  const { reveal, textRef } = view;
  const rangeStart = focusRange?.start;
  const rangeEnd = focusRange?.end;
  useEffect(() => {
    if (target || rangeStart === undefined || rangeEnd === undefined) return;
    requestAnimationFrame(() => textRef.current?.selectRange(rangeStart, rangeEnd));
  }, [target, rangeStart, rangeEnd, textRef]);
  useEffect(() => {
    if (!target) return;
    // After the first layout, so the virtualiser knows its sizes.
    requestAnimationFrame(() => reveal(target));
  }, [target, reveal]);
}

