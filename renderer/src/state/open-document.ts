// Opening a report in the reader: its details and block index (no text), the annotation to show
// if one was asked for, and the windows of text and annotations around where the reader starts.
// The cost does not grow with the report's size.
import type { BlockIndex, DocumentMeta } from '../../../shared/schemas/library';
import { call } from '../api';
import { unpackBlocks } from '../../../shared/blocks';
import type { Block } from '../reader/blocks';
import { DocumentWindow, type WindowFetcher } from './document-window';
import { fromWindow, type ReaderAnnotation } from './reader-annotation';
import { viewedLayer } from './view-layer';

export interface OpenedReport {
  document: DocumentMeta;
  window: DocumentWindow;
  /** The annotation asked for (from the claims table or the map), as stored. */
  focus?: ReaderAnnotation;
}

export function blocksOf(index: BlockIndex): Block[] {
  return unpackBlocks(index.packed);
}

function fetcherFor(documentId: string): WindowFetcher {
  // The layer shown when the report was opened: choosing another opens it again.
  const layer = viewedLayer();
  return async (start, end) => {
    const [text, spans] = await Promise.all([
      call('documents.textRange', { id: documentId, start, end }),
      call('annotations.window', { documentId, start, end, layer }),
    ]);
    return { text, spans: fromWindow(spans) };
  };
}

/** The window holding an offset and its neighbours (prefetch for a scroll either way). */
export function windowsAround(window: DocumentWindow, offset: number): number[] {
  const k = window.windowOfOffset(offset);
  return [k, k + 1, k - 1];
}

/** Loads what the reader needs to paint at `startAt` (or at the focus annotation). */
export async function openReport(id: string, focusAnnotationId: string | undefined, startAt: number): Promise<OpenedReport> {
  const [outline, located] = await Promise.all([
    call('documents.outline', { id }),
    focusAnnotationId ? call('annotations.locate', { id: focusAnnotationId, labelIds: null }) : Promise.resolve(null),
  ]);
  const window = new DocumentWindow(id, blocksOf(outline.blocks), outline.document.length, fetcherFor(id));
  const focus = located?.annotation.documentId === id ? located.annotation : undefined;
  // Only the window to paint first; its neighbours follow once the reader is on screen.
  await window.ensure([window.windowOfOffset(focus?.start ?? Math.min(startAt, outline.document.length))]);
  return { document: outline.document, window, focus };
}
