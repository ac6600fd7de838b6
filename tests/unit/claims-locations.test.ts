// The claims table's locations (issue 14): a Location tagged inside a claim that is located at
// nothing counts as its location, marked implicit; Sources and Locations sort.
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { createRelation } from '../../electron/services/annotate/relations';
import { claimsTable } from '../../electron/services/claims/claims';
import type { ServiceContext } from '../../electron/services/context';
import { addDocument } from '../../electron/services/library/documents';
import { resolvePlace } from '../../electron/services/places/places';
import { openTestContext } from './helpers';

const text =
  'Rebels said they seized Daraa on Friday. Monitors reported shelling near Busra and in Inkhil. ' +
  'Officials denied the losses. a doctor said twelve people died in Aleppo.';

function tag(ctx: ServiceContext, documentId: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function seed() {
  const t = openTestContext();
  const { ctx } = t;
  const added = addDocument(ctx, { title: 'Sitrep', text, publishedAt: '2024-03-10' });
  if (added.status !== 'added') throw new Error('duplicate');
  const doc = added.document.id;
  const ids = {
    seized: tag(ctx, doc, 'they seized Daraa on Friday', 'claim'),
    shelling: tag(ctx, doc, 'shelling near Busra and in Inkhil', 'claim'),
    denied: tag(ctx, doc, 'Officials denied the losses', 'claim'),
    died: tag(ctx, doc, 'twelve people died in Aleppo', 'claim'),
    rebels: tag(ctx, doc, 'Rebels', 'source'),
    monitors: tag(ctx, doc, 'Monitors', 'source'),
    doctor: tag(ctx, doc, 'a doctor', 'source'),
    daraa: tag(ctx, doc, 'Daraa', 'location'),
    busra: tag(ctx, doc, 'Busra', 'location'),
    inkhil: tag(ctx, doc, 'Inkhil', 'location'),
    aleppo: tag(ctx, doc, 'Aleppo', 'location'),
  };
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.seized, toId: ids.rebels });
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.shelling, toId: ids.monitors });
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.died, toId: ids.doctor });
  // "died in Aleppo" is linked to Daraa: a link wins over what the claim contains.
  createRelation(ctx, { typeId: 'located-at', fromId: ids.died, toId: ids.daraa });
  resolvePlace(ctx, { annotationId: ids.busra, lat: 32.52, lon: 36.48, name: 'Bosra' });
  return { ...t, ids };
}

describe('claims table locations', () => {
  it('takes the Location spans inside a claim located at nothing, marked implicit', () => {
    const { ctx, ids } = seed();
    const rows = new Map(claimsTable(ctx, {}).rows.map((r) => [r.id, r]));
    expect(rows.get(ids.seized)!.locations).toEqual([{ id: ids.daraa, quote: 'Daraa', implicit: true, place: null }]);
    expect(rows.get(ids.shelling)!.locations.map((l) => [l.quote, l.implicit, l.place?.name ?? null])).toEqual([
      ['Busra', true, 'Bosra'],
      ['Inkhil', true, null],
    ]);
    expect(rows.get(ids.died)!.locations).toEqual([{ id: ids.daraa, quote: 'Daraa', place: null }]);
    expect(rows.get(ids.denied)!.locations).toEqual([]);
  });

  it('sorts by the first source and by the first location (place name, linked or inside), empty ones last', () => {
    const { ctx, ids } = seed();
    const order = (key: 'sources' | 'locations', direction: 'asc' | 'desc') => claimsTable(ctx, { sort: { key, direction } }).rows.map((r) => r.id);
    // a doctor, Monitors, Rebels (whatever the case); the denial has no source.
    expect(order('sources', 'asc')).toEqual([ids.died, ids.shelling, ids.seized, ids.denied]);
    expect(order('sources', 'desc')).toEqual([ids.seized, ids.shelling, ids.died, ids.denied]);
    // Bosra (Busra resolved, inside), Daraa (linked), Daraa (inside), then none.
    expect(order('locations', 'asc')).toEqual([ids.shelling, ...[ids.seized, ids.died].sort(), ids.denied]);
    expect(order('locations', 'desc').at(-1)).toBe(ids.denied);
  });
});
