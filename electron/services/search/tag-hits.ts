// Tagging the hits of a corpus search with one label (search.tagHits): the hits selected in the
// result list, or every hit in the text of every report the search finds, all pages and no cap.
// One transaction over every report, so the step is undone at once (annotations.deleteMany with
// the ids made), and redone by tagging the ranges it made again (hits given). Each report's ranges go through createAnnotations, which validates them and skips
// ranges the label already tags.
import { AppError } from '../../../shared/errors';
import { maxBulk } from '../../../shared/schemas/find';
import type { SearchQuery, TagHits, TaggedHits } from '../../../shared/schemas/search';
import { createAnnotations } from '../annotate/annotations-bulk';
import type { ServiceContext } from '../context';
import { search } from './search';
import type { z } from 'zod';

type Range = { start: number; end: number };
const reportsPerPage = 200;

/** Every hit in the text of every report the search finds, by report (UTF-16 ranges). */
function everyTextHit(ctx: ServiceContext, query: z.output<typeof TagHits>['search']): Map<string, Range[]> {
  const byReport = new Map<string, Range[]>();
  let count = 0;
  for (let page = 0; ; page += 1) {
    const args: z.output<typeof SearchQuery> = { ...query, page, pageSize: reportsPerPage, hitsPerReport: maxBulk + 1 };
    const results = search(ctx.store.db, args, { candidateCap: Number.MAX_SAFE_INTEGER });
    for (const report of results.reports) {
      const ranges = report.hits.filter((hit) => hit.field === 'text').map((hit) => hit.utf16);
      if (ranges.length === 0) continue;
      count += ranges.length;
      if (count > maxBulk) {
        throw new AppError('INVALID_ARGS', `This search has more than ${maxBulk.toLocaleString('en')} hits, too many to tag in one step. Narrow it (a filter, a phrase) and try again.`);
      }
      byReport.set(report.documentId, ranges);
    }
    if ((page + 1) * reportsPerPage >= results.total) return byReport;
  }
}

function givenHits(hits: NonNullable<z.output<typeof TagHits>['hits']>): Map<string, Range[]> {
  const byReport = new Map<string, Range[]>();
  for (const { documentId, start, end } of hits) {
    const ranges = byReport.get(documentId) ?? [];
    ranges.push({ start, end });
    byReport.set(documentId, ranges);
  }
  return byReport;
}

export function tagHits(ctx: ServiceContext, input: z.output<typeof TagHits>): TaggedHits {
  return ctx.store.transaction(() => {
    const byReport = input.hits ? givenHits(input.hits) : everyTextHit(ctx, input.search);
    const createdIds: string[] = [];
    const created: { documentId: string; start: number; end: number }[] = [];
    let skipped = 0;
    let reports = 0;
    for (const [documentId, ranges] of byReport) {
      const result = createAnnotations(ctx, { documentId, labelId: input.labelId, ranges });
      createdIds.push(...result.created.map((a) => a.id));
      created.push(...result.created.map((a) => ({ documentId, start: a.start, end: a.end })));
      skipped += result.skipped;
      if (result.created.length > 0) reports += 1;
    }
    return { createdIds, created, skipped, reports };
  });
}
