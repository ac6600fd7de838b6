import { describe, expect, it } from 'vitest';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from '../../electron/services/annotate/annotations';
import { addDocument, listDocuments } from '../../electron/services/library/documents';
import { undoSnapshots } from '../../electron/services/undo-snapshots';
import { addText, errorCodeOf, openTestContext, rowCounts } from './helpers';

const text = 'Rebels said they took Dorsk 👍🏽 on Friday.\n\nThe governor denied it.';

describe('annotation services', () => {
  it('creates, updates, deletes and restores an annotation', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const start = text.indexOf('Dorsk');
    const created = createAnnotation(ctx, { documentId, labelId: 'location', start, end: start + 5 });
    expect(created).toMatchObject({ documentId, labelId: 'location', start, end: start + 5, quote: 'Dorsk', note: '' });

    const updated = updateAnnotation(ctx, { id: created.id, labelId: 'claim', note: 'contested' });
    expect(updated).toMatchObject({ id: created.id, labelId: 'claim', note: 'contested', quote: 'Dorsk' });
    expect(listDocuments(ctx)[0]!.counts).toEqual({ claim: 1 });

    // The page gets the annotation and an opaque token; main keeps the snapshot.
    const deleted = deleteAnnotation(ctx, created.id);
    expect(deleted).toEqual({ ...updated, undoToken: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    expect(rowCounts(store).annotations).toBe(0);

    const restored = restoreAnnotation(ctx, deleted.undoToken);
    expect(restored).toEqual(updated);
    expect(listAnnotations(ctx, documentId)).toEqual([updated]);
    // A token is spent by its restore.
    expect(errorCodeOf(() => restoreAnnotation(ctx, deleted.undoToken))).toBe('NOT_FOUND');
  });

  it('keeps an emoji with a skin tone whole when the span covers it', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, text);
    const start = text.indexOf('👍🏽');
    const a = createAnnotation(ctx, { documentId, labelId: 'claim', start, end: start + '👍🏽'.length });
    expect(a.quote).toBe('👍🏽');
  });

  it('rejects a span past the end, a white-space span and a span that splits a surrogate pair', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const emoji = text.indexOf('👍🏽');
    const blank = text.indexOf('\n\n');
    const cases = [
      { start: text.length - 2, end: text.length + 1 },
      { start: blank, end: blank + 2 },
      { start: emoji + 1, end: emoji + 4 },
      { start: emoji, end: emoji + 1 },
    ];
    for (const span of cases) {
      expect(errorCodeOf(() => createAnnotation(ctx, { documentId, labelId: 'claim', ...span }))).toBe('INVALID_ARGS');
    }
    expect(rowCounts(store).annotations).toBe(0);
  });

  it('reports NOT_FOUND for an unknown document, label or annotation', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, text);
    expect(errorCodeOf(() => createAnnotation(ctx, { documentId: 'nope', labelId: 'claim', start: 0, end: 3 }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCodeOf(() => createAnnotation(ctx, { documentId, labelId: 'nope', start: 0, end: 3 }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => updateAnnotation(ctx, { id: 'nope', note: 'x' }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => deleteAnnotation(ctx, 'nope'))).toBe('NOT_FOUND');
  });

  it('refuses to restore an annotation whose quote no longer matches, or one that still exists', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const a = createAnnotation(ctx, { documentId, labelId: 'claim', start: 0, end: 6 });
    // Snapshots main would hold if the store had changed since the delete.
    const held = (snapshot: typeof a) => undoSnapshots(store).remember('annotation', snapshot);
    expect(errorCodeOf(() => restoreAnnotation(ctx, held(a)))).toBe('DUPLICATE');
    deleteAnnotation(ctx, a.id);
    expect(errorCodeOf(() => restoreAnnotation(ctx, held({ ...a, quote: 'Rebelz' })))).toBe('OFFSETS_MISMATCH');
    expect(errorCodeOf(() => restoreAnnotation(ctx, held({ ...a, start: 60, end: 600 })))).toBe('OFFSETS_MISMATCH');
    expect(errorCodeOf(() => restoreAnnotation(ctx, held({ ...a, documentId: 'gone' })))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => restoreAnnotation(ctx, 'never-given-token-0000'))).toBe('NOT_FOUND');
    expect(rowCounts(store).annotations).toBe(0);
  });

  it('deletes a document’s annotations with it (foreign keys are on)', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    createAnnotation(ctx, { documentId, labelId: 'claim', start: 0, end: 6 });
    store.db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    expect(rowCounts(store)).toEqual({ documents: 0, annotations: 0 });
  });

  it('treats the same text as a duplicate document', () => {
    const { ctx } = openTestContext();
    const id = addText(ctx, text, 'First');
    expect(addDocument(ctx, { title: 'Second', text })).toEqual({ status: 'duplicate', existingId: id, title: 'First' });
  });
});
