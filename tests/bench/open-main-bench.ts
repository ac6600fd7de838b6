// open_main_ms: the main process's time for every call the reader makes when it opens a report
// (its first window, then its layers, counts, list, values, links, places and events). Main
// answers one call at a time, so this is how long a large report holds up everything else after
// it is painted (at 200,000 annotations these calls took 1.7 s before migration 18).
import type { Session } from '../harness/harness';
import { median } from './stats';

export const openMainTargetMs = 250;

export async function measureOpenMain(session: Session, documentId: string, runs = 3): Promise<{ median: number; perCall: Record<string, number> }> {
  const windowEnd = 20_000;
  const calls = [
    ['documents.outline', { id: documentId }],
    ['documents.textRange', { id: documentId, start: 0, end: windowEnd }],
    ['annotations.window', { documentId, start: 0, end: windowEnd }],
    ['documents.provenance', { id: documentId }],
    ['layers.list', { documentId }],
    ['annotations.counts', { documentId }],
    ['annotations.page', { documentId, labelIds: null, offset: 0, limit: 100 }],
    ['annotations.attributesForDocument', { documentId }],
    ['relations.listForDocument', { documentId }],
    ['places.list', { documentId }],
    ['events.listForDocument', { documentId }],
  ] as const;
  const totals: number[] = [];
  const perCall: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    let total = 0;
    for (const [channel, args] of calls) {
      const t0 = performance.now();
      await session.call(channel, args as never);
      const ms = performance.now() - t0;
      (perCall[channel] ??= []).push(ms);
      total += ms;
    }
    totals.push(total);
  }
  return { median: median(totals), perCall: Object.fromEntries(Object.entries(perCall).map(([c, ms]) => [c, Math.round(median(ms))])) };
}
