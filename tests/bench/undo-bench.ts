// Undo of a document's deletion at bench size (1,000,000 characters, 20,000 annotations): the
// delete keeps the snapshot in main and returns a token; the restore checks every row again
// (offsets, quotes, ownership, schema) before putting it back.
import type { Dispatch } from '../../electron/ipc/dispatch';

export interface UndoFigures {
  undo_delete_ms: number;
  undo_restore_ms: number;
}

export async function measureUndo(dispatch: Dispatch, documentId: string): Promise<UndoFigures> {
  let t0 = performance.now();
  const deleted = await dispatch('documents.delete', { id: documentId });
  const deleteMs = performance.now() - t0;
  if (!deleted.ok) throw new Error(`documents.delete: ${deleted.error.message}`);
  t0 = performance.now();
  const restored = await dispatch('documents.restore', { token: (deleted.value as { undoToken: string }).undoToken });
  const restoreMs = performance.now() - t0;
  if (!restored.ok) throw new Error(`documents.restore: ${restored.error.message}`);
  return { undo_delete_ms: Math.round(deleteMs), undo_restore_ms: Math.round(restoreMs) };
}
