// Tagging the hits of a corpus search (search.tagHits): every hit in every report's text in one
// transaction, skipping ranges already tagged with the label (counted); or only the hits given;
// and the step undone at once through annotations.deleteMany.
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { deleteAnnotations } from '../../electron/services/annotate/annotations-bulk';
import { tagHits } from '../../electron/services/search/tag-hits';
import { TagHits } from '../../shared/schemas/search';
import { addText, errorCodeOf, openTestContext } from './helpers';

const spans = (db: import('../../electron/store/store').Db, labelId: string) =>
  db.prepare('SELECT document_id AS documentId, start, "end", quote FROM annotations WHERE label_id = ? ORDER BY document_id, start').all(labelId);

describe('search: tag the hits', () => {
  it('tags every hit across reports in one step, skips those already tagged, and undoes at once', () => {
    const { ctx, store } = openTestContext();
    const first = addText(ctx, 'Shelling hit Aleppo. The road to ALEPPO was closed.', 'One');
    const second = addText(ctx, 'Convoys left Āleppo at dawn; Idlib waited.', 'Two');
    addText(ctx, 'Nothing about the city here.', 'Three');
    createAnnotation(ctx, { documentId: first, labelId: 'location', start: 13, end: 19 });
    const before = spans(store.db, 'location').length;

    const result = tagHits(ctx, TagHits.parse({ search: { query: 'aleppo' }, labelId: 'location' }));
    expect(result).toMatchObject({ skipped: 1, reports: 2 });
    expect(result.createdIds).toHaveLength(2);
    expect(spans(store.db, 'location').map((s) => (s as { quote: string }).quote).sort()).toEqual(['ALEPPO', 'Aleppo', 'Āleppo']);
    // Again: everything is tagged already.
    expect(tagHits(ctx, TagHits.parse({ search: { query: 'aleppo' }, labelId: 'location' }))).toMatchObject({ createdIds: [], skipped: 3, reports: 0 });

    deleteAnnotations(ctx, result.createdIds);
    expect(spans(store.db, 'location')).toHaveLength(before);
    expect(second).toBeTruthy();
  });

  it('redoes an undone tagging by tagging the ranges it made again', () => {
    const { ctx, store } = openTestContext();
    const first = addText(ctx, 'Shelling hit Aleppo. The road to ALEPPO was closed.', 'One');
    addText(ctx, 'Convoys left Āleppo at dawn; Idlib waited.', 'Two');
    createAnnotation(ctx, { documentId: first, labelId: 'location', start: 13, end: 19 });
    const search = { query: 'aleppo' };
    const result = tagHits(ctx, TagHits.parse({ search, labelId: 'location' }));
    const tagged = spans(store.db, 'location');
    expect(result.created).toHaveLength(2);
    expect(result.created.map((r) => store.db.prepare('SELECT document_id AS documentId, start, "end" AS end FROM annotations WHERE id = ?').get(result.createdIds[result.created.indexOf(r)]))).toEqual(result.created);

    deleteAnnotations(ctx, result.createdIds);
    const redone = tagHits(ctx, TagHits.parse({ search, labelId: 'location', hits: result.created }));
    expect(redone).toMatchObject({ skipped: 0, reports: 2 });
    expect(redone.createdIds).toHaveLength(2);
    expect(spans(store.db, 'location')).toEqual(tagged);
    // Undo again after the redo: back to the one annotation made by hand.
    deleteAnnotations(ctx, redone.createdIds);
    expect(spans(store.db, 'location')).toHaveLength(1);
  });

  it('tags only the hits given, and refuses a bad range without writing anything', () => {
    const { ctx, store } = openTestContext();
    const doc = addText(ctx, 'Idlib and Aleppo, then Aleppo again.', 'One');
    const result = tagHits(ctx, TagHits.parse({ search: { query: 'aleppo' }, labelId: 'location', hits: [{ documentId: doc, start: 23, end: 29 }] }));
    expect(result).toMatchObject({ skipped: 0, reports: 1 });
    expect(spans(store.db, 'location')).toEqual([{ documentId: doc, start: 23, end: 29, quote: 'Aleppo' }]);
    const bad = TagHits.parse({ search: { query: 'aleppo' }, labelId: 'location', hits: [{ documentId: doc, start: 10, end: 16 }, { documentId: doc, start: 30, end: 999 }] });
    expect(errorCodeOf(() => tagHits(ctx, bad))).toBe('INVALID_ARGS');
    expect(spans(store.db, 'location')).toHaveLength(1);
  });
});
