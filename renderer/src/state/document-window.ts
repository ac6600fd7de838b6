// A long report as the reader holds it: its block index (from main, on open) and the text and
// annotations of a few windows of blocks around what is on screen, fetched as the reader scrolls
// and kept in a small LRU. Windows tile the text: window k runs from the start of its first block
// to the start of the next window's first block (the first from 0, the last to the end), so the
// loaded windows answer any read of the text between their edges exactly.
import type { Block } from '../reader/blocks';
import type { DocText } from '../reader/doc-text';
import { readingOrder, updateAnnotationsByBlock } from '../reader/segments';
import type { ReaderAnnotation } from './reader-annotation';

/** Blocks per window: ~20,000 characters of news text. */
export const windowBlocks = 32;
/** Windows kept in memory; those on screen are never dropped. */
export const keptWindows = 12;

export interface WindowContent {
  text: string;
  /** The annotations overlapping the window, in reading order. */
  spans: ReaderAnnotation[];
}

export type WindowFetcher = (start: number, end: number) => Promise<WindowContent>;

interface LoadedWindow extends WindowContent {
  start: number;
  /** Per block of the window, its annotations (arrays kept while unchanged, for memoised blocks). */
  byBlock: ReaderAnnotation[][] | null;
}

type Edit = { seq: number; put?: ReaderAnnotation; drop?: string };

/** An annotation put (created, changed, restored) or dropped (deleted) by an edit. */
export type AnnotationEdit = { put: ReaderAnnotation; drop?: undefined } | { put?: undefined; drop: string };

function overlaps(a: ReaderAnnotation, start: number, end: number): boolean {
  return a.start < end && a.end > start;
}

export class DocumentWindow implements DocText {
  private readonly loaded = new Map<number, LoadedWindow>();
  private readonly fetching = new Map<number, Promise<void>>();
  /** Edits made while windows were being fetched, replayed over what those fetches bring. */
  private edits: Edit[] = [];
  private seq = 0;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<(edit: AnnotationEdit) => void>();
  /** Changes on every load and edit; React reads it to know when to draw again. */
  version = 0;
  readonly windowCount: number;

  constructor(
    readonly documentId: string,
    readonly blocks: readonly Block[],
    readonly length: number,
    private readonly fetchWindow: WindowFetcher,
  ) {
    this.windowCount = Math.max(1, Math.ceil(blocks.length / windowBlocks));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Tells of every edit (the annotation list follows them). */
  subscribeEdits = (listener: (edit: AnnotationEdit) => void): (() => void) => {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  };

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  windowOfBlock(blockIndex: number): number {
    return Math.min(this.windowCount - 1, Math.max(0, Math.floor(blockIndex / windowBlocks)));
  }

  /** The window holding a text offset. */
  windowOfOffset(offset: number): number {
    let lo = 0;
    let hi = this.windowCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.windowStart(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  windowStart(k: number): number {
    return k === 0 ? 0 : this.blocks[k * windowBlocks]!.start;
  }

  windowEnd(k: number): number {
    return k >= this.windowCount - 1 ? this.length : this.blocks[(k + 1) * windowBlocks]!.start;
  }

  isLoaded(k: number): boolean {
    return this.loaded.has(k);
  }

  /** Loads the windows not yet loaded, then drops the least recently used beyond keptWindows. */
  async ensure(windows: readonly number[]): Promise<void> {
    const wanted = [...new Set(windows)].filter((k) => k >= 0 && k < this.windowCount);
    for (const k of wanted) {
      const hit = this.loaded.get(k);
      if (hit) {
        this.loaded.delete(k);
        this.loaded.set(k, hit);
      }
    }
    await Promise.all(wanted.filter((k) => !this.loaded.has(k)).map((k) => this.load(k)));
    this.evict(wanted);
  }

  private load(k: number): Promise<void> {
    const running = this.fetching.get(k);
    if (running) return running;
    const since = this.seq;
    const start = this.windowStart(k);
    const end = this.windowEnd(k);
    const promise = this.fetchWindow(start, end)
      .then((content) => {
        let spans = content.spans;
        for (const edit of this.edits) if (edit.seq > since) spans = applyEdit(spans, edit, start, end);
        this.loaded.set(k, { text: content.text, spans, start, byBlock: null });
        this.changed();
      })
      .finally(() => {
        this.fetching.delete(k);
        if (this.fetching.size === 0) this.edits = [];
      });
    this.fetching.set(k, promise);
    return promise;
  }

  private evict(keep: readonly number[]): void {
    for (const k of this.loaded.keys()) {
      if (this.loaded.size <= keptWindows) break;
      if (!keep.includes(k)) this.loaded.delete(k);
    }
  }

  /** The annotations of a block, or null while its window is not loaded. */
  blockAnnotations(blockIndex: number): readonly ReaderAnnotation[] | null {
    const k = this.windowOfBlock(blockIndex);
    const window = this.loaded.get(k);
    if (!window) return null;
    if (!window.byBlock) {
      window.byBlock = updateAnnotationsByBlock(window.byBlock, this.blocks.slice(k * windowBlocks, (k + 1) * windowBlocks), window.spans);
    }
    return window.byBlock[blockIndex - k * windowBlocks] ?? [];
  }

  /** A loaded annotation by id. */
  find(id: string): ReaderAnnotation | undefined {
    for (const window of this.loaded.values()) {
      const found = window.spans.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Every loaded annotation (the windows around the viewport), in reading order, without repeats. */
  loadedAnnotations(): ReaderAnnotation[] {
    const byId = new Map<string, ReaderAnnotation>();
    for (const window of this.loaded.values()) for (const a of window.spans) byId.set(a.id, a);
    return [...byId.values()].sort(readingOrder);
  }

  /** Adds or replaces an annotation in the loaded windows it overlaps (and in those still coming). */
  put(annotation: ReaderAnnotation): void {
    this.edit({ seq: ++this.seq, put: annotation });
  }

  drop(id: string): void {
    this.edit({ seq: ++this.seq, drop: id });
  }

  /** Many edits (Tag all and its undo), with one change notice for them all. */
  putMany(annotations: readonly ReaderAnnotation[]): void {
    for (const annotation of annotations) this.edit({ seq: ++this.seq, put: annotation }, false);
    this.changed();
  }

  dropMany(ids: readonly string[]): void {
    for (const id of ids) this.edit({ seq: ++this.seq, drop: id }, false);
    this.changed();
  }

  private edit(edit: Edit, notify = true): void {
    if (this.fetching.size) this.edits.push(edit);
    for (const window of this.loaded.values()) {
      const end = window.start + window.text.length;
      const next = applyEdit(window.spans, edit, window.start, end);
      if (next !== window.spans) {
        const previous = window.byBlock;
        window.spans = next;
        const k = this.windowOfOffset(window.start);
        window.byBlock = updateAnnotationsByBlock(previous, this.blocks.slice(k * windowBlocks, (k + 1) * windowBlocks), next);
      }
    }
    if (notify) this.changed();
    const told: AnnotationEdit = edit.put ? { put: edit.put } : { drop: edit.drop! };
    for (const listener of this.editListeners) listener(told);
  }

  // --- DocText over the loaded windows (unloaded text reads as empty) -------------------------

  private at(offset: number): { window: LoadedWindow; index: number } | null {
    const window = this.loaded.get(this.windowOfOffset(offset));
    return window ? { window, index: offset - window.start } : null;
  }

  charAt(offset: number): string {
    const hit = this.at(offset);
    return hit ? hit.window.text.charAt(hit.index) : '';
  }

  charCodeAt(offset: number): number {
    const hit = this.at(offset);
    return hit ? hit.window.text.charCodeAt(hit.index) : Number.NaN;
  }

  codePointAt(offset: number): number | undefined {
    const hit = this.at(offset);
    return hit ? hit.window.text.codePointAt(hit.index) : undefined;
  }

  slice(start: number, end = this.length): string {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (to <= from) return '';
    let result = '';
    for (let k = this.windowOfOffset(from); k < this.windowCount && this.windowStart(k) < to; k++) {
      const window = this.loaded.get(k);
      if (!window) continue;
      result += window.text.slice(Math.max(0, from - window.start), to - window.start);
    }
    return result;
  }

  /** True when the text of [start, end) is all loaded. */
  hasText(start: number, end: number): boolean {
    for (let k = this.windowOfOffset(start); k < this.windowCount && this.windowStart(k) < Math.max(end, start + 1); k++) {
      if (!this.loaded.has(k)) return false;
    }
    return true;
  }
}

function applyEdit(spans: ReaderAnnotation[], edit: Edit, start: number, end: number): ReaderAnnotation[] {
  const id = edit.put?.id ?? edit.drop!;
  const had = spans.some((a) => a.id === id);
  const without = had ? spans.filter((a) => a.id !== id) : spans;
  if (!edit.put || !overlaps(edit.put, start, end)) return had ? without : spans;
  const list = had ? without : [...spans];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (readingOrder(list[mid]!, edit.put) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, edit.put);
  return list;
}
