// `glossa search`: corpus search from the command line, over the same service as the Search
// screen. Prints {"total", "hits": [{documentId, title, start, end, quote, snippet}]}, hits of
// the best report first; start/end are code points of the report's text (as Python counts).
import { AppError } from '../shared/errors';
import { SearchQuery } from '../shared/schemas/search';
import type { Core } from './core';
import { search } from './services/search/search';

export const searchCommandUsage = `  search QUERY [--label NAME] [--doc ID] [--limit N]
                                          Search reports: words, "phrases", prefix*, AND/OR/NOT,
                                          NEAR(a b, 5), label:NAME, outlet:, tag:, from:, to:,
                                          Label.attribute:value. Prints {total (reports), hits}.`;

export const searchOptions = { limit: { type: 'string' } } as const;

export class SearchUsageError extends Error {}

export interface SearchInvocation {
  args: string[];
  values: { label?: string; doc?: string; limit?: string };
}

export function searchLimit(raw: string | undefined): number {
  if (raw === undefined) return 20;
  if (!/^[1-9][0-9]{0,3}$/.test(raw) || Number(raw) > 1000) throw new SearchUsageError(`--limit must be a whole number from 1 to 1000 (got "${raw}").`);
  return Number(raw);
}

export function checkSearchUsage(invocation: SearchInvocation): void {
  if (invocation.args.join(' ').trim() === '' && !invocation.values.label) throw new SearchUsageError('search needs a QUERY (or --label NAME).');
  searchLimit(invocation.values.limit);
}

export function runSearch(core: Core, invocation: SearchInvocation): unknown {
  checkSearchUsage(invocation);
  const limit = searchLimit(invocation.values.limit);
  const query = SearchQuery.safeParse({
    query: invocation.args.join(' '),
    label: invocation.values.label,
    documentId: invocation.values.doc,
    pageSize: Math.min(limit, 200),
    hitsPerReport: Math.min(limit, 200),
  });
  if (!query.success) throw new AppError('INVALID_ARGS', `Search: ${query.error.issues[0]?.message ?? 'the query is not valid'}.`);
  // A command has no window to keep responsive: rank every candidate, so `total` is exact.
  const result = search(core.store.db, query.data, { candidateCap: Number.MAX_SAFE_INTEGER });
  const hits = result.reports
    .flatMap((report) => report.hits)
    .slice(0, limit)
    .map(({ documentId, title, start, end, quote, snippet }) => ({ documentId, title, start, end, quote, snippet }));
  return { total: result.total, hits };
}
