// Undo snapshots stay in main, bounded: the oldest go first and their tokens expire with them.
// A restore by token checks the store as it is now.
import { describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, restoreAnnotation } from '../../electron/services/annotate/annotations';
import { createRelation, deleteRelation, restoreRelation } from '../../electron/services/annotate/relations';
import { deleteDocument } from '../../electron/services/library/document-delete';
import { restoreDocument } from '../../electron/services/library/document-restore';
import { clearPlace, resolvePlace, restorePlace } from '../../electron/services/places/places';
import { UndoSnapshots, undoSnapshotLimits } from '../../electron/services/undo-snapshots';
import { addText, errorCodeOf, openTestContext } from './helpers';

const relation = { id: 'r', typeId: 't', fromId: 'a', toId: 'b', createdAt: '2026-01-01T00:00:00Z' };

describe('undo snapshots', () => {
  it('keeps the newest 500; an older token expires, and a token of one kind is unknown to another', () => {
    const snapshots = new UndoSnapshots();
    const tokens = Array.from({ length: undoSnapshotLimits.entries + 1 }, () => snapshots.remember('relation', relation));
    expect(snapshots.size).toBe(undoSnapshotLimits.entries);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(errorCodeOf(() => snapshots.get('relation', tokens[0]!))).toBe('NOT_FOUND');
    expect(snapshots.get('relation', tokens[1]!)).toEqual(relation);
    expect(errorCodeOf(() => snapshots.get('annotation', tokens[1]!))).toBe('NOT_FOUND');
    snapshots.spend(tokens[1]!);
    expect(errorCodeOf(() => snapshots.get('relation', tokens[1]!))).toBe('NOT_FOUND');
  });

  it('drops the oldest when the text they hold passes the limit', () => {
    const snapshots = new UndoSnapshots();
    const big = snapshots.remember('relation', relation, undoSnapshotLimits.chars - 10);
    const small = snapshots.remember('relation', relation, 5);
    expect(snapshots.size).toBe(2);
    const over = snapshots.remember('relation', relation, 20);
    expect(errorCodeOf(() => snapshots.get('relation', big))).toBe('NOT_FOUND');
    expect(snapshots.get('relation', small)).toEqual(relation);
    expect(snapshots.get('relation', over)).toEqual(relation);
  });

  it('a restore checks the store as it is now: gone ends are NOT_FOUND, taken ids DUPLICATE', () => {
    const { ctx } = openTestContext();
    const text = 'Rebels said they took Dorsk.';
    const documentId = addText(ctx, text);
    const claim = createAnnotation(ctx, { documentId, labelId: 'claim', start: 0, end: 11 });
    const dorsk = createAnnotation(ctx, { documentId, labelId: 'location', start: 22, end: 27 });
    const link = createRelation(ctx, { typeId: 'located-at', fromId: claim.id, toId: dorsk.id });
    resolvePlace(ctx, { annotationId: dorsk.id, lat: 1, lon: 2 });

    const unlinked = deleteRelation(ctx, link.id);
    const cleared = clearPlace(ctx, dorsk.id)!;
    const deleted = deleteAnnotation(ctx, dorsk.id);
    expect(errorCodeOf(() => restoreRelation(ctx, unlinked.undoToken))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => restorePlace(ctx, cleared.undoToken))).toBe('NOT_FOUND');
    restoreAnnotation(ctx, deleted.undoToken);
    // Failed restores keep their tokens: with the span back, both go through.
    expect(restoreRelation(ctx, unlinked.undoToken)).toMatchObject({ id: link.id });
    expect(restorePlace(ctx, cleared.undoToken).place).toMatchObject({ lat: 1, lon: 2 });

    const gone = deleteDocument(ctx, documentId);
    expect(errorCodeOf(() => restoreAnnotation(ctx, deleted.undoToken))).toBe('NOT_FOUND');
    addText(ctx, 'Rebels  said they\ntook Dorsk.', 'Imported again');
    expect(errorCodeOf(() => restoreDocument(ctx, gone.undoToken))).toBe('DUPLICATE');
  });
});
