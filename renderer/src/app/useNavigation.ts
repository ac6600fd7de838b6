// Which screen shows, and which report is open in the reader.
import { useCallback, useRef, useState } from 'react';
import type { DocumentMeta } from '../../../shared/schemas/library';
import { placeOf } from '../reader/reader-place';
import type { DocumentWindow } from '../state/document-window';
import { openReport } from '../state/open-document';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { Screen } from './screens';

export interface OpenDocument {
  document: DocumentMeta;
  /** The report's text and annotations, loaded by window around the viewport. */
  window: DocumentWindow;
  /** The annotation the reader reveals and selects when it opens (from the claims table or the map). */
  focus?: ReaderAnnotation;
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
        const { document, window, focus } = await openReport(id, focusAnnotationId, placeOf(id)?.offset ?? 0);
        onLoaded();
        setHistoryRequest(null);
        setScreen('library');
        setOpen((current) => ({ document, window, focus, focusRange, serial: (current?.serial ?? 0) + 1 }));
      }),
    [withBusy],
  );

  /**
   * Loads the open report again where it is (changes arrived from the team), without the busy
   * screen or a change of screen; a report closed or switched meanwhile is left alone.
   */
  const reloadOpen = useCallback(async () => {
    const shown = openRef.current;
    if (!shown) return;
    const id = shown.document.id;
    const { document, window } = await openReport(id, undefined, placeOf(id)?.offset ?? 0);
    setOpen((current) => (current?.document.id === id ? { document, window, serial: current.serial + 1 } : current));
  }, []);

  const requestHistory = useCallback((kind: 'undo' | 'redo') => setHistoryRequest((last) => ({ kind, serial: (last?.serial ?? 0) + 1 })), []);

  /** Keeps the open report's details in step with a save. */
  const documentSaved = useCallback(
    (document: DocumentMeta & { text?: string }) =>
      setOpen((current) => {
        if (!current || current.document.id !== document.id) return current;
        // The reader holds no whole text: drop it if the saved document came with one.
        const { text: _text, ...details } = document;
        return { ...current, document: details };
      }),
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
    reloadOpen,
    historyRequest,
    requestHistory,
    documentSaved,
    documentDeleted,
  };
}
