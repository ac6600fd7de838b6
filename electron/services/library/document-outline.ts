// The reader's view of a document without its text: the block index (computed once per document,
// as texts never change after import) and windows of the text, so that opening a report costs the
// same at ten million characters as at ten thousand.
import { packBlocks, splitBlocks, type Block } from '../../../shared/blocks';
import { AppError } from '../../../shared/errors';
import { splitsSurrogatePair } from '../../../shared/offsets';
import type { BlockIndex, DocumentOutline } from '../../../shared/schemas/library';
import type { Store } from '../../store/store';
import type { ServiceContext } from '../context';
import { documentText } from './document-text';
import { getDocumentMeta } from './documents';

const cacheSize = 16;
const caches = new WeakMap<Store, Map<string, { blocks: Block[]; index: BlockIndex }>>();

/** The document's blocks, from the cache or cut from its text (most recently used kept). */
function cachedBlocks(ctx: ServiceContext, documentId: string): { blocks: Block[]; index: BlockIndex } {
  let cache = caches.get(ctx.store);
  if (!cache) caches.set(ctx.store, (cache = new Map()));
  const cached = cache.get(documentId);
  if (cached) {
    cache.delete(documentId);
    cache.set(documentId, cached);
    return cached;
  }
  const blocks = splitBlocks(documentText(ctx, documentId));
  const entry = { blocks, index: { count: blocks.length, packed: packBlocks(blocks) } };
  cache.set(documentId, entry);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return entry;
}

/** The document's blocks (the reader's paragraphs), cut once per document. */
export function documentBlocks(ctx: ServiceContext, documentId: string): readonly Block[] {
  return cachedBlocks(ctx, documentId).blocks;
}

export function documentOutline(ctx: ServiceContext, id: string): DocumentOutline {
  const document = getDocumentMeta(ctx, id);
  return { document, blocks: cachedBlocks(ctx, id).index };
}

/** Text [start, end) of a document, checked against its length and its surrogate pairs. */
export function textRange(ctx: ServiceContext, id: string, start: number, end: number): string {
  const text = documentText(ctx, id);
  if (start > end || end > text.length) {
    throw new AppError('INVALID_ARGS', `The range ${start}–${end} is not inside the document (${text.length}).`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AppError('INVALID_ARGS', 'The range cuts a character in half (inside a surrogate pair).');
  }
  return text.slice(start, end);
}
