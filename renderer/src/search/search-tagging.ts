// The last tagging of search hits, for its undo and redo: one step across reports
// (search.tagHits), undone by deleting the annotations it made and redone by tagging the same
// ranges again (new ids), as the reader's tag-all is. Kept outside the Search screen so the app's
// Undo and Redo commands (App.tsx) can ask whether there is one while the screen is shown.
import type { TagHitsArgs, TaggedHits } from '../../../shared/schemas/search';
import { call } from '../api';

interface Tagging {
  search: TagHitsArgs['search'];
  labelId: string;
  result: TaggedHits;
}

let last: Tagging | null = null;
let undone: Tagging | null = null;

export function rememberTagging(search: TagHitsArgs['search'], labelId: string, result: TaggedHits): void {
  last = result.createdIds.length > 0 ? { search, labelId, result } : null;
  undone = null;
}

export function canUndoTagging(): boolean {
  return last !== null;
}

export function canRedoTagging(): boolean {
  return undone !== null;
}

/** Deletes what the last tagging made; returns how many were deleted (0 when nothing to undo). */
export async function undoTagging(): Promise<number> {
  if (!last) return 0;
  const { deletedIds } = await call('annotations.deleteMany', { ids: last.result.createdIds });
  undone = last;
  last = null;
  return deletedIds.length;
}

/** Tags again the ranges the undone tagging had made; returns what it did (null when nothing to redo). */
export async function redoTagging(): Promise<TaggedHits | null> {
  if (!undone) return null;
  const { search, labelId, result } = undone;
  const again = await call('search.tagHits', { search, labelId, hits: result.created });
  undone = null;
  last = again.createdIds.length > 0 ? { search, labelId, result: again } : null;
  return again;
}
