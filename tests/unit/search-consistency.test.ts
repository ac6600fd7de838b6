// brat's consistency reports: the same text under different labels, and a tagged text left
// untagged elsewhere (compared folded, so case and diacritics do not hide an occurrence).
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { consistencyReport } from '../../electron/services/search/consistency';
import { ConsistencyQuery } from '../../shared/schemas/search';
import { addText, openTestContext } from './helpers';

describe('consistency reports', () => {
  it('lists texts with two labels and untagged occurrences of tagged texts', () => {
    const { ctx } = openTestContext();
    const one = 'Troops entered Kraków at dawn. Kraków was quiet.';
    const two = 'In KRAKOW the mayor spoke; officials in Halvik disagreed.';
    const first = addText(ctx, one, 'First');
    const second = addText(ctx, two, 'Second');
    createAnnotation(ctx, { documentId: first, labelId: 'location', start: 15, end: 21 });
    createAnnotation(ctx, { documentId: second, labelId: 'source', start: two.indexOf('Halvik'), end: two.indexOf('Halvik') + 6 });
    createAnnotation(ctx, { documentId: first, labelId: 'claim', start: one.lastIndexOf('Kraków'), end: one.lastIndexOf('Kraków') + 6 });

    const report = consistencyReport(ctx.store.db, ConsistencyQuery.parse({}));
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]!.labels.map((l) => l.labelId).sort()).toEqual(['claim', 'location']);
    expect(report.conflicts[0]!.examples.map((e) => e.start).sort()).toEqual([15, 31]);

    const krakowAsLocation = report.untagged.find((u) => u.labelId === 'location')!;
    expect(krakowAsLocation.text).toBe('Kraków');
    // The second Kraków of the first report (a claim, not a location) and KRAKOW in the second.
    expect(krakowAsLocation.untagged.map((o) => [o.title, o.start])).toEqual(
      expect.arrayContaining([
        ['First', 31],
        ['Second', 3],
      ]),
    );
    expect(krakowAsLocation.untagged).toHaveLength(2);
    expect(report.untagged.find((u) => u.labelId === 'source')).toBeUndefined();

    const onlySources = consistencyReport(ctx.store.db, ConsistencyQuery.parse({ labelId: 'source' }));
    expect(onlySources.conflicts).toEqual([]);
  });
});
