// Two to five layers of a report compared span by span (the reader's compare view), over a real store.
import { describe, expect, it } from 'vitest';
import { analystNamed } from '../../electron/services/analysts/analysts';
import { compareLayers, compareLayerSet } from '../../electron/services/analysts/layer-views';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import type { ServiceContext } from '../../electron/services/context';
import { CompareManyArgs } from '../../shared/schemas/analysts';
import { addText, openTestContext } from './helpers';

const text = 'Rebels said they had seized Dorsk, according to the Observatory.';

function tagAs(ctx: ServiceContext, name: string, documentId: string, quote: string, labelId: string): string {
  ctx.analyst = analystNamed(ctx, name).analyst;
  const start = text.indexOf(quote);
  createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length });
  return ctx.analyst.id;
}

describe('layers compared', () => {
  it('marks a span matched only where every other layer has it, and counts the spans all layers have', () => {
    const { ctx } = openTestContext();
    const doc = addText(ctx, text, 'Wire');
    const ann = tagAs(ctx, 'Ann', doc, 'Dorsk', 'location');
    tagAs(ctx, 'Ann', doc, 'the Observatory', 'source');
    const bob = tagAs(ctx, 'Bob', doc, 'Dorsk', 'location');
    tagAs(ctx, 'Bob', doc, 'the Observatory', 'source');
    const cy = tagAs(ctx, 'Cy', doc, 'Dorsk', 'location');
    tagAs(ctx, 'Cy', doc, 'Observatory', 'source');

    const three = compareLayerSet(ctx, doc, [ann, bob, cy]);
    expect(three.inAll).toBe(1);
    expect(three.layers.map((l) => [l.name, l.spans.map((s) => [s.quote, s.matched])])).toEqual([
      ['Ann', [['Dorsk', true], ['the Observatory', false]]],
      ['Bob', [['Dorsk', true], ['the Observatory', false]]],
      ['Cy', [['Dorsk', true], ['Observatory', false]]],
    ]);
    // Two of them: the pair's counts, as the two-layer channel gives them.
    expect(compareLayers(ctx, doc, ann, bob)).toMatchObject({ both: 2, onlyA: 0, onlyB: 0 });
    expect(compareLayers(ctx, doc, ann, cy)).toMatchObject({ both: 1, onlyA: 1, onlyB: 1 });
  });

  it('takes two to five different layers', () => {
    const ok = (layers: string[]) => CompareManyArgs.safeParse({ documentId: 'd1', layers }).success;
    expect(ok(['a', 'b'])).toBe(true);
    expect(ok(['a', 'b', 'c', 'd', 'gold'])).toBe(true);
    expect(ok(['a'])).toBe(false);
    expect(ok(['a', 'b', 'c', 'd', 'e', 'f'])).toBe(false);
    expect(ok(['a', 'a'])).toBe(false);
  });
});
