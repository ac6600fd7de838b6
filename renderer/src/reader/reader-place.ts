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
/** The reader on screen, asked for its place when the same report opens again over it. */
let live: { documentId: string; place: () => ReaderPlace } | null = null;

export function rememberPlace(documentId: string, place: ReaderPlace): void {
  places.set(documentId, place);
}

/**
 * Lets the reader on screen answer for its report until it closes (returns the closer). A report
 * opened again while shown (another layer, changes from the team) reads where it is now, not where
 * it was last left.
 */
export function showPlace(documentId: string, place: () => ReaderPlace): () => void {
  const entry = { documentId, place };
  live = entry;
  return () => {
    if (live === entry) live = null;
  };
}

export function placeOf(documentId: string): ReaderPlace | undefined {
  return live?.documentId === documentId ? live.place() : places.get(documentId);
}
