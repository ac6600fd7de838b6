// The last tagging of search hits, for its undo: one step across reports (search.tagHits), undone
// by deleting the annotations it made. Kept outside the Search screen so the app's Undo command
// (App.tsx) can ask whether there is one while the screen is shown.
import type { TaggedHits } from '../../../shared/schemas/search';
import { call } from '../api';

let last: TaggedHits | null = null;

export function rememberTagging(result: TaggedHits): void {
  last = result.createdIds.length > 0 ? result : null;
}

export function canUndoTagging(): boolean {
  return last !== null;
}

/** Deletes what the last tagging made; returns how many were deleted (0 when nothing to undo). */
export async function undoTagging(): Promise<number> {
  if (!last) return 0;
  const { createdIds } = last;
  const { deletedIds } = await call('annotations.deleteMany', { ids: createdIds });
  last = null;
  return deletedIds.length;
}
