// The claims table (issue 5): every claim with its document, sources and locations; filters,
// sorts and pages computed in SQL.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { claimsTable } from '../../electron/services/claims/claims';
import { addDocument } from '../../electron/services/library/documents';
import { createHandlers } from '../../electron/services/index';
import { createAttribute } from '../../electron/services/schema/attributes';
import { resolvePlace } from '../../electron/services/places/places';
import { createRelation } from '../../electron/services/annotate/relations';
import type { ServiceContext } from '../../electron/services/context';
import { errorCodeOf, openTestContext } from './helpers';

interface Seeded {
  ctx: ServiceContext;
  ids: Record<string, string>;
  docs: Record<string, string>;
}

function tag(ctx: ServiceContext, documentId: string, text: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function seed(): Seeded & ReturnType<typeof openTestContext> {
  const t = openTestContext();
  const { ctx, store } = t;
  const reports = [
    { key: 'march', title: 'March sitrep', date: '2024-03-10', tags: ['syria', 'weekly'],
      text: 'Rebels said they seized Daraa, the Observatory reported. The army denied losing the town.' },
    { key: 'april', title: 'April brief', date: '2024-04-02', tags: ['syria'],
      text: 'Twelve civilians died in shelling, a local doctor said. Officials called the figure inflated.' },
    { key: 'undated', title: 'Undated note', date: null, tags: [],
      text: 'Aid convoys reached the border, according to an unnamed source.' },
  ];
  const docs: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const r of reports) {
    const added = addDocument(ctx, { title: r.title, text: r.text, publishedAt: r.date });
    if (added.status !== 'added') throw new Error('duplicate');
    docs[r.key] = added.document.id;
    texts[r.key] = r.text;
    for (const tagName of r.tags) store.db.prepare('INSERT INTO document_tags (document_id, tag) VALUES (?, ?)').run(added.document.id, tagName);
  }
  const ids: Record<string, string> = {};
  const t1 = texts.march!;
  ids.seized = tag(ctx, docs.march!, t1, 'Rebels said they seized Daraa', 'claim');
  ids.denied = tag(ctx, docs.march!, t1, 'The army denied losing the town', 'claim');
  ids.observatory = tag(ctx, docs.march!, t1, 'the Observatory', 'source');
  ids.army = tag(ctx, docs.march!, t1, 'The army', 'source');
  ids.daraa = tag(ctx, docs.march!, t1, 'Daraa', 'location');
  const t2 = texts.april!;
  ids.twelve = tag(ctx, docs.april!, t2, 'Twelve civilians died in shelling', 'claim');
  ids.inflated = tag(ctx, docs.april!, t2, 'Officials called the figure inflated', 'claim');
  ids.doctor = tag(ctx, docs.april!, t2, 'a local doctor', 'source');
  ids.officials = tag(ctx, docs.april!, t2, 'Officials', 'source');
  const t3 = texts.undated!;
  ids.convoys = tag(ctx, docs.undated!, t3, 'Aid convoys reached the border', 'claim');

  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.seized, toId: ids.observatory });
  createRelation(ctx, { typeId: 'located-at', fromId: ids.seized, toId: ids.daraa });
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.denied, toId: ids.army });
  createRelation(ctx, { typeId: 'located-at', fromId: ids.denied, toId: ids.daraa });
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.twelve, toId: ids.doctor });
  createRelation(ctx, { typeId: 'attributed-to', fromId: ids.inflated, toId: ids.officials });
  resolvePlace(ctx, { annotationId: ids.daraa, lat: 32.62, lon: 36.1, name: 'Daraa' });

  setValues(ctx, ids.seized, { status: 'disputed', confidence: 'low', 'claim type': 'territorial control' });
  setValues(ctx, ids.denied, { status: 'unverified' });
  setValues(ctx, ids.twelve, { status: 'corroborated', 'claim type': 'casualty figure' });
  setValues(ctx, ids.inflated, { status: 'refuted' });
  setValues(ctx, ids.observatory, { kind: 'NGO/monitor', named: true });
  setValues(ctx, ids.army, { kind: 'military' });
  setValues(ctx, ids.doctor, { kind: 'eyewitness', named: false });
  setValues(ctx, ids.officials, { kind: 'official' });
  return { ...t, ids, docs };
}

const quotesOf = (page: { rows: { quote: string }[] }) => page.rows.map((r) => r.quote);

describe('claims table', () => {
  it('lists every claim with its document, date, sources with kinds, locations with places and attributes', () => {
    const { ctx, ids, docs } = seed();
    const page = claimsTable(ctx, {});
    expect(page.total).toBe(5);
    // Newest document first; undated last.
    expect(quotesOf(page)).toEqual([
      'Twelve civilians died in shelling',
      'Officials called the figure inflated',
      'Rebels said they seized Daraa',
      'The army denied losing the town',
      'Aid convoys reached the border',
    ]);
    const seized = page.rows.find((r) => r.id === ids.seized)!;
    expect(seized).toMatchObject({
      documentId: docs.march,
      documentTitle: 'March sitrep',
      publishedAt: '2024-03-10',
      attributes: { 'claim-status': 'disputed', 'claim-confidence': 'low', 'claim-type': 'territorial control' },
      sources: [{ id: ids.observatory, quote: 'the Observatory', attributes: { 'source-kind': 'NGO/monitor', 'source-named': true } }],
      locations: [{ id: ids.daraa, quote: 'Daraa', place: { name: 'Daraa', lat: 32.62, lon: 36.1, geonameid: null, country: null } }],
    });
    expect(page.rows.find((r) => r.id === ids.convoys)).toMatchObject({ sources: [], locations: [], attributes: {} });
  });

  it('filters by status, source kind, dates, tags, documents, text and links', () => {
    const { ctx, ids, docs } = seed();
    const q = (filters: object) => quotesOf(claimsTable(ctx, { filters, sort: { key: 'quote', direction: 'asc' } }));
    expect(q({ attributes: [{ attributeId: 'claim-status', values: ['disputed', 'refuted'] }] })).toEqual([
      'Officials called the figure inflated',
      'Rebels said they seized Daraa',
    ]);
    expect(q({ sourceAttributes: [{ attributeId: 'source-kind', values: ['military', 'official'] }] })).toEqual([
      'Officials called the figure inflated',
      'The army denied losing the town',
    ]);
    expect(q({ sourceAttributes: [{ attributeId: 'source-named', values: [true] }] })).toEqual(['Rebels said they seized Daraa']);
    expect(q({ dateFrom: '2024-04-01' })).toHaveLength(2);
    expect(q({ dateFrom: '2024-03-10', dateTo: '2024-03-10' })).toHaveLength(2);
    expect(q({ tags: ['WEEKLY'] })).toEqual(['Rebels said they seized Daraa', 'The army denied losing the town']);
    expect(q({ documentIds: [docs.undated] })).toEqual(['Aid convoys reached the border']);
    expect(q({ text: 'CIVILIANS' })).toEqual(['Twelve civilians died in shelling']);
    expect(q({ text: '100%_' })).toEqual([]);
    expect(q({ hasLocation: true })).toHaveLength(2);
    expect(q({ hasSource: false })).toEqual(['Aid convoys reached the border']);
    expect(
      q({
        attributes: [{ attributeId: 'claim-status', values: ['unverified', 'disputed'] }],
        sourceAttributes: [{ attributeId: 'source-kind', values: ['military'] }],
      }),
    ).toEqual(['The army denied losing the town']);
    // A multi-choice attribute matches when its list holds one of the values.
    const topics = createAttribute(ctx, { labelId: 'claim', name: 'topics', type: 'multi', options: ['aid', 'arms', 'border'] });
    setValues(ctx, ids.convoys!, { topics: ['aid', 'border'] });
    expect(q({ attributes: [{ attributeId: topics.id, values: ['border'] }] })).toEqual(['Aid convoys reached the border']);
  });

  it('sorts by date, document, quote, creation and attribute (choices in their order), and pages', () => {
    const { ctx } = seed();
    const sort = (sort: object) => quotesOf(claimsTable(ctx, { sort: sort as never }));
    expect(sort({ key: 'date', direction: 'asc' })[0]).toBe('Rebels said they seized Daraa');
    expect(sort({ key: 'document', direction: 'asc' })[0]).toBe('Twelve civilians died in shelling');
    expect(sort({ key: 'created', direction: 'asc' })[0]).toBe('Rebels said they seized Daraa');
    expect(sort({ key: 'attribute', attributeId: 'claim-status', direction: 'asc' })).toEqual([
      'The army denied losing the town', // unverified
      'Twelve civilians died in shelling', // corroborated
      'Rebels said they seized Daraa', // disputed
      'Officials called the figure inflated', // refuted
      'Aid convoys reached the border', // no status: last either way
    ]);
    expect(sort({ key: 'attribute', attributeId: 'claim-status', direction: 'desc' }).at(-1)).toBe('Aid convoys reached the border');

    const all = sort({ key: 'quote', direction: 'asc' });
    const first = claimsTable(ctx, { sort: { key: 'quote', direction: 'asc' }, limit: 2 });
    const second = claimsTable(ctx, { sort: { key: 'quote', direction: 'asc' }, limit: 2, offset: 2 });
    const last = claimsTable(ctx, { sort: { key: 'quote', direction: 'asc' }, limit: 2, offset: 4 });
    expect([...quotesOf(first), ...quotesOf(second), ...quotesOf(last)]).toEqual(all);
    expect([first.total, second.total, last.total, last.offset]).toEqual([5, 5, 5, 4]);
  });

  it('pages from a cached order that any change to the store renews', () => {
    const { ctx, store, ids } = seed();
    const query = { filters: { attributes: [{ attributeId: 'claim-status', values: ['disputed'] }] } };
    expect(quotesOf(claimsTable(ctx, query))).toEqual(['Rebels said they seized Daraa']);
    setValues(ctx, ids.denied!, { status: 'disputed' });
    expect(claimsTable(ctx, query).total).toBe(2);
    store.db.prepare('DELETE FROM annotations WHERE id = ?').run(ids.seized);
    expect(quotesOf(claimsTable(ctx, query))).toEqual(['The army denied losing the town']);
    expect(claimsTable(ctx, { ...query, offset: 1 })).toEqual({ total: 1, offset: 1, rows: [] });
  });

  it('refuses unknown attributes, backwards dates and malformed queries', async () => {
    const { ctx } = seed();
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    expect(errorCodeOf(() => claimsTable(ctx, { filters: { attributes: [{ attributeId: 'nope', values: ['x'] }] } }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => claimsTable(ctx, { filters: { dateFrom: '2024-05-01', dateTo: '2024-04-01' } }))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => claimsTable(ctx, { labelId: 'nope' }))).toBe('NOT_FOUND');
    for (const args of [
      { limit: 100_000 },
      { sort: { key: 'attribute' } },
      { filters: { dateFrom: '10/03/2024' } },
      { filters: { status: ['disputed'] } },
    ]) {
      const answer = await dispatch('claims.table', args);
      expect(!answer.ok && answer.error.code).toBe('INVALID_ARGS');
    }
    const ok = await dispatch('claims.table', { filters: { attributes: [{ attributeId: 'claim-status', values: ['disputed'] }] } });
    expect(ok.ok && (ok.value as { total: number }).total).toBe(1);
  });
});
