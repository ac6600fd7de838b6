// The library: the list's filter, sort, selection and place (kept here, above the screens, so
// they survive opening a report and coming back), the details being edited, and deletions that
// can be undone while the app runs.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentFull, DocumentMeta } from '../../../shared/schemas/library';
import type { DeletedDocument, DocumentUpdate } from '../../../shared/schemas/library';
import type { LibraryFacets, LibraryFilter, LibrarySort } from '../../../shared/schemas/library-query';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { noSelection, without, type Selection } from './library-selection';
import { useLibraryPages } from './useLibraryPages';

interface LibraryListener {
  /** A report's details were saved. */
  saved(document: DocumentFull): void;
  /** A report was deleted. */
  deleted(id: string): void;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export const defaultSort: LibrarySort = { key: 'imported', direction: 'desc' };

export function useLibrary(listener: LibraryListener) {
  const { notify } = useNotices();
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [sort, setSort] = useState<LibrarySort>(defaultSort);
  const pages = useLibraryPages(filter, sort);
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [active, setActive] = useState(0);
  /** The table's scroll offset when it was last on screen. */
  const scrollTop = useRef(0);
  const [details, setDetails] = useState<DocumentMeta | null>(null);
  const [deleted, setDeleted] = useState<DeletedDocument[][]>([]);
  const { saved, deleted: onDeleted } = listener;
  const { refresh: refreshPages } = pages;

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

  const refreshLibrary = useCallback(
    () => attempt(async () => void (await Promise.all([refreshPages(), call('documents.facets', {}).then(setFacets)]))),
    [attempt, refreshPages],
  );
  useEffect(() => void call('documents.facets', {}).then(setFacets).catch(() => undefined), []);

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

  /** Brings back the given deletion (one report or a selection), or the last one. */
  const undoDelete = useCallback(
    (snapshots?: DeletedDocument[]) =>
      attempt(async () => {
        const target = snapshots ?? deleted[deleted.length - 1];
        if (!target) return;
        setDeleted((list) => list.filter((d) => d !== target));
        for (const snapshot of target) await call('documents.restore', { token: snapshot.undoToken });
        await refreshLibrary();
        notify(target.length === 1 ? `Restored “${target[0]!.document.title}”.` : `Restored ${plural(target.length, 'report', 'reports')}.`);
      }),
    [attempt, deleted, refreshLibrary, notify],
  );

  const deleteDocuments = useCallback(
    (ids: readonly string[]) =>
      attempt(async () => {
        if (ids.length === 0) return;
        const snapshots: DeletedDocument[] = [];
        try {
          for (const id of ids) {
            snapshots.push(await call('documents.delete', { id }));
            onDeleted(id);
          }
        } finally {
          if (snapshots.length > 0) {
            setDetails(null);
            setDeleted((list) => [...list, snapshots]);
            setSelection((s) => without(s, ids));
            await refreshLibrary();
          }
        }
        const annotations = snapshots.reduce((n, s) => n + s.annotations, 0);
        const what = snapshots.length === 1 ? `“${snapshots[0]!.document.title}”` : plural(snapshots.length, 'report', 'reports');
        notify(`Deleted ${what} and ${snapshots.length === 1 ? 'its' : 'their'} ${plural(annotations, 'annotation', 'annotations')}.`, 'info', {
          label: 'Undo',
          run: () => void undoDelete(snapshots),
        });
      }),
    [attempt, refreshLibrary, notify, undoDelete, onDeleted],
  );

  const tagDocuments = useCallback(
    (ids: readonly string[], tag: string) =>
      attempt(async () => {
        const { tagged } = await call('documents.tag', { ids: [...ids], tag });
        await refreshLibrary();
        notify(`Tagged ${plural(tagged, 'report', 'reports')} “${tag}”.`);
      }),
    [attempt, refreshLibrary, notify],
  );

  const changeFilter = useCallback((next: LibraryFilter) => {
    setFilter(next);
    setActive(0);
    scrollTop.current = 0;
  }, []);
  const changeSort = useCallback((next: LibrarySort) => {
    setSort(next);
    setActive(0);
    scrollTop.current = 0;
  }, []);

  return {
    filter,
    setFilter: changeFilter,
    sort,
    setSort: changeSort,
    pages,
    facets,
    selection,
    setSelection,
    active,
    setActive,
    scrollTop,
    refreshLibrary,
    details,
    showDetails: setDetails,
    closeDetails: useCallback(() => setDetails(null), []),
    saveDetails,
    deleteDocument: useCallback((id: string) => deleteDocuments([id]), [deleteDocuments]),
    deleteDocuments,
    tagDocuments,
    undoDelete,
    canUndoDelete: deleted.length > 0,
  };
}

export type LibraryState = ReturnType<typeof useLibrary>;
