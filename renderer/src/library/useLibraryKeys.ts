// Keyboard and mouse over the library table: one row in the Tab order (the active one), arrows,
// Page Up/Down, Home and End move it; Shift extends the selection, Ctrl/Cmd moves without
// selecting, Space toggles (or, while typing a title, is part of it), Ctrl/Cmd+A selects every report the filter shows, Escape clears;
// Enter opens, Alt+Enter shows details, Delete deletes; typing a title's start jumps to it.
import { useCallback, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/library';
import { call } from '../api';
import type { GridRows } from '../grid/useGridRows';
import { rangeBounds, selectOnly, selectRange, toggle, typeAheadMatch } from './library-selection';
import type { LibraryState } from './useLibrary';
import { libraryPageSize } from './useLibraryPages';

export interface RowActions {
  open(doc: DocumentSummary): void;
  details(doc: DocumentSummary): void;
  delete(ids: readonly string[]): void;
}

export function useLibraryKeys(library: LibraryState, grid: GridRows, actions: RowActions) {
  const { pages, active, setActive, selection, setSelection, filter, sort } = library;
  const { scrollRef } = grid;
  const count = pages.total ?? 0;
  const typed = useRef({ text: '', at: 0 });

  const idsBetween = useCallback(
    async (from: number, to: number): Promise<string[]> => call('documents.queryIds', { filter, sort, ...rangeBounds(from, to) }),
    [filter, sort],
  );

  /** A range or select-all waiting for ids from main: Delete waits for it, so it acts on what was chosen. */
  const pendingSelection = useRef<Promise<void> | null>(null);
  const track = (work: Promise<void>) => {
    pendingSelection.current = work;
    void work.finally(() => {
      if (pendingSelection.current === work) pendingSelection.current = null;
    });
  };

  const extendTo = useCallback(
    async (index: number, keep: boolean) => {
      const work = idsBetween(selection.anchor, index).then((ids) => setSelection((s) => selectRange(s, ids, keep)));
      track(work);
      await work;
    },
    [idsBetween, selection.anchor, setSelection],
  );

  const { move: moveGrid } = grid;
  const move = useCallback(
    (to: number, how: 'select' | 'extend' | 'focus') => {
      const index = moveGrid(to);
      if (index === null) return;
      if (how === 'extend') void extendTo(index, false);
      else if (how === 'select') {
        const row = pages.row(index);
        setSelection((s) => (row ? selectOnly(row.id, index) : { ...s, anchor: index }));
      }
    },
    [moveGrid, extendTo, pages, setSelection],
  );

  const selectAll = useCallback(async () => {
    const work = call('documents.queryIds', { filter, sort }).then((ids) => setSelection({ ids: new Set(ids), anchor: 0 }));
    track(work);
    await work;
  }, [filter, sort, setSelection]);

  /** The reports an action applies to: the selection, or else the active row (as of the last render). */
  const targets = (): string[] => {
    if (selection.ids.size > 0) return [...selection.ids];
    const row = pages.row(active);
    return row ? [row.id] : [];
  };
  const latestTargets = useRef(targets);
  latestTargets.current = targets;
  /** Deletes once a pending range has arrived and been rendered. */
  const deleteTargets = async () => {
    if (pendingSelection.current) {
      await pendingSelection.current.catch(() => undefined);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
    actions.delete(latestTargets.current());
  };

  const typeAhead = (key: string) => {
    const now = Date.now();
    const text = now - typed.current.at < 800 ? typed.current.text + key : key;
    typed.current = { text, at: now };
    // Loaded rows only: titles of pages not fetched yet are not known here.
    const loaded = Math.min(count, (Math.floor(Math.max(active, 0) / libraryPageSize) + 1) * libraryPageSize * 4);
    const titles = Array.from({ length: loaded }, (_, i) => pages.row(i)?.title);
    const from = text.length === 1 ? active + 1 : active;
    const found = typeAheadMatch(titles, text, from);
    if (found !== null) move(found, 'focus');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.matches('[role="row"]')) return;
    const mod = event.ctrlKey || event.metaKey;
    const how = event.shiftKey ? 'extend' : mod ? 'focus' : 'select';
    const to = grid.target(event.key);
    let handled = true;
    if (to !== null) {
      if (event.key === 'ArrowUp' && active === 0 && !event.shiftKey) focusHeader(scrollRef);
      else move(to, how);
    } else if (event.key === ' ' && !mod && !event.altKey && Date.now() - typed.current.at < 800) typeAhead(' ');
    else if (event.key === ' ' && !event.altKey) {
      const row = pages.row(active);
      if (row) setSelection((s) => toggle(s, row.id, active));
    } else if (mod && event.key.toLowerCase() === 'a' && !event.shiftKey) void selectAll();
    else if (event.key === 'Escape' && selection.ids.size > 0) setSelection((s) => ({ ids: new Set(), anchor: s.anchor }));
    else if (event.key === 'Enter') {
      const row = pages.row(active);
      if (row) (event.altKey ? actions.details : actions.open)(row);
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) void deleteTargets();
    else if (event.key.length === 1 && !mod && !event.altKey) typeAhead(event.key);
    else handled = false;
    if (handled) event.preventDefault();
  };

  /** A click on a row: plain selects it, Ctrl/Cmd toggles, Shift selects the range from the anchor. */
  const onRowClick = (event: MouseEvent, index: number, doc: DocumentSummary | undefined) => {
    setActive(index);
    if (!doc) return;
    if (event.shiftKey) void extendTo(index, event.ctrlKey || event.metaKey);
    else if (event.ctrlKey || event.metaKey) setSelection((s) => toggle(s, doc.id, index));
    else setSelection(selectOnly(doc.id, index));
  };

  return { onKeyDown, onRowClick, count };
}

/** ArrowUp on the first row goes to the column headers (the grid's first row). */
function focusHeader(scrollRef: RefObject<HTMLDivElement | null>) {
  const grid = scrollRef.current?.closest('[role="grid"]');
  const current = grid?.querySelector<HTMLElement>('[aria-sort="ascending"] button, [aria-sort="descending"] button');
  (current ?? grid?.querySelector<HTMLElement>('[role="columnheader"] button'))?.focus();
}
