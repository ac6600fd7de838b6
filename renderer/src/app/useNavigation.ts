// Which screen shows, and which report is open in the reader.
import { useCallback, useRef, useState } from 'react';
import type { DocumentFull } from '../../../shared/schemas/library';
import { call } from '../api';
import { fromSpans, type ReaderAnnotation } from '../state/reader-annotation';
import type { Screen } from './screens';

export interface OpenDocument {
  document: DocumentFull;
  annotations: ReaderAnnotation[];
  /** The annotation the reader reveals and selects when it opens (from the claims table or the map). */
  focusAnnotationId?: string;
  /** A range of the text (UTF-16 units) the reader selects when it opens (a search hit). */
  focusRange?: { start: number; end: number };
  /** Counts openings: each one mounts a fresh reader. */
  serial: number;
}

/** Undo/redo requests from the menu, counted so that each one arrives once. */
export type HistoryRequest = { kind: 'undo' | 'redo'; serial: number };

export function useNavigation(withBusy: (text: string, work: () => Promise<void>) => Promise<void>) {
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [screen, setScreen] = useState<Screen>('library');
  const [historyRequest, setHistoryRequest] = useState<HistoryRequest | null>(null);
  /** The open report as of now, for handlers that outlive a render. */
  const openRef = useRef<OpenDocument | null>(null);
  openRef.current = open;

  const openDocument = useCallback(
    /** `onLoaded` runs once the report is loaded, just before it shows. */
    (id: string, focusAnnotationId: string | undefined, onLoaded: () => void, focusRange?: { start: number; end: number }) =>
      withBusy('Opening report…', async () => {
        const [document, spans] = await Promise.all([call('documents.get', { id }), call('annotations.spans', { documentId: id })]);
        onLoaded();
        setHistoryRequest(null);
        setScreen('library');
        setOpen((current) => ({ document, annotations: fromSpans(spans, document.text), focusAnnotationId, focusRange, serial: (current?.serial ?? 0) + 1 }));
      }),
    [withBusy],
  );

  const requestHistory = useCallback((kind: 'undo' | 'redo') => setHistoryRequest((last) => ({ kind, serial: (last?.serial ?? 0) + 1 })), []);

  /** Keeps the open report's details in step with a save. */
  const documentSaved = useCallback(
    (document: DocumentFull) => setOpen((current) => (current && current.document.id === document.id ? { ...current, document } : current)),
    [],
  );
  const documentDeleted = useCallback((id: string) => setOpen((current) => (current?.document.id === id ? null : current)), []);

  return {
    open,
    openRef,
    screen,
    setScreen,
    closeDocument: useCallback(() => setOpen(null), []),
    openDocument,
    historyRequest,
    requestHistory,
    documentSaved,
    documentDeleted,
  };
}
