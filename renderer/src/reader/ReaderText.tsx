import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type MutableRefObject, type RefObject } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { DocumentWindow } from '../state/document-window';
import { blockIndexAt, type Block } from './blocks';
import { BlockView, layerStep } from './BlockView';
import { noHits, type Hit } from './find-hits';
import { RelationArcs, type Arc } from './RelationArcs';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderPlace } from './reader-place';
import { arrowMoveFor } from './text-direction';
import {
  applyDomSelection,
  fromMouse,
  moveCursor,
  readDomSelection,
  selectionRange,
  type TextSelection,
} from './text-selection';

export interface ReaderTextHandle {
  /** Scrolls an annotation's span into view and flashes it. */
  reveal(annotation: ReaderAnnotation): void;
  /** Selects a range of the text (UTF-16 units), scrolled into view, as if chosen from the keyboard. */
  selectRange(start: number, end: number): void;
  /** Scrolls a text offset into view (the block holding it, centred); its window loads on the way. */
  scrollToOffset(offset: number): void;
  focus(): void;
  /** The offset where the first block on screen starts (where a find begins). */
  firstVisibleOffset(): number;
}

/** The find bar's current match; a new serial scrolls to it again. */
export interface CurrentMatch {
  index: number;
  start: number;
  serial: number;
}

/** Where the view is scrolled to, kept up to date as it scrolls (see reader-place.ts). */
export type ScrollPlace = Pick<ReaderPlace, 'block' | 'within' | 'offset'>;

interface ReaderTextProps {
  /** The report's text and annotations, loaded by window; `version` changes when they do. */
  window: DocumentWindow;
  version: number;
  labels: ReadonlyMap<string, Label>;
  selectedAnnotation: ReaderAnnotation | null;
  flashId: string | null;
  selection: TextSelection | null;
  onSelectionChange(selection: TextSelection | null): void;
  onAnnotationClick(id: string): void;
  onKeyCommand(event: KeyboardEvent<HTMLDivElement>): boolean;
  /** Links of the selected annotation, drawn as connectors over the text. */
  arcs: readonly Arc[];
  /** Where to start (coming back to a report); and where the view is, written as it scrolls. */
  initialPlace?: ScrollPlace;
  placeRef: MutableRefObject<ScrollPlace | null>;
  /** The find bar's matches, per block (empty when the find bar is closed). */
  findHits: readonly (readonly Hit[])[];
  currentMatch: CurrentMatch | null;
  /** The highlight filter by status (status-filter.ts): what each block paints; absent paints all. */
  paint?: (annotations: readonly ReaderAnnotation[]) => readonly ReaderAnnotation[];
  /** What a screen reader hears about the selected annotation (its values, links and place). */
  selectedDescription: string | null;
}

/** Rough height of a block before it is measured: keeps the scrollbar honest on long texts. */
function estimateHeight(block: Block): number {
  return Math.ceil((block.end - block.start) / 78 + 0.3) * 32 + 20;
}

export const ReaderText = forwardRef<ReaderTextHandle, ReaderTextProps>(function ReaderText(props, ref) {
  const { window: doc, version, labels, selectedAnnotation, flashId, selection, onSelectionChange, placeRef } = props;
  const { blocks } = doc;
  const text = doc;
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const altHeld = useRef(false);
  /** Where the keyboard cursor continues from after a selection is tagged or cleared. */
  const lastSelection = useRef<TextSelection | null>(null);
  if (selection) lastSelection.current = selection;

  // Keep the blocks at both ends of the selection rendered, so it survives scrolling.
  const pinned = useMemo(() => {
    if (!selection) return [];
    const { start, end } = selectionRange(selection);
    return [blockIndexAt(blocks, start), blockIndexAt(blocks, Math.max(start, end - 1))];
  }, [selection, blocks]);
  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b),
    [pinned],
  );
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimateHeight(blocks[index]!),
    overscan: 3,
    rangeExtractor,
    // Room above the first line for relation connectors.
    paddingStart: 40,
  });

  useImperativeHandle(ref, () => ({
    reveal(annotation) {
      virtualizer.scrollToIndex(blockIndexAt(blocks, annotation.start), { align: 'center' });
    },
    selectRange(start, end) {
      keyboardSelection.current = true;
      onSelectionChange({ anchor: start, focus: end });
      virtualizer.scrollToIndex(blockIndexAt(blocks, start), { align: 'center' });
      scrollRef.current?.focus();
    },
    scrollToOffset(offset) {
      virtualizer.scrollToIndex(blockIndexAt(blocks, offset), { align: 'center' });
    },
    focus() {
      scrollRef.current?.focus();
    },
    firstVisibleOffset() {
      return firstVisible()?.anchor ?? 0;
    },
  }));

  // Coming back to a report: scroll to where the analyst was, before the first paint.
  useLayoutEffect(() => {
    const place = props.initialPlace;
    const scroller = scrollRef.current;
    if (!place || !scroller) return;
    scroller.scrollTop = (virtualizer.getOffsetForIndex(Math.min(place.block, blocks.length - 1), 'start')?.[0] ?? 0) + place.within;
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  // Load the windows on screen, their neighbours (so a scroll or a keyboard move finds them
  // ready) and those of the selection's ends.
  useEffect(() => {
    const wanted = new Set<number>();
    for (const index of [firstIndex, lastIndex, ...pinned]) {
      const k = doc.windowOfBlock(index);
      wanted.add(k).add(k - 1).add(k + 1);
    }
    void doc.ensure([...wanted]);
  }, [doc, firstIndex, lastIndex, pinned]);

  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0;
    const first = virtualizer.getVirtualItems().find((item) => item.end > top);
    if (first) placeRef.current = { block: first.index, within: Math.max(0, top - first.start), offset: blocks[first.index]!.start };
  };

  useRevealMatch(props.currentMatch, blocks, (index) => virtualizer.scrollToIndex(index, { align: 'center' }), textRef, scrollRef);

  // Mirror a keyboard-made selection into the DOM once its blocks are rendered; so too one the
  // reader had when the analyst left the report (the only way to start with a selection).
  const keyboardSelection = useRef(selection !== null);
  useLayoutEffect(() => {
    if (!keyboardSelection.current || !selection || !textRef.current) return;
    if (applyDomSelection(textRef.current, selection)) {
      window.getSelection()?.getRangeAt(0).startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    }
  });

  useEffect(() => {
    if (!selection) window.getSelection()?.removeAllRanges();
  }, [selection]);

  const takeMouseSelection = () => {
    const root = textRef.current;
    if (!root) return;
    const raw = readDomSelection(root);
    if (!raw) return;
    const next = fromMouse(text, raw, altHeld.current);
    keyboardSelection.current = false;
    if (next) applyDomSelection(root, next);
    onSelectionChange(next);
  };

  const onMouseUp = (event: MouseEvent) => {
    altHeld.current = event.altKey;
    takeMouseSelection();
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (window.getSelection()?.isCollapsed === false) return;
    const target = event.target as HTMLElement;
    const segment = target.closest<HTMLElement>('[data-ids]') ?? underlinedSegmentAt(target, event.clientX, event.clientY);
    if (!segment) {
      onSelectionChange(null);
      return;
    }
    const ids = segment.dataset.ids!.split(' ');
    const layers = segment.dataset.layers!.split(' ').map(Number);
    const clicked = underlineAt(segment, layers, event.clientY);
    const id = clicked === null ? undefined : ids[layers.indexOf(clicked)];
    const blockIndex = Number(segment.closest<HTMLElement>('[data-index]')?.dataset.index);
    props.onAnnotationClick(id ?? cycle(ids, selectedAnnotation?.id ?? null, doc.blockAnnotations(blockIndex) ?? []));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = selection ?? caretAfter(lastSelection.current) ?? firstVisible();
    // ← and → follow the reading direction of the paragraph the cursor is in (→ goes back in Arabic).
    const move = arrowMoveFor(event.key, from ? blockText(from.focus) : '');
    if (move && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      // A move reads the text beside the cursor: wait for its windows when it crosses into one not loaded yet.
      const around = from ? windowsBeside(doc, from.focus) : [];
      if (around.some((k) => !doc.isLoaded(k))) {
        const { shiftKey, altKey } = event;
        void doc.ensure(around).then(() => applyMove(moveCursor(text, blocks, from, move, shiftKey, altKey)));
        return;
      }
      applyMove(moveCursor(text, blocks, from, move, event.shiftKey, event.altKey));
      return;
    }
    if (props.onKeyCommand(event)) event.preventDefault();
  };

  /** The start of the paragraph holding `offset` (as far as it is loaded): enough to tell its direction. */
  const blockText = (offset: number) => {
    const block = blocks[blockIndexAt(blocks, offset)];
    return block ? text.slice(block.start, Math.min(block.end, block.start + 400)) : '';
  };

  const applyMove = (next: TextSelection | null) => {
    if (!next) return;
    keyboardSelection.current = true;
    const { start, end } = selectionRange(next);
    const target = next.focus === start ? start : Math.max(start, end - 1);
    const index = blockIndexAt(blocks, target);
    if (!virtualizer.getVirtualItems().some((item) => item.index === index)) virtualizer.scrollToIndex(index, { align: 'center' });
    onSelectionChange(next);
  };

  /** With nothing selected yet, the keyboard starts just before the first block on screen. */
  const firstVisible = (): TextSelection | null => {
    const first = virtualizer.getVirtualItems().find((item) => item.end > (scrollRef.current?.scrollTop ?? 0));
    const start = blocks[first?.index ?? 0]?.start;
    return start === undefined ? null : { anchor: start, focus: start };
  };

  const selectedId = selectedAnnotation?.id ?? null;
  return (
    <div
      ref={scrollRef}
      className="reader-scroll"
      tabIndex={0}
      role="document"
      aria-label="Report text. Arrow keys move word by word, Shift with arrows selects, Alt for single characters; number keys tag the selection."
      onMouseUp={onMouseUp}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
      data-version={version}
    >
      <div ref={textRef} className="reader-text" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const block = blocks[item.index]!;
          const loaded = doc.blockAnnotations(item.index);
          const annotations = loaded && props.paint ? props.paint(loaded) : loaded;
          const touchesSelected = selectedAnnotation !== null && selectedAnnotation.start < block.end && selectedAnnotation.end > block.start;
          const touchesFlash = flashId !== null && annotations !== null && annotations.some((a) => a.id === flashId);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="block-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {annotations === null ? (
                <p className="block-loading" aria-busy="true" style={{ height: estimateHeight(block) - 20 }} />
              ) : (
                <BlockView
                  text={text}
                  block={block}
                  annotations={annotations}
                  labels={labels}
                  selectedId={touchesSelected ? selectedId : null}
                  flashId={touchesFlash ? flashId : null}
                  hits={props.findHits[item.index] ?? noHits}
                  currentHit={currentHitIn(props.findHits[item.index], props.currentMatch)}
                  selectedDescription={touchesSelected ? props.selectedDescription : null}
                />
              )}
            </div>
          );
        })}
        <RelationArcs arcs={props.arcs} containerRef={textRef} version={`${items.map((i) => `${i.index}:${i.start}`).join()}|${selectedId}`} />
      </div>
    </div>
  );
});

function currentHitIn(hits: readonly Hit[] | undefined, current: CurrentMatch | null): number {
  return current && hits?.some((hit) => hit.index === current.index) ? current.index : -1;
}

/**
 * Scrolls the find bar's current match into view: first its block (the virtualiser renders it),
 * then, a frame or more later when it is in the DOM, the match itself (a block can be taller
 * than the window).
 */
function useRevealMatch(
  current: CurrentMatch | null,
  blocks: readonly Block[],
  scrollToBlock: (index: number) => void,
  textRef: RefObject<HTMLDivElement | null>,
  scrollRef: RefObject<HTMLDivElement | null>,
) {
  const latest = useRef({ blocks, scrollToBlock });
  latest.current = { blocks, scrollToBlock };
  useEffect(() => {
    if (!current) return;
    let frame = 0;
    let handle = 0;
    const step = () => {
      const element = textRef.current?.querySelector<HTMLElement>('[data-find="current"]');
      if (element) {
        if (!inView(element, scrollRef.current)) element.scrollIntoView({ block: 'center' });
        return;
      }
      if (frame % 4 === 0) latest.current.scrollToBlock(blockIndexAt(latest.current.blocks, current.start));
      if (++frame < 40) handle = requestAnimationFrame(step);
    };
    step();
    return () => cancelAnimationFrame(handle);
  }, [current, textRef, scrollRef]);
}

function inView(element: HTMLElement, scroller: HTMLElement | null): boolean {
  if (!scroller) return true;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.top >= view.top && box.bottom <= view.bottom;
}

/**
 * Browsers hit-test inline text by its glyph box, not its padding, where the underline rows
 * are drawn; so a click on a row lands on the paragraph. Find the segment drawn there.
 */
function underlinedSegmentAt(target: HTMLElement, x: number, y: number): HTMLElement | null {
  const block = target.closest('.block');
  if (!block) return null;
  for (const segment of block.querySelectorAll<HTMLElement>('[data-ids]')) {
    for (const rect of segment.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return segment;
    }
  }
  return null;
}

/** The layer whose underline row lies under clientY, if the click hit one. */
function underlineAt(segment: HTMLElement, layers: number[], clientY: number): number | null {
  for (const rect of segment.getClientRects()) {
    if (clientY < rect.top || clientY > rect.bottom) continue;
    const row = Math.floor((rect.bottom - clientY) / layerStep);
    return layers.includes(row) ? row : null;
  }
  return null;
}

/** Clicking the text of a highlight again cycles through the covering annotations, innermost first. */
function cycle(ids: string[], currentId: string | null, blockAnnotations: readonly ReaderAnnotation[]): string {
  const length = (id: string) => spanLength(blockAnnotations.find((a) => a.id === id));
  const bySize = [...ids].sort((a, b) => length(a) - length(b));
  const at = currentId ? bySize.indexOf(currentId) : -1;
  return bySize[(at + 1) % bySize.length]!;
}

function spanLength(annotation: ReaderAnnotation | undefined): number {
  return annotation ? annotation.end - annotation.start : Number.MAX_SAFE_INTEGER;
}

/** The windows a cursor move from `offset` may read: its own and both neighbours. */
function windowsBeside(doc: DocumentWindow, offset: number): number[] {
  const k = doc.windowOfOffset(offset);
  return [k - 1, k, k + 1].filter((w) => w >= 0 && w < doc.windowCount);
}

function caretAfter(selection: TextSelection | null): TextSelection | null {
  if (!selection) return null;
  const { end } = selectionRange(selection);
  return { anchor: end, focus: end };
}
