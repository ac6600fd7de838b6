// The virtual rows of a keyboard grid (the library and the claims table): one row, the active
// one, is in the Tab order; arrows, Page Up/Down, Home and End move it. The active row is always
// rendered, even scrolled out of view, and focus follows it in the same commit: a focused row
// that the virtualiser unmounted while the scroll caught up used to leave the focus on <body>,
// and keys pressed in that moment were lost (fast keys lost the grid's focus).
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export interface GridRowsOptions {
  count: number;
  rowHeight: number;
  overscan: number;
  active: number;
  setActive(index: number): void;
  /** Fetches the rows first..last that are not loaded (usePagedRows' ensure). */
  ensure(first: number, last: number): void;
  initialOffset?: () => number;
}

export interface GridRows {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Makes index (clamped) the active row, scrolls to it and focuses it. */
  move(index: number): number | null;
  /** Rows of one page of scrolling (Page Up/Down). */
  pageRows(): number;
  /** The row a navigation key moves to from the active one, or null for other keys. */
  target(key: string): number | null;
}

export function useGridRows(options: GridRowsOptions): GridRows {
  const { count, rowHeight, overscan, active, setActive, ensure } = options;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active >= 0 && active < range.count && !indexes.includes(active)) return [...indexes, active].sort((a, b) => a - b);
      return indexes;
    },
    [active],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    rangeExtractor,
    initialOffset: options.initialOffset,
  });
  // The rows on screen and the overscan (not the active row kept rendered far away).
  const range = virtualizer.range;
  const first = range ? Math.max(0, range.startIndex - overscan) : 0;
  const last = range ? Math.min(count - 1, range.endIndex + overscan) : -1;
  useEffect(() => ensure(first, last), [ensure, first, last]);
  useEffect(() => {
    if (active < count) ensure(active, active);
  }, [ensure, active, count]);

  const focusWanted = useRef(false);
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const move = useCallback(
    (to: number) => {
      if (count === 0) return null;
      const index = Math.max(0, Math.min(count - 1, to));
      focusWanted.current = true;
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      return index;
    },
    [count, virtualizer, setActive],
  );

  const pageRows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  const target = (key: string): number | null => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows(), PageUp: -pageRows() };
    if (key in steps) return active + steps[key]!;
    if (key === 'Home') return 0;
    if (key === 'End') return count - 1;
    return null;
  };

  return { scrollRef, virtualizer, move, pageRows, target };
}
