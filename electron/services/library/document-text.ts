// The text of a document, cached: texts never change after import, and tagging reads the text
// of the open document on every call (a million characters costs ~3 ms to read from SQLite).
import { AppError } from '../../../shared/errors';
import type { DocumentFull } from '../../../shared/schemas/library';
import { getDocument } from './documents';
import { checkTextIntact } from './text-integrity';
import type { Store } from '../../store/store';
import type { ServiceContext } from '../context';

const cacheSize = 4;
const caches = new WeakMap<Store, Map<string, string>>();

export function documentText(ctx: ServiceContext, documentId: string): string {
  let cache = caches.get(ctx.store);
  if (!cache) caches.set(ctx.store, (cache = new Map()));
  const cached = cache.get(documentId);
  // A cached text may belong to a document deleted since; its existence is cheap to check.
  if (cached !== undefined && ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    // Most recently used last.
    cache.delete(documentId);
    cache.set(documentId, cached);
    return cached;
  }
  const row = ctx.store.db.prepare('SELECT id, title, text, content_hash AS contentHash FROM documents WHERE id = ?').get(documentId) as
    | { id: string; title: string; text: string; contentHash: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  // Checked once per read from the store, not per window: the cache holds checked text only.
  checkTextIntact(row);
  cache.set(documentId, row.text);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return row.text;
}

/**
 * documents.get: the document with its text from this cache, so the content hash is computed once
 * per cache fill (opening a report used to hash its text here and again when annotating began).
 */
export function getCheckedDocument(ctx: ServiceContext, id: string): DocumentFull {
  return getDocument(ctx, id, documentText(ctx, id));
}

/** Throws NOT_FOUND unless the document exists (whether or not it was ever cached). */
export function assertDocument(ctx: ServiceContext, documentId: string): void {
  if (!ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
}
