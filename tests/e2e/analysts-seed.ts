// Two analysts' layers over two reports, made through the real services as each analyst
// (ctx.analyst): Ann and Bob agree on a claim and a place, differ on a source, and Bob left the
// second report untouched.
import { analystNamed } from '../../electron/services/analysts/analysts';
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
