// The sidebar's list of a report's annotations, asked of main a page at a time (a long report
// has hundreds of thousands): counts per label, the pages the list shows, and an annotation's
// index for scrolling to it. Edits in the reader come through the document window: a change to
// a listed annotation is patched in place; anything that changes the set or its order reloads.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import { call } from '../api';
import type { AnnotationEdit, DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { viewedLayer } from '../state/view-layer';

export const listPageSize = 100;

type Pages = { generation: number; items: ReadonlyMap<number, ReaderAnnotation[]> };

export interface AnnotationList {
  /** All annotations, and per label (null until counted). */
  total: number | null;
  byLabel: Readonly<Record<string, number>>;
  /** How many the list shows (the labels not hidden). */
  shown: number;
  /** The annotation at an index of the list, once its page is loaded. */
  at(index: number): ReaderAnnotation | undefined;
  /** Loads the pages covering [from, to]. */
  need(from: number, to: number): void;
  /** The index of an annotation in the list, or null when its label is hidden. */
  indexOf(id: string): Promise<number | null>;
  /** Every listed annotation loaded, by id (for the names of linked annotations). */
  loaded: ReadonlyMap<string, ReaderAnnotation>;
}

export function useAnnotationList(
  window: DocumentWindow,
  labels: readonly Label[],
  hiddenLabels: ReadonlySet<string>,
  /** Annotations the cards name (the other ends of links): fetched when not listed nearby. */
  named: readonly string[],
): AnnotationList {
  const { documentId } = window;
  const labelIds = useMemo(() => (hiddenLabels.size ? labels.filter((l) => !hiddenLabels.has(l.id)).map((l) => l.id) : null), [labels, hiddenLabels]);
  const [counts, setCounts] = useState<{ total: number; byLabel: Record<string, number> } | null>(null);
  /** Loaded pages of the current generation (older pages stay on screen until the first new one comes). */
  const [pages, setPagesState] = useState<Pages>({ generation: 0, items: new Map() });
  const pagesRef = useRef(pages);
  const setPages = useCallback((next: Pages) => {
    pagesRef.current = next;
    setPagesState(next);
  }, []);
  /** Bumped when the set of annotations or the filter changes: counts and pages load again. */
  const [generation, setGeneration] = useState(0);
  const generationRef = useRef(0);
  const requested = useRef(new Set<number>());
  const visible = useRef<[number, number]>([0, 0]);

  useEffect(() => {
    let current = true;
    call('annotations.counts', { documentId, layer: viewedLayer() }).then((c) => current && setCounts({ total: c.total, byLabel: c.byLabel }), () => undefined);
    return () => {
      current = false;
    };
  }, [documentId, generation]);

  const loadPage = useCallback(
    (page: number) => {
      const gen = generationRef.current;
      requested.current.add(page);
      call('annotations.page', { documentId, labelIds, layer: viewedLayer(), offset: page * listPageSize, limit: listPageSize }).then(
        (result) => {
          if (gen !== generationRef.current) return;
          const old = pagesRef.current;
          setPages({ generation: gen, items: new Map(old.generation === gen ? old.items : []).set(page, result.items) });
        },
        () => requested.current.delete(page),
      );
    },
    [documentId, labelIds, setPages],
  );

  useEffect(() => {
    generationRef.current++;
    requested.current = new Set();
    const [from, to] = visible.current;
    for (let page = Math.floor(from / listPageSize); page <= Math.floor(to / listPageSize); page++) loadPage(page);
  }, [loadPage, generation]);

  useEffect(
    () =>
      window.subscribeEdits((edit: AnnotationEdit) => {
        const id = edit.put ? edit.put.id : edit.drop;
        if (id.startsWith('pending:')) return;
        const put = edit.put;
        // A note or other change that keeps the annotation where it is in the list: patch it in place.
        const old = pagesRef.current;
        for (const [page, items] of old.items) {
          const i = items.findIndex((a) => a.id === id);
          if (i < 0 || !put) continue;
          const was = items[i]!;
          if (was.labelId !== put.labelId || was.start !== put.start || was.end !== put.end) break;
          setPages({ generation: old.generation, items: new Map(old.items).set(page, items.map((a, j) => (j === i ? put : a))) });
          return;
        }
        setGeneration((g) => g + 1);
      }),
    [window, setPages],
  );

  const shown = counts ? (labelIds ? labelIds.reduce((n, id) => n + (counts.byLabel[id] ?? 0), 0) : counts.total) : 0;
  const [others, setOthers] = useState<ReadonlyMap<string, ReaderAnnotation>>(new Map());
  const loaded = useMemo(() => {
    const byId = new Map(others);
    for (const items of pages.items.values()) for (const a of items) byId.set(a.id, a);
    return byId;
  }, [pages, others]);
  const missing = named.filter((id) => !loaded.has(id)).join(' ');
  useEffect(() => {
    if (!missing) return;
    let current = true;
    Promise.allSettled(missing.split(' ').map((id) => call('annotations.locate', { id, labelIds: null }))).then((results) => {
      if (!current) return;
      const found = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.annotation] : []));
      if (found.length) setOthers((old) => new Map([...old, ...found.map((a): [string, ReaderAnnotation] => [a.id, a])]));
    });
    return () => {
      current = false;
    };
  }, [missing]);


  const at = useCallback((index: number) => pages.items.get(Math.floor(index / listPageSize))?.[index % listPageSize], [pages]);
  const need = useCallback(
    (from: number, to: number) => {
      visible.current = [from, to];
      for (let page = Math.floor(from / listPageSize); page <= Math.floor(to / listPageSize); page++) {
        if (!requested.current.has(page)) loadPage(page);
      }
    },
    [loadPage],
  );
  const indexOf = useCallback(async (id: string) => (await call('annotations.locate', { id, labelIds })).rank, [labelIds]);

  return { total: counts?.total ?? null, byLabel: counts?.byLabel ?? {}, shown, at, need, indexOf, loaded };
}
