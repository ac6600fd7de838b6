// The find bar's channel (text.find) and tagging every match (annotations.createMany, undone by
// annotations.deleteMany), through the real dispatcher over a real SQLite store.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation, listAnnotations } from '../../electron/services/annotate/annotations';
import { findLimit } from '../../electron/services/annotate/find-in-text';
import { SlowPattern, timedRegexMatches } from '../../electron/services/annotate/timed-regex';
import { regexMatches } from '../../shared/text/find';
import { createHandlers } from '../../electron/services/index';
import type { Envelope } from '../../shared/errors';
import { TextMatches, type CreatedAnnotations, type DeletedAnnotations } from '../../shared/schemas/find';
import { addText, openTestContext, rowCounts } from './helpers';

const text = 'Rebels entered Alep\u0300po 👍🏽 on Friday. ALEPPO was calm; Aleppos is not a word.\n\nحَلَبَ و حلب.';

function setup(body = text) {
  const t = openTestContext();
  const dispatch = createDispatcher(createHandlers(t.ctx), { logError: () => undefined });
  const documentId = addText(t.ctx, body);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const envelope = (await dispatch(channel, args)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  const failure = async (channel: string, args: unknown) => {
    const envelope = await dispatch(channel, args);
    return envelope.ok ? null : envelope.error;
  };
  const find = (query: string, options: Partial<{ caseSensitive: boolean; wholeWord: boolean; regex: boolean }> = {}) =>
    call<TextMatches>('text.find', { documentId, query, caseSensitive: false, wholeWord: false, regex: false, ...options });
  return { ...t, documentId, call, failure, find, body };
}

const quotes = (body: string, matches: TextMatches) => matches.starts.map((s, i) => body.slice(s, matches.ends[i]));

describe('text.find', () => {
  it('finds folded matches across the whole text, in order, as UTF-16 ranges of the original', async () => {
    const { find } = setup();
    const all = await find('aleppo');
    expect(quotes(text, all)).toEqual(['Alep\u0300po', 'ALEPPO', 'Aleppo']);
    expect(all.capped).toBe(false);
    expect(all.limit).toBe(findLimit);
    expect(quotes(text, await find('aleppo', { wholeWord: true }))).toEqual(['Alep\u0300po', 'ALEPPO']);
    expect(quotes(text, await find('ALEPPO', { caseSensitive: true }))).toEqual(['ALEPPO']);
    expect(quotes(text, await find('حلب'))).toEqual(['حَلَبَ', 'حلب']);
    expect(quotes(text, await find('👍🏽'))).toEqual(['👍🏽']);
    expect(quotes(text, await find('Alep+o', { regex: true }))).toEqual(['ALEPPO', 'Aleppo']);
    expect((await find('')).starts).toEqual([]);
  });

  it('answers a bad regular expression, an unknown document and a malformed call with typed errors', async () => {
    const { failure, documentId } = setup();
    const bad = await failure('text.find', { documentId, query: '(unclosed', caseSensitive: false, wholeWord: false, regex: true });
    expect(bad).toMatchObject({ code: 'INVALID_ARGS' });
    expect(bad?.message).toMatch(/^Not a valid regular expression: .*/);
    expect(await failure('text.find', { documentId: 'nope', query: 'a', caseSensitive: false, wholeWord: false, regex: false })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('text.find', { documentId, query: 'a' })).toMatchObject({ code: 'INVALID_ARGS' });
  });

  it('stops a regular expression that backtracks for ever, with a message, and runs the same loop as the shared one', async () => {
    const started = performance.now();
    expect(() => timedRegexMatches(`${'a'.repeat(40)}!`, /(a+)+b/gu, 10, 100)).toThrow(SlowPattern);
    expect(performance.now() - started).toBeLessThan(3_000);

    const cases: [string, string][] = [
      [text, '\\p{L}+'],
      [text, 'x*'],
      ['👍🏽👍🏽a', '(?:)'],
      ['a'.repeat(30), 'a'],
    ];
    for (const [body, source] of cases) {
      const pattern = () => new RegExp(source, 'gu');
      expect(timedRegexMatches(body, pattern(), 20)).toEqual(regexMatches(body, pattern(), 20));
    }
  });

  it('checks the offsets it returns (in one pass per column)', () => {
    const valid = { documentId: 'd', starts: [0, 4], ends: [3, 7], capped: false, limit: 10 };
    expect(TextMatches.safeParse(valid).success).toBe(true);
    for (const starts of [[-1], [1.5], ['3'], 'x', [Number.NaN]]) expect(TextMatches.safeParse({ ...valid, starts }).success).toBe(false);
  });

  it('caps the matches of a very common query and says so', async () => {
    const body = 'a '.repeat(findLimit + 10);
    const { find } = setup(body);
    const many = await find('a');
    expect(many.starts).toHaveLength(findLimit);
    expect(many.capped).toBe(true);
  });
});

describe('annotations.createMany and deleteMany', () => {
  it('tags every range in one call, skips and counts ranges already tagged with that label, and deleteMany undoes it', async () => {
    const { ctx, store, call, find, documentId } = setup();
    const matches = await find('aleppo');
    const ranges = matches.starts.map((start, i) => ({ start, end: matches.ends[i]! }));
    // The first match is already a location; the second is tagged, but as another label.
    createAnnotation(ctx, { documentId, labelId: 'location', ...ranges[0]! });
    createAnnotation(ctx, { documentId, labelId: 'claim', ...ranges[1]! });

    const result = await call<CreatedAnnotations>('annotations.createMany', { documentId, labelId: 'location', ranges: [...ranges, ranges[2]] });
    expect(result.skipped).toBe(2);
    expect(result.created.map((a) => a.quote)).toEqual(['ALEPPO', 'Aleppo']);
    expect(result.created.every((a) => a.labelId === 'location' && a.documentId === documentId)).toBe(true);
    expect(listAnnotations(ctx, documentId)).toHaveLength(4);

    const undone = await call<DeletedAnnotations>('annotations.deleteMany', { ids: [...result.created.map((a) => a.id), 'gone'] });
    expect(undone.deletedIds.sort()).toEqual(result.created.map((a) => a.id).sort());
    expect(rowCounts(store).annotations).toBe(2);

    // Redo is createMany again with the same ranges.
    const redone = await call<CreatedAnnotations>('annotations.createMany', { documentId, labelId: 'location', ranges });
    expect(redone).toMatchObject({ skipped: 1 });
    expect(redone.created.map((a) => [a.start, a.end])).toEqual(result.created.map((a) => [a.start, a.end]));
  });

  it('validates every range as a single create does, and writes nothing when one fails (one transaction)', async () => {
    const { store, failure, documentId, body } = setup();
    const good = { start: body.indexOf('Rebels'), end: body.indexOf('Rebels') + 6 };
    const emoji = body.indexOf('👍🏽');
    const blank = body.indexOf('\n\n');
    const bad = [
      { start: emoji + 1, end: emoji + 3 },
      { start: blank, end: blank + 2 },
      { start: body.length - 1, end: body.length + 4 },
    ];
    for (const range of bad) {
      const error = await failure('annotations.createMany', { documentId, labelId: 'location', ranges: [good, range] });
      expect(error).toMatchObject({ code: 'INVALID_ARGS' });
      expect(error?.message).toMatch(/^Range 2 of 2: /);
    }
    expect(await failure('annotations.createMany', { documentId, labelId: 'no-such-label', ranges: [good] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('annotations.createMany', { documentId: 'nope', labelId: 'location', ranges: [good] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('annotations.createMany', { documentId, labelId: 'location', ranges: [] })).toMatchObject({ code: 'INVALID_ARGS' });
    expect(await failure('annotations.createMany', { documentId, labelId: 'location', ranges: [{ start: 5, end: 5 }] })).toMatchObject({ code: 'INVALID_ARGS' });
    expect(await failure('annotations.deleteMany', { ids: [] })).toMatchObject({ code: 'INVALID_ARGS' });
    expect(rowCounts(store).annotations).toBe(0);
  });
});
