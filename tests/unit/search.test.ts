// Corpus search over a real store with its FTS5 index: query syntax, filters, label-scoped and
// attribute queries, edits searchable at once, deletes and undo, and hit offsets checked in Python.
import { describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { deleteDocument } from '../../electron/services/library/document-delete';
import { restoreDocument } from '../../electron/services/library/document-restore';
import { addDocument, updateDocument } from '../../electron/services/library/documents';
import { search } from '../../electron/services/search/search';
import type { ServiceContext } from '../../electron/services/context';
import { SearchQuery, type SearchQueryArgs } from '../../shared/schemas/search';
import { runProcess } from './child-process';
import { errorCodeOf, openTestContext } from './helpers';

function find(ctx: ServiceContext, query: string, extra: Omit<SearchQueryArgs, 'query'> = {}) {
  return search(ctx.store.db, SearchQuery.parse({ query, ...extra }));
}
const titles = (ctx: ServiceContext, query: string, extra: Omit<SearchQueryArgs, 'query'> = {}): string[] =>
  find(ctx, query, extra).reports.map((r) => r.title);

function add(ctx: ServiceContext, title: string, text: string, details: { outlet?: string; publishedAt?: string } = {}): string {
  const result = addDocument(ctx, { title, text, ...details });
  if (result.status !== 'added') throw new Error('duplicate');
  return result.document.id;
}

function tag(ctx: ServiceContext, documentId: string, text: string, word: string, labelId: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(word, at + 1);
  return createAnnotation(ctx, { documentId, labelId, start: at, end: at + word.length }).id;
}

function library() {
  const t = openTestContext();
  const aleppo = 'Shelling hit Aleppo on Monday. The convoy reached Aleppo late, officials said.';
  const idlib = 'The convoy was stopped near Idlib; aid workers said the road to Aleppo was closed.';
  const harbour = 'Fishing crews in Port Alder said grain prices had doubled since the spring.';
  const ids = {
    aleppo: add(t.ctx, 'Aleppo shelling', aleppo, { outlet: 'Meridian Wire', publishedAt: '2025-03-10' }),
    idlib: add(t.ctx, 'Convoy stopped', idlib, { outlet: 'Radio Kestrava', publishedAt: '2025-04-02' }),
    harbour: add(t.ctx, 'Harbour prices', harbour, { outlet: 'Meridian Wire', publishedAt: '2024-12-30' }),
  };
  return { ...t, ids, texts: { aleppo, idlib, harbour } };
}

describe('search: query syntax', () => {
  it('finds words, phrases, prefixes, AND/OR/NOT and NEAR', () => {
    const { ctx } = library();
    expect(titles(ctx, 'convoy').sort()).toEqual(['Aleppo shelling', 'Convoy stopped']);
    expect(titles(ctx, '"convoy reached"')).toEqual(['Aleppo shelling']);
    expect(titles(ctx, 'conv*').sort()).toEqual(['Aleppo shelling', 'Convoy stopped']);
    expect(titles(ctx, 'convoy AND Idlib')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'Idlib OR grain').sort()).toEqual(['Convoy stopped', 'Harbour prices']);
    expect(titles(ctx, 'convoy NOT Idlib')).toEqual(['Aleppo shelling']);
    expect(titles(ctx, 'convoy -Idlib')).toEqual(['Aleppo shelling']);
    expect(titles(ctx, '(Idlib OR grain) NOT crews')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'NEAR(convoy Idlib, 3)')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'NEAR(convoy closed, 2)')).toEqual([]);
  });

  it('ranks a title match first and marks the match in the snippet', () => {
    const { ctx } = library();
    const result = find(ctx, 'aleppo');
    expect(result.total).toBe(2);
    expect(result.reports[0]!.title).toBe('Aleppo shelling');
    const hit = result.reports[0]!.hits[0]!;
    expect(result.reports[0]!.hitCount).toBe(2);
    expect(Array.from(hit.snippet).slice(hit.snippetMatch.start, hit.snippetMatch.end).join('')).toBe('Aleppo');
  });

  it.each([
    ['"unclosed', 'closing quote'],
    ['NOT aleppo', 'NOT only leaves things out'],
    ['(aleppo', 'missing its ")"'],
    ['aleppo)', 'has no "("'],
    ['aleppo OR', 'OR needs'],
    ['from:yesterday', 'takes a date'],
    ['label:Nowhere aleppo', 'no label named "Nowhere"'],
    ['Claim.colour:red', 'has no attribute "colour"'],
  ])('refuses %s with a message, never an FTS5 error', (query, message) => {
    const { ctx } = library();
    expect(errorCodeOf(() => find(ctx, query))).toBe('INVALID_ARGS');
    expect(() => find(ctx, query)).toThrow(message);
  });

  it('passes FTS5 operators and punctuation through as words', () => {
    const { ctx } = library();
    for (const query of ['aleppo:', '"a" * ^ + {x} NEAR/2', 'AND', 'col:umn', "'; DROP TABLE documents; --", '*', '^aleppo']) {
      expect(() => find(ctx, query), query).not.toThrow(/fts5|syntax/i);
    }
    expect(titles(ctx, '^aleppo').length).toBe(2);
  });
});

describe('search: filters and annotations', () => {
  it('filters by outlet, tag, date range and report', () => {
    const { ctx, ids } = library();
    updateDocument(ctx, { id: ids.idlib, tags: ['north'] });
    expect(titles(ctx, 'said', { outlet: 'meridian wire' }).sort()).toEqual(['Aleppo shelling', 'Harbour prices']);
    expect(titles(ctx, 'said outlet:"Radio Kestrava"')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'said', { tag: 'NORTH' })).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'said from:2025-01-01 to:2025-03').sort()).toEqual(['Aleppo shelling']);
    expect(titles(ctx, 'said', { dateFrom: '2025-03-10', dateTo: '2025-04-02' }).sort()).toEqual(['Aleppo shelling', 'Convoy stopped']);
    expect(titles(ctx, 'said', { documentId: ids.harbour })).toEqual(['Harbour prices']);
  });

  it('finds text inside spans of a label, and gives the span of each hit', () => {
    const { ctx, ids, texts } = library();
    const location = tag(ctx, ids.aleppo, texts.aleppo, 'Aleppo', 'location', 1);
    tag(ctx, ids.idlib, texts.idlib, 'Idlib', 'location');
    const result = find(ctx, 'Aleppo label:Location');
    expect(result.reports.map((r) => r.title)).toEqual(['Aleppo shelling']);
    const hit = result.reports[0]!.hits[0]!;
    expect(result.reports[0]!.hitCount).toBe(1);
    expect(hit.annotationId).toBe(location);
    expect(hit.start).toBe(texts.aleppo.indexOf('Aleppo', texts.aleppo.indexOf('Aleppo') + 1));
    expect(find(ctx, 'Aleppo', { label: 'location' }).total).toBe(1);
    // The words for it: Aleppo WITHIN Location.
    expect(find(ctx, 'Aleppo WITHIN Location').reports[0]!.hits.map((h) => h.annotationId)).toEqual([location]);
    expect(errorCodeOf(() => find(ctx, 'Aleppo WITHIN'))).toBe('INVALID_ARGS');
    // A label with no text: its spans.
    expect(find(ctx, 'label:location').reports.flatMap((r) => r.hits.map((h) => h.quote)).sort()).toEqual(['Aleppo', 'Idlib']);
  });

  it('finds reports having a claim with a given status, and those claims', () => {
    const { ctx, ids, texts } = library();
    const claim = createAnnotation(ctx, { documentId: ids.idlib, labelId: 'claim', start: 0, end: texts.idlib.indexOf(';') });
    createAnnotation(ctx, { documentId: ids.aleppo, labelId: 'claim', start: 0, end: 29 });
    setValues(ctx, claim.id, { status: 'refuted' });
    const result = find(ctx, 'Claim.status:refuted');
    expect(result.reports.map((r) => r.title)).toEqual(['Convoy stopped']);
    expect(result.reports[0]!.hits.map((h) => h.annotationId)).toEqual([claim.id]);
    expect(titles(ctx, 'convoy Claim.status:refuted')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'grain Claim.status:refuted')).toEqual([]);
  });

  it('finds annotation notes', () => {
    const { ctx, ids, texts } = library();
    const id = tag(ctx, ids.harbour, texts.harbour, 'Port Alder', 'location');
    updateAnnotation(ctx, { id, note: 'check with the harbourmaster' });
    const result = find(ctx, 'harbourmaster');
    expect(result.reports.map((r) => r.title)).toEqual(['Harbour prices']);
    expect(result.reports[0]!.hits[0]).toMatchObject({ field: 'note', annotationId: id, quote: 'Port Alder' });
  });
});

describe('search: the index follows every write at once', () => {
  it('edits, deletes and undo of a delete', () => {
    const { ctx, ids, texts } = library();
    expect(titles(ctx, 'Kestrava')).toEqual(['Convoy stopped']); // outlet is in the details
    updateDocument(ctx, { id: ids.harbour, title: 'Tromsø fish market' });
    expect(titles(ctx, 'tromso')).toEqual(['Tromsø fish market']);
    expect(titles(ctx, 'Harbour')).toEqual([]);
    const annotation = tag(ctx, ids.idlib, texts.idlib, 'Idlib', 'location');
    expect(titles(ctx, 'idlib label:location')).toEqual(['Convoy stopped']);
    deleteAnnotation(ctx, annotation);
    expect(titles(ctx, 'idlib label:location')).toEqual([]);
    tag(ctx, ids.idlib, texts.idlib, 'Idlib', 'location');
    const deleted = deleteDocument(ctx, ids.idlib);
    expect(titles(ctx, 'idlib')).toEqual([]);
    restoreDocument(ctx, deleted.undoToken);
    expect(titles(ctx, 'idlib')).toEqual(['Convoy stopped']);
    expect(titles(ctx, 'idlib label:location')).toEqual(['Convoy stopped']);
  });
});

describe('search: scripts and offsets', () => {
  it('finds Arabic across harakat, hamza and taa marbuta, CJK by characters, and offsets hold in Python', async () => {
    const { ctx } = openTestContext();
    const texts: Record<string, string> = {};
    const put = (title: string, text: string): void => {
      texts[add(ctx, title, text)] = text;
    };
    put('arabic', '🙂📍 قال مُحَمَّدٌ إنّ المدرسةَ في حَلَب مغلقة. أحمد 🚧 زار مدرسة أخرى في حلب.');
    put('persian', 'کتاب‌ها در ایران 📈 چاپ شد؛ كتابها');
    put('combining', 'Zu\u0308rich e\u0301te\u0301 🛰️ zürich Zürich');
    put('cjk', '🙂北京大学的学生在北京。');
    put('turkish', 'İstanbul ve ıstanbul 🙂 ISTANBUL');
    const queries = ['المدرسة', 'محمد', 'مدرسه', 'حلب', 'احمد', 'كتابها', 'zurich', 'ete', '北京', 'istanbul', 'مدرس*'];
    const hits = [];
    for (const query of queries) {
      const result = find(ctx, query, { hitsPerReport: 50 });
      expect(result.total, query).toBeGreaterThan(0);
      hits.push(...result.reports.flatMap((r) => r.hits));
    }
    expect(find(ctx, '北京').reports[0]!.hitCount).toBe(2);
    expect(find(ctx, 'zurich').reports[0]!.hitCount).toBe(3);
    expect(find(ctx, 'مدرسه').reports[0]!.hitCount).toBe(2);
    const run = await runProcess('python3', ['tests/unit/search-offsets.py'], { input: JSON.stringify({ texts, hits }) });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { checked: number; bad: unknown[] };
    expect(report.bad).toEqual([]);
    expect(report.checked).toBe(hits.length);
    expect(hits.map((h) => h.quote)).toContain('مُحَمَّدٌ');
    expect(hits.map((h) => h.quote)).toContain('Zu\u0308rich');
  });
});
