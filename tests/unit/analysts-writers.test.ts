// The writers stamp who acts (ctx.analyst) on every row they write: an annotation goes to the
// acting analyst's layer; values, relations, places and events record who made them and who
// changed them last. Another analyst's layer is read-only; a link across layers is refused.
import { describe, expect, it } from 'vitest';
import { analystNamed, localAnalyst, renameAnalyst } from '../../electron/services/analysts/analysts';
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { createRelation } from '../../electron/services/annotate/relations';
import type { ServiceContext } from '../../electron/services/context';
import { resolvePlace } from '../../electron/services/places/places';
import { insertAnnotation } from '../../electron/store/writers/annotations';
import { insertEvent, addEventArgument } from '../../electron/store/writers/events';
import { addText, errorCodeOf, openTestContext } from './helpers';

const text = 'Rebels said they had seized Dorsk, according to the Observatory.';

function tag(ctx: ServiceContext, documentId: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

const stampOf = (ctx: ServiceContext, table: string, where: string, id: string) =>
  ctx.store.db.prepare(`SELECT created_by AS createdBy, updated_by AS updatedBy FROM ${table} WHERE ${where} = ?`).get(id);

describe('writers stamp the acting analyst', () => {
  it('annotations, values, relations and places record who made and who last changed them', () => {
    const { ctx } = openTestContext();
    const local = localAnalyst(ctx.store.db);
    const documentId = addText(ctx, text);
    const claim = tag(ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    const created = ctx.store.db.prepare('SELECT layer, created_by, updated_by FROM annotations WHERE id = ?').get(claim);
    expect(created).toEqual({ layer: local.id, created_by: local.id, updated_by: local.id });

    const bob = analystNamed(ctx, 'Bob');
    expect(bob.created).toBe(true);
    expect(analystNamed(ctx, 'bob')).toEqual({ analyst: bob.analyst, created: false });
    ctx.analyst = bob.analyst;
    const bobsClaim = tag(ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    const bobsSource = tag(ctx, documentId, 'the Observatory', 'source');
    const bobsPlace = tag(ctx, documentId, 'Dorsk', 'location');
    expect(ctx.store.db.prepare('SELECT layer, created_by FROM annotations WHERE id = ?').get(bobsClaim)).toEqual({ layer: bob.analyst.id, created_by: bob.analyst.id });
    const relation = createRelation(ctx, { typeId: 'attributed-to', fromId: bobsClaim, toId: bobsSource });
    expect(stampOf(ctx, 'relations', 'id', relation.id)).toEqual({ createdBy: bob.analyst.id, updatedBy: bob.analyst.id });
    setValues(ctx, bobsClaim, { status: 'disputed' });
    expect(stampOf(ctx, 'annotation_attributes', 'annotation_id', bobsClaim)).toEqual({ createdBy: bob.analyst.id, updatedBy: bob.analyst.id });
    resolvePlace(ctx, { annotationId: bobsPlace, lat: 48.5, lon: 35.1 });
    expect(stampOf(ctx, 'places', 'annotation_id', bobsPlace)).toEqual({ createdBy: bob.analyst.id, updatedBy: bob.analyst.id });

    // Across layers: refused, with a message naming both layers.
    expect(errorCodeOf(() => createRelation(ctx, { typeId: 'attributed-to', fromId: claim, toId: bobsSource }))).toBe('LAYER_MISMATCH');
    // The local analyst's annotation is read-only to Bob.
    expect(errorCodeOf(() => updateAnnotation(ctx, { id: claim, note: 'mine now' }))).toBe('LAYER_MISMATCH');
    expect(errorCodeOf(() => deleteAnnotation(ctx, claim))).toBe('LAYER_MISMATCH');
    expect(errorCodeOf(() => setValues(ctx, claim, { status: 'refuted' }))).toBe('LAYER_MISMATCH');

    // Back as the local analyst: a value changed keeps its creator and records the new editor.
    ctx.analyst = local;
    expect(errorCodeOf(() => setValues(ctx, bobsClaim, { status: 'refuted' }))).toBe('LAYER_MISMATCH');
    updateAnnotation(ctx, { id: claim, note: 'checked' });
    expect(ctx.store.db.prepare('SELECT created_by, updated_by FROM annotations WHERE id = ?').get(claim)).toEqual({ created_by: local.id, updated_by: local.id });
  });

  it('an edit by another analyst of a gold annotation keeps its creator; undo puts back the layer and authors', () => {
    const { ctx } = openTestContext();
    const local = ctx.analyst;
    const documentId = addText(ctx, text);
    const now = ctx.now();
    insertAnnotation(ctx.store.db, { id: 'g1', documentId, labelId: 'claim', start: 0, end: 6, quote: 'Rebels', note: '', createdAt: now, updatedAt: now, layer: 'gold' }, 'adjudicator-id');
    const adjudicated = { ...local };
    updateAnnotation(ctx, { id: 'g1', note: 'confirmed' });
    expect(ctx.store.db.prepare(`SELECT layer, created_by, updated_by FROM annotations WHERE id = 'g1'`).get()).toEqual({ layer: 'gold', created_by: 'adjudicator-id', updated_by: adjudicated.id });
    const deleted = deleteAnnotation(ctx, 'g1');
    expect(deleted).toMatchObject({ layer: 'gold', createdBy: 'adjudicator-id', updatedBy: local.id });
    restoreAnnotation(ctx, deleted.undoToken);
    expect(ctx.store.db.prepare(`SELECT layer, created_by, updated_by FROM annotations WHERE id = 'g1'`).get()).toEqual({ layer: 'gold', created_by: 'adjudicator-id', updated_by: local.id });
  });

  it('events and their arguments record who made them; an argument from another layer is refused', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, text);
    const trigger = tag(ctx, documentId, 'seized', 'claim');
    const place = tag(ctx, documentId, 'Dorsk', 'location');
    const stamp = { by: ctx.analyst.id, at: ctx.now() };
    ctx.store.db.prepare(`UPDATE labels SET kind = 'event' WHERE id = 'claim'`).run();
    insertEvent(ctx.store.db, { id: 'e1', documentId, labelId: 'claim', triggerId: trigger, createdAt: stamp.at }, stamp);
    addEventArgument(ctx.store.db, 'e1', { role: 'Place', annotationId: place }, stamp);
    expect(stampOf(ctx, 'events', 'id', 'e1')).toEqual({ createdBy: ctx.analyst.id, updatedBy: ctx.analyst.id });
    expect(stampOf(ctx, 'event_arguments', 'event_id', 'e1')).toEqual({ createdBy: ctx.analyst.id, updatedBy: ctx.analyst.id });
    ctx.analyst = analystNamed(ctx, 'Carol').analyst;
    const carols = tag(ctx, documentId, 'Rebels', 'source');
    expect(() => addEventArgument(ctx.store.db, 'e1', { role: 'Agent', annotationId: carols }, stamp)).toThrow(/LAYER_MISMATCH/);
  });

  it('renames an analyst, keeping the id, and refuses a name another analyst has', () => {
    const { ctx } = openTestContext();
    const id = ctx.analyst.id;
    expect(renameAnalyst(ctx, id, '  Dana Reyes ')).toEqual({ id, name: 'Dana Reyes' });
    expect(ctx.analyst).toEqual({ id, name: 'Dana Reyes' });
    analystNamed(ctx, 'Bob');
    expect(errorCodeOf(() => renameAnalyst(ctx, id, 'BOB'))).toBe('DUPLICATE');
    expect(localAnalyst(ctx.store.db)).toEqual({ id, name: 'Dana Reyes' });
  });
});
