// Find in a report: every match of a query in a document's text, for the reader's find bar.
// Runs here rather than in the renderer, which may hold only part of a long report. The folded
// text of the last few documents searched is kept, since typing a query runs one find per key.
import { AppError } from '../../../shared/errors';
import type { FindInText, TextMatches } from '../../../shared/schemas/find';
import { BadPattern, findMatches, foldForFind } from '../../../shared/text/find';
import type { FoldedText } from '../../../shared/text/fold';
import type { Store } from '../../store/store';
import type { ServiceContext } from '../context';
import { documentText } from '../library/document-text';
import { SlowPattern, timedRegexMatches } from './timed-regex';

/** At most this many matches are returned; the result says when there were more. */
export const findLimit = 50_000;

const cacheSize = 2;
const folds = new WeakMap<Store, Map<string, { text: string; caseSensitive: boolean; folded: FoldedText }>>();

function foldedFor(ctx: ServiceContext, documentId: string, text: string, caseSensitive: boolean): FoldedText {
  let cache = folds.get(ctx.store);
  if (!cache) folds.set(ctx.store, (cache = new Map()));
  const key = `${documentId}:${caseSensitive}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.folded;
  const folded = foldForFind(text, caseSensitive);
  cache.delete(key);
  cache.set(key, { text, caseSensitive, folded });
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return folded;
}

export function findInText(ctx: ServiceContext, input: FindInText): TextMatches {
  const text = documentText(ctx, input.documentId);
  // An empty query (sent when the find bar opens) folds the text ahead, so the first key is fast.
  if (input.query === '' && !input.regex) foldedFor(ctx, input.documentId, text, input.caseSensitive);
  try {
    const found = findMatches(text, () => foldedFor(ctx, input.documentId, text, input.caseSensitive), input, findLimit, timedRegexMatches);
    return { documentId: input.documentId, ...found, limit: findLimit };
  } catch (error) {
    if (error instanceof BadPattern || error instanceof SlowPattern) throw new AppError('INVALID_ARGS', error.message);
    throw error;
  }
}
