// The library: the list of reports, the details being edited, and deletions that can be undone
// while the app runs.
import { useCallback, useEffect, useState } from 'react';
import type { DocumentFull, DocumentMeta, DocumentSummary } from '../../../shared/schemas/library';
import type { DeletedDocument, DocumentUpdate } from '../../../shared/schemas/library';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';

interface LibraryListener {
  /** A report's details were saved. */
  saved(document: DocumentFull): void;
  /** A report was deleted. */
  deleted(id: string): void;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function useLibrary(listener: LibraryListener) {
  const { notify } = useNotices();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [details, setDetails] = useState<DocumentMeta | null>(null);
  const [deleted, setDeleted] = useState<DeletedDocument[]>([]);
  const { saved, deleted: onDeleted } = listener;

  /** Runs a change; its failure becomes a notice. */
  const attempt = useCallback(
    async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [notify],
  );

  const refreshLibrary = useCallback(() => attempt(async () => setDocuments(await call('documents.list', {}))), [attempt]);
  useEffect(() => void refreshLibrary(), [refreshLibrary]);

  const saveDetails = useCallback(
    (update: DocumentUpdate) =>
      attempt(async () => {
        const document = await call('documents.update', update);
        setDetails(null);
        saved(document);
        await refreshLibrary();
        notify('Details saved.');
      }),
    [attempt, refreshLibrary, notify, saved],
  );

  /** Brings back the given deletion, or the last one. */
  const undoDelete = useCallback(
    (snapshot?: DeletedDocument) =>
      attempt(async () => {
        const target = snapshot ?? deleted[deleted.length - 1];
        if (!target) return;
        await call('documents.restore', { token: target.undoToken });
        setDeleted((list) => list.filter((d) => d !== target));
        await refreshLibrary();
        notify(`Restored “${target.document.title}”.`);
      }),
    [attempt, deleted, refreshLibrary, notify],
  );

  const deleteDocument = useCallback(
    (id: string) =>
      attempt(async () => {
        const snapshot = await call('documents.delete', { id });
        setDetails(null);
        setDeleted((list) => [...list, snapshot]);
        onDeleted(id);
        await refreshLibrary();
        notify(`Deleted “${snapshot.document.title}” and its ${plural(snapshot.annotations, 'annotation', 'annotations')}.`, 'info', {
          label: 'Undo',
          run: () => void undoDelete(snapshot),
        });
      }),
    [attempt, refreshLibrary, notify, undoDelete, onDeleted],
  );

  return {
    documents,
    refreshLibrary,
    details,
    showDetails: setDetails,
    closeDetails: useCallback(() => setDetails(null), []),
    saveDetails,
    deleteDocument,
    undoDelete,
    canUndoDelete: deleted.length > 0,
  };
}
