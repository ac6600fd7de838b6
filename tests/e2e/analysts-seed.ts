// Two analysts' layers over two reports, made through the real services as each analyst
// (ctx.analyst): Ann and Bob agree on a claim and a place, differ on a source, and Bob left the
// second report untouched.
import { analystNamed } from '../../electron/services/analysts/analysts';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import type { ServiceContext } from '../../electron/services/context';
import { Seeder } from './analysis-seed';

export const wireText = 'Rebels said they had seized Dorsk, according to the Observatory.';
export const otherText = 'Officials in Kharkiv denied the report on Tuesday.';

export function seedTwoAnalysts(ctx: ServiceContext): { wire: Seeder; other: Seeder; restore(): void } {
  const local = ctx.analyst;
  const wire = Seeder.report(ctx, { title: 'Wire', text: wireText });
  const other = Seeder.report(ctx, { title: 'Other wire', text: otherText });
  ctx.analyst = analystNamed(ctx, 'Ann').analyst;
  wire.span('claim', 'Rebels said they had seized Dorsk');
  wire.span('source', 'the Observatory');
  wire.span('location', 'Dorsk', undefined, 'seized ');
  other.span('location', 'Kharkiv');
  ctx.analyst = analystNamed(ctx, 'Bob').analyst;
  wire.span('claim', 'Rebels said they had seized Dorsk');
  wire.span('source', 'Observatory');
  wire.span('location', 'Dorsk', undefined, 'seized ');
  ctx.analyst = local;
  return { wire, other, restore: () => (ctx.analyst = local) };
}

/**
 * 'Long wire': `places` towns tagged by Ann and by Bob, who agree on each but every `every`-th,
 * which Bob marks one character longer. Made as the analysts; the caller restores ctx.analyst.
 */
export function seedLongReport(ctx: ServiceContext, places: number, every: number): { lastQuote: string } {
  const sentences = Array.from({ length: places }, (_, i) => `Shelling was reported near Town${i}. `);
  const text = sentences.join('');
  const report = Seeder.report(ctx, { title: 'Long wire', text });
  let at = 0;
  const spans = sentences.map((sentence, i) => {
    const start = at + sentence.indexOf('Town');
    at += sentence.length;
    return { start, end: start + `Town${i}`.length, differs: i % every === 0 };
  });
  ctx.store.transaction(() => {
    for (const name of ['Ann', 'Bob']) {
      ctx.analyst = analystNamed(ctx, name).analyst;
      for (const s of spans) {
        const end = name === 'Bob' && s.differs ? s.end + 1 : s.end;
        createAnnotation(ctx, { documentId: report.documentId, labelId: 'location', start: s.start, end });
      }
    }
  });
  return { lastQuote: `Town${places - 1}` };
}
