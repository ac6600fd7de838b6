// Where the analyst was in each report (scroll position and selection), kept while the app runs,
// so that coming back from the claims table, the map or the library finds the reader as it was.
import type { TextSelection } from './text-selection';

export interface ReaderPlace {
  /** The first block on screen, and how far (px) the view was scrolled into it. */
  block: number;
  within: number;
  /** Its text offset, to load the right window before the reader shows. */
  offset: number;
  selection: TextSelection | null;
  selectedId: string | null;
}

const places = new Map<string, ReaderPlace>();

export function rememberPlace(documentId: string, place: ReaderPlace): void {
  places.set(documentId, place);
}

export function placeOf(documentId: string): ReaderPlace | undefined {
  return places.get(documentId);
}
