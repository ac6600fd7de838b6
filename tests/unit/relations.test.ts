// Relations (issue 5) and the undo of an annotation's deletion with everything that went with
// it: attribute values, relations from and to it, and its place.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation, deleteAnnotation, restoreAnnotation } from '../../electron/services/annotate/annotations';
import { getValues, setValues } from '../../electron/services/annotate/attribute-values';
import { deleteDocument } from '../../electron/services/library/document-delete';
import { restoreDocument } from '../../electron/services/library/document-restore';
import { undoSnapshots } from '../../electron/services/undo-snapshots';
import { createHandlers } from '../../electron/services/index';
import { getPlace, resolvePlace } from '../../electron/services/places/places';
import {
  createRelation,
  deleteRelation,
  listRelationsForDocument,
  relationsOf,
  restoreRelation,
} from '../../electron/services/annotate/relations';
import { createRelationType, deleteRelationType, listRelationTypes } from '../../electron/services/schema/relation-types';
import type { ServiceContext } from '../../electron/services/context';
import type { Store } from '../../electron/store/store';
import type { AnnotationSnapshot } from '../../shared/schemas/annotate';
import { addText, errorCodeOf, openTestContext } from './helpers';

const text = 'Rebels said they had seized Dorsk, according to the Observatory. The army denied it in Veskar.';
const other = 'A second report: the Observatory counted twelve dead in Dorsk.';

function tagIn(ctx: ServiceContext, documentId: string, body: string, quote: string, labelId: string): string {
  const start = body.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function counts(store: Store) {
  const n = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { annotations: n('annotations'), relations: n('relations'), values: n('annotation_attributes'), places: n('places') };
}

function setup() {
  const t = openTestContext();
  const documentId = addText(t.ctx, text);
  const claim = tagIn(t.ctx, documentId, text, 'Rebels said they had seized Dorsk', 'claim');
  const source = tagIn(t.ctx, documentId, text, 'the Observatory', 'source');
  const place = tagIn(t.ctx, documentId, text, 'Veskar', 'location');
  return { ...t, documentId, claim, source, place };
}

describe('relations', () => {
  it('links a claim to its source and location, lists them per document, deletes and restores one', () => {
    const { ctx, documentId, claim, source, place } = setup();
    const attributed = createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    const located = createRelation(ctx, { typeId: 'Located At', fromId: claim, toId: place });
    expect(attributed).toMatchObject({ typeId: 'attributed-to', fromId: claim, toId: source });
    expect(located.typeId).toBe('located-at');
    expect(listRelationsForDocument(ctx, documentId)).toEqual([attributed, located]);

    const deleted = deleteRelation(ctx, attributed.id);
    expect(listRelationsForDocument(ctx, documentId)).toEqual([located]);
    expect(deleted).toEqual({ ...attributed, undoToken: expect.any(String) });
    expect(restoreRelation(ctx, deleted.undoToken)).toEqual(attributed);
    expect(errorCodeOf(() => restoreRelation(ctx, deleted.undoToken))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => restoreRelation(ctx, undoSnapshots(ctx.store).remember('relation', attributed)))).toBe('DUPLICATE');
  });

  it('refuses relations across documents, to itself, against the type’s labels, twice, or to nothing', () => {
    const { ctx, store, claim, source, place } = setup();
    const secondDoc = addText(ctx, other, 'Second report');
    const elsewhere = tagIn(ctx, secondDoc, other, 'the Observatory', 'source');
    createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    const before = counts(store);
    const cases: [() => unknown, string, RegExp][] = [
      [() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: elsewhere }), 'INVALID_ARGS', /same document/],
      [() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: claim }), 'INVALID_ARGS', /not one to itself/],
      [() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: place }), 'INVALID_ARGS', /goes to a Source annotation; "Veskar" is a Location/],
      [() => createRelation(ctx, { typeId: 'located-at', fromId: source, toId: place }), 'INVALID_ARGS', /goes from a Claim annotation/],
      [() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source }), 'DUPLICATE', /^"[^"]+" is already linked to "[^"]+" by "attributed to"\.$/],
      [() => createRelation(ctx, { typeId: 'caused by', fromId: claim, toId: source }), 'NOT_FOUND', /No relation type "caused by"/],
      [() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: 'gone' }), 'NOT_FOUND', /No annotation/],
    ];
    for (const [fn, code, message] of cases) {
      expect(errorCodeOf(fn)).toBe(code);
      expect(() => fn()).toThrow(message);
    }
    expect(counts(store)).toEqual(before);
  });

  it('adds user-defined types (any label when none is given) and deletes them only when told', () => {
    const { ctx, store, claim, source, place } = setup();
    const contradicts = createRelationType(ctx, { name: 'contradicts' });
    expect(contradicts).toMatchObject({ name: 'contradicts', fromLabelId: null, toLabelId: null, position: 3 });
    expect(errorCodeOf(() => createRelationType(ctx, { name: 'Contradicts' }))).toBe('DUPLICATE');
    expect(errorCodeOf(() => createRelationType(ctx, { name: 'x', fromLabelId: 'nope' }))).toBe('NOT_FOUND');
    createRelation(ctx, { typeId: contradicts.id, fromId: source, toId: place });
    createRelation(ctx, { typeId: 'contradicts', fromId: place, toId: claim });
    expect(errorCodeOf(() => deleteRelationType(ctx, contradicts.id, false))).toBe('IN_USE');
    expect(() => deleteRelationType(ctx, contradicts.id, false)).toThrow(/2 relations are of type "contradicts"/);
    expect(counts(store).relations).toBe(2);
    expect(deleteRelationType(ctx, contradicts.id, true)).toMatchObject({ relationsDeleted: 2 });
    expect(listRelationTypes(ctx).map((t) => t.name)).toEqual(['attributed to', 'located at']);
    expect(counts(store).relations).toBe(0);
  });
});

describe('deleting an annotation, and undo', () => {
  it('removes its values, relations and place with it, and the snapshot puts them all back', () => {
    const { ctx, store, claim, source, place } = setup();
    const r1 = createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    const r2 = createRelation(ctx, { typeId: 'located-at', fromId: claim, toId: place });
    setValues(ctx, claim, { status: 'disputed', confidence: 'low' });
    setValues(ctx, source, { kind: 'NGO/monitor' });
    resolvePlace(ctx, { annotationId: place, lat: 50.45, lon: 30.52, name: 'Veskar (by hand)' });
    const full = counts(store);

    const held = (token: string) => undoSnapshots(store).get('annotation', token);
    const claimDeleted = deleteAnnotation(ctx, claim);
    const claimSnapshot = held(claimDeleted.undoToken);
    expect(claimSnapshot.attributes).toEqual({ 'claim-status': 'disputed', 'claim-confidence': 'low' });
    expect(claimSnapshot.relations).toEqual([r1, r2]);
    expect(claimSnapshot.place).toBeUndefined();
    expect(counts(store)).toEqual({ annotations: 2, relations: 0, values: 1, places: 1 });

    const placeDeleted = deleteAnnotation(ctx, place);
    const placeSnapshot = held(placeDeleted.undoToken);
    expect(placeSnapshot.place).toMatchObject({ name: 'Veskar (by hand)', lat: 50.45, lon: 30.52, resolvedBy: 'manual' });
    expect(placeSnapshot.relations).toBeUndefined(); // went with the claim already

    // Undo in reverse order: the place, then the claim with its relations to both.
    const { attributes: _a, relations: _r, place: _p, ...claimAnnotation } = claimSnapshot;
    const { place: _q, ...placeAnnotation } = placeSnapshot;
    expect(restoreAnnotation(ctx, placeDeleted.undoToken)).toEqual(placeAnnotation);
    const restored = restoreAnnotation(ctx, claimDeleted.undoToken);
    expect(restored).toEqual(claimAnnotation);
    expect(counts(store)).toEqual(full);
    expect(relationsOf(ctx, claim)).toEqual([r1, r2]);
    expect(getValues(ctx, claim)).toEqual({ 'claim-status': 'disputed', 'claim-confidence': 'low' });
    expect(getPlace(ctx, place)).toEqual(placeSnapshot.place);
  });

  it('a plain annotation’s deletion gives the page the annotation and a token, nothing more', () => {
    const { ctx, claim } = setup();
    const deleted = deleteAnnotation(ctx, claim);
    expect(Object.keys(deleted).sort()).toEqual(
      ['id', 'documentId', 'labelId', 'start', 'end', 'quote', 'note', 'createdAt', 'updatedAt', 'layer', 'createdBy', 'updatedBy', 'undoToken'].sort(),
    );
    const { undoToken, ...annotation } = deleted;
    expect(restoreAnnotation(ctx, undoToken)).toEqual(annotation);
  });

  it('skips what can no longer come back: a relation to an annotation since deleted, a value no longer allowed', () => {
    const { ctx, store, claim, source } = setup();
    createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    setValues(ctx, claim, { status: 'disputed' });
    const snapshot = undoSnapshots(store).get('annotation', deleteAnnotation(ctx, claim).undoToken);
    deleteAnnotation(ctx, source);
    const forged: AnnotationSnapshot = { ...snapshot, attributes: { ...snapshot.attributes, 'claim-confidence': 'certain' } };
    restoreAnnotation(ctx, undoSnapshots(store).remember('annotation', forged));
    expect(counts(store)).toMatchObject({ annotations: 2, relations: 0, values: 1 });
    expect(getValues(ctx, claim)).toEqual({ 'claim-status': 'disputed' });
  });

  it('round-trips through the dispatcher: the page holds a token, main puts the extras back', async () => {
    const { ctx, store, claim, source, place } = setup();
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    createRelation(ctx, { typeId: 'located-at', fromId: claim, toId: place });
    setValues(ctx, claim, { status: 'corroborated' });
    const full = counts(store);
    const deleted = await dispatch('annotations.delete', { id: claim });
    expect(deleted.ok).toBe(true);
    const { undoToken, ...annotation } = (deleted as { value: AnnotationSnapshot & { undoToken: string } }).value;
    expect(Object.keys(annotation)).not.toContain('relations');
    const snapshot = undoSnapshots(store).get('annotation', undoToken);
    expect(snapshot.relations).toHaveLength(2);
    expect(snapshot.attributes).toEqual({ 'claim-status': 'corroborated' });
    // The page can no longer send rows back: only the token.
    expect(await dispatch('annotations.restore', structuredClone(snapshot))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    const restored = await dispatch('annotations.restore', { token: undoToken });
    expect(restored).toEqual({ ok: true, value: annotation });
    expect(counts(store)).toEqual(full);
  });

  it('a whole document’s deletion and undo (issue 4’s snapshot) keeps its values, relations and places', () => {
    const { ctx, store, documentId, claim, source, place } = setup();
    createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: source });
    createRelation(ctx, { typeId: 'located-at', fromId: claim, toId: place });
    setValues(ctx, claim, { status: 'refuted' });
    resolvePlace(ctx, { annotationId: place, lat: 1.5, lon: 2.5 });
    const full = counts(store);
    const deleted = deleteDocument(ctx, documentId);
    expect(counts(store)).toEqual({ annotations: 0, relations: 0, values: 0, places: 0 });
    restoreDocument(ctx, deleted.undoToken);
    expect(counts(store)).toEqual(full);
    expect(getValues(ctx, claim)).toEqual({ 'claim-status': 'refuted' });
    expect(getPlace(ctx, place)).toMatchObject({ lat: 1.5, lon: 2.5 });
  });
});
