// Label schemas (issue 5): labels, attributes and attribute values over real stores, with the
// bad input the issue names: values outside the schema fail with INVALID_ARGS and change nothing.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { getValues, setValues, valuesForDocument } from '../../electron/services/annotate/attribute-values';
import { createHandlers } from '../../electron/services/index';
import { createAttribute, deleteAttribute, listAttributes, updateAttribute } from '../../electron/services/schema/attributes';
import { deleteLabel } from '../../electron/services/schema/label-delete';
import { createLabel, listLabels, reorderLabels, updateLabel } from '../../electron/services/schema/labels';
import { getSchema } from '../../electron/services/schema/schema-file';
import type { Store } from '../../electron/store/store';
import type { ServiceContext } from '../../electron/services/context';
import { addText, errorCodeOf, openTestContext } from './helpers';

const text = 'Rebels said they had seized Dorsk, according to the Observatory. The army denied it.';

function tag(ctx: ServiceContext, documentId: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

/** Everything the analysis tables hold, to prove that a refused call changed nothing. */
function dump(store: Store): unknown {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    labels: all('SELECT * FROM labels ORDER BY id'),
    attributes: all('SELECT * FROM label_attributes ORDER BY id'),
    values: all('SELECT * FROM annotation_attributes ORDER BY annotation_id, attribute_id'),
    annotations: all('SELECT * FROM annotations ORDER BY id'),
    relationTypes: all('SELECT * FROM relation_types ORDER BY id'),
  };
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('default schema (migration 3)', () => {
  it('seeds Claim, Source and Location attributes and the two relation types', () => {
    const { ctx } = openTestContext();
    const schema = getSchema(ctx);
    // The ACLED event types of migration 10 follow the span labels.
    expect(schema.labels.map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest']);
    const claim = schema.labels[0]!.attributes;
    expect(claim.map((a) => [a.id, a.name, a.type])).toEqual([
      ['claim-status', 'status', 'choice'],
      ['claim-confidence', 'confidence', 'choice'],
      ['claim-type', 'claim type', 'choice'],
    ]);
    expect(claim[0]!.options).toEqual(['unverified', 'corroborated', 'disputed', 'refuted']);
    expect(claim[1]!.options).toEqual(['low', 'medium', 'high']);
    expect(claim[2]!.options).toEqual(['event', 'casualty figure', 'territorial control', 'statement']);
    const source = schema.labels[1]!.attributes;
    expect(source.map((a) => [a.id, a.name, a.type])).toEqual([
      ['source-kind', 'kind', 'choice'],
      ['source-named', 'named', 'boolean'],
    ]);
    expect(source[0]!.options).toEqual([
      'official', 'military', 'armed group', 'NGO/monitor', 'media', 'social media', 'eyewitness', 'anonymous',
    ]);
    expect(schema.labels[2]!.attributes).toEqual([]);
    expect(schema.relationTypes).toEqual([
      { id: 'attributed-to', name: 'attributed to', fromLabelId: 'claim', toLabelId: 'source', position: 1 },
      { id: 'located-at', name: 'located at', fromLabelId: 'claim', toLabelId: 'location', position: 2 },
    ]);
  });
});

describe('labels', () => {
  it('adds, renames, recolors, sets hotkeys and reorders labels', () => {
    const { ctx } = openTestContext();
    const actor = createLabel(ctx, { name: ' Actor ', color: '#AA00FF', hotkey: '4' });
    // After the three span labels and the three default event types.
    expect(actor).toMatchObject({ name: 'Actor', color: '#aa00ff', hotkey: '4', position: 7 });
    const renamed = updateLabel(ctx, { id: actor.id, name: 'Armed actor', color: '#112233', hotkey: null });
    expect(renamed).toMatchObject({ name: 'Armed actor', color: '#112233', hotkey: null });
    expect(updateLabel(ctx, { id: 'claim', hotkey: 'c' }).hotkey).toBe('c');
    const order = reorderLabels(ctx, [actor.id, 'location', 'source', 'claim', 'event-battle', 'event-violence-against-civilians', 'event-protest']);
    expect(order.map((l) => l.name)).toEqual(['Armed actor', 'Location', 'Source', 'Claim', 'Battle', 'Violence against civilians', 'Protest']);
    expect(order.map((l) => l.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a taken name or hotkey and an incomplete order, changing nothing', () => {
    const { ctx, store } = openTestContext();
    const before = dump(store);
    expect(errorCodeOf(() => createLabel(ctx, { name: 'claim', color: '#000000' }))).toBe('DUPLICATE');
    expect(errorCodeOf(() => createLabel(ctx, { name: 'Actor', color: '#000000', hotkey: '2' }))).toBe('DUPLICATE');
    expect(errorCodeOf(() => updateLabel(ctx, { id: 'source', name: 'LOCATION' }))).toBe('DUPLICATE');
    expect(errorCodeOf(() => updateLabel(ctx, { id: 'nope', name: 'x' }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => reorderLabels(ctx, ['claim', 'source']))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => reorderLabels(ctx, ['claim', 'source', 'location', 'nope']))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => reorderLabels(ctx, ['claim', 'claim', 'source', 'location']))).toBe('INVALID_ARGS');
    expect(dump(store)).toEqual(before);
  });

  it('deletes an unused label at once, and asks what to do with the annotations of one in use', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const unused = createLabel(ctx, { name: 'Unused', color: '#000000' });
    expect(deleteLabel(ctx, { id: unused.id })).toMatchObject({ annotationsDeleted: 0, annotationsRelabeled: 0 });

    tag(ctx, documentId, 'Rebels', 'source');
    tag(ctx, documentId, 'the Observatory', 'source');
    const before = dump(store);
    expect(errorCodeOf(() => deleteLabel(ctx, { id: 'source' }))).toBe('IN_USE');
    expect(messageOf(() => deleteLabel(ctx, { id: 'source' }))).toMatch(/^2 annotations use the label "Source"/);
    expect(errorCodeOf(() => deleteLabel(ctx, { id: 'source', annotations: 'relabel', relabelTo: 'nope' }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => deleteLabel(ctx, { id: 'source', annotations: 'relabel', relabelTo: 'source' }))).toBe('INVALID_ARGS');
    expect(dump(store)).toEqual(before);

    const outcome = deleteLabel(ctx, { id: 'source', annotations: 'delete' });
    expect(outcome).toMatchObject({ deleted: { id: 'source', name: 'Source' }, annotationsDeleted: 2 });
    expect(listLabels(ctx).map((l) => l.id)).toEqual(['claim', 'location', 'event-battle', 'event-violence-against-civilians', 'event-protest']);
    // "attributed to" now accepts any label at its end instead of pointing at nothing.
    expect(getSchema(ctx).relationTypes[0]).toMatchObject({ fromLabelId: 'claim', toLabelId: null });
  });

  it('relabels annotations of a deleted label, carrying values that fit the new label', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, text);
    const witness = createLabel(ctx, { name: 'Witness', color: '#123456' });
    const kind = createAttribute(ctx, { labelId: witness.id, name: 'Kind', type: 'choice', options: ['eyewitness', 'rumour'] });
    createAttribute(ctx, { labelId: witness.id, name: 'age', type: 'number' });
    const a = tag(ctx, documentId, 'Rebels', witness.id);
    const b = tag(ctx, documentId, 'The army', witness.id);
    setValues(ctx, a, { [kind.id]: 'eyewitness', age: 30 });
    setValues(ctx, b, { Kind: 'rumour' });

    const outcome = deleteLabel(ctx, { id: witness.id, annotations: 'relabel', relabelTo: 'source' });
    expect(outcome.annotationsRelabeled).toBe(2);
    // Source.kind is a choice that allows "eyewitness" but not "rumour"; "age" has no counterpart.
    expect(getValues(ctx, a)).toEqual({ 'source-kind': 'eyewitness' });
    expect(getValues(ctx, b)).toEqual({});
    expect(listAttributes(ctx, witness.id)).toEqual([]);
  });
});

describe('attributes', () => {
  it('creates attributes of every type, and renames, reorders and extends them', () => {
    const { ctx } = openTestContext();
    const types = ['choice', 'multi', 'text', 'number', 'date', 'boolean'] as const;
    for (const type of types) {
      const options = type === 'choice' || type === 'multi' ? ['a', 'b'] : undefined;
      const made = createAttribute(ctx, { labelId: 'location', name: `${type} field`, type, options });
      expect(made).toMatchObject({ labelId: 'location', type, options: options ?? [] });
    }
    const [first] = listAttributes(ctx, 'location');
    const renamed = updateAttribute(ctx, { id: first!.id, name: 'precision', options: ['a', 'b', 'c'], position: 9 });
    expect(renamed).toMatchObject({ name: 'precision', options: ['a', 'b', 'c'], position: 9 });
    expect(listAttributes(ctx, 'location').at(-1)!.name).toBe('precision');
  });

  it('refuses options on a type without them, none on a choice, repeats and taken names', () => {
    const { ctx, store } = openTestContext();
    const before = dump(store);
    const bad = [
      () => createAttribute(ctx, { labelId: 'claim', name: 'x', type: 'text', options: ['a'] }),
      () => createAttribute(ctx, { labelId: 'claim', name: 'x', type: 'choice', options: [] }),
      () => createAttribute(ctx, { labelId: 'claim', name: 'x', type: 'multi', options: ['a', 'A'] }),
    ];
    for (const fn of bad) expect(errorCodeOf(fn)).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => createAttribute(ctx, { labelId: 'claim', name: 'Status', type: 'text' }))).toBe('DUPLICATE');
    expect(errorCodeOf(() => createAttribute(ctx, { labelId: 'nope', name: 'x', type: 'text' }))).toBe('NOT_FOUND');
    expect(dump(store)).toEqual(before);
  });

  it('moves values when options are renamed, and refuses to drop an option or change a type in use', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const claim = tag(ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    setValues(ctx, claim, { status: 'disputed' });
    const before = dump(store);
    expect(
      errorCodeOf(() => updateAttribute(ctx, { id: 'claim-status', options: ['unverified', 'corroborated', 'refuted'] })),
    ).toBe('IN_USE');
    expect(
      messageOf(() => updateAttribute(ctx, { id: 'claim-status', options: ['unverified', 'corroborated', 'refuted'] })),
    ).toContain('1 annotation uses the option "disputed"');
    expect(errorCodeOf(() => updateAttribute(ctx, { id: 'claim-status', type: 'text' }))).toBe('IN_USE');
    expect(errorCodeOf(() => deleteAttribute(ctx, 'claim-status', false))).toBe('IN_USE');
    expect(errorCodeOf(() => updateAttribute(ctx, { id: 'claim-status', renameOptions: { nope: 'x' } }))).toBe('INVALID_ARGS');
    expect(dump(store)).toEqual(before);

    const renamed = updateAttribute(ctx, {
      id: 'claim-status',
      options: ['unverified', 'confirmed', 'contested', 'refuted'],
      renameOptions: { corroborated: 'confirmed', disputed: 'contested' },
    });
    expect(renamed.options).toEqual(['unverified', 'confirmed', 'contested', 'refuted']);
    expect(getValues(ctx, claim)).toEqual({ 'claim-status': 'contested' });

    expect(deleteAttribute(ctx, 'claim-status', true)).toMatchObject({ valuesDeleted: 1 });
    expect(getValues(ctx, claim)).toEqual({});
  });
});

describe('attribute values', () => {
  it('sets values by name or id, clears with null, and lists them per document', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, text);
    const claim = tag(ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    const source = tag(ctx, documentId, 'the Observatory', 'source');
    const tags = createAttribute(ctx, { labelId: 'claim', name: 'topics', type: 'multi', options: ['arms', 'aid', 'border'] });
    createAttribute(ctx, { labelId: 'claim', name: 'deaths', type: 'number' });
    createAttribute(ctx, { labelId: 'claim', name: 'when', type: 'date' });
    createAttribute(ctx, { labelId: 'claim', name: 'comment', type: 'text' });

    const values = setValues(ctx, claim, {
      Status: 'disputed',
      'claim-confidence': 'low',
      [tags.id]: ['arms', 'border'],
      deaths: 12,
      when: '2024-02-29',
      comment: 'second-hand',
    });
    expect(values).toMatchObject({
      'claim-status': 'disputed',
      'claim-confidence': 'low',
      [tags.id]: ['arms', 'border'],
    });
    expect(Object.keys(values)).toHaveLength(6);
    expect(setValues(ctx, source, { kind: 'NGO/monitor', named: false })).toEqual({
      'source-kind': 'NGO/monitor',
      'source-named': false,
    });
    expect(setValues(ctx, claim, { deaths: null, comment: null })).not.toHaveProperty('comment');
    expect(Object.keys(valuesForDocument(ctx, documentId)).sort()).toEqual([claim, source].sort());
  });

  it('refuses values outside the schema with a clear message, writing none of the batch', () => {
    const { ctx, store } = openTestContext();
    const documentId = addText(ctx, text);
    const claim = tag(ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    const location = tag(ctx, documentId, 'Dorsk', 'location');
    createAttribute(ctx, { labelId: 'claim', name: 'topics', type: 'multi', options: ['arms', 'aid'] });
    createAttribute(ctx, { labelId: 'claim', name: 'deaths', type: 'number' });
    createAttribute(ctx, { labelId: 'claim', name: 'when', type: 'date' });
    setValues(ctx, claim, { status: 'unverified' });
    const before = dump(store);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ status: 'maybe' }, /"status" must be one of "unverified", "corroborated", "disputed", "refuted" \(got "maybe"\)/],
      [{ status: 'disputed', confidence: 'total' }, /"confidence" must be one of/],
      [{ status: ['disputed'] }, /"status" must be one of/],
      [{ topics: ['arms', 'drones'] }, /"drones" is not an option of "topics"/],
      [{ topics: ['arms', 'arms'] }, /lists an option twice/],
      [{ topics: 'arms' }, /takes a list of options/],
      [{ deaths: 'twelve' }, /"deaths" takes a number/],
      [{ when: '2023-02-29' }, /takes a date as YYYY-MM-DD/],
      [{ when: '29/02/2024' }, /takes a date as YYYY-MM-DD/],
      [{ nonsense: 'x' }, /The label "Claim" has no attribute "nonsense" \(its attributes: "status", "confidence"/],
    ];
    for (const [values, message] of cases) {
      expect(errorCodeOf(() => setValues(ctx, claim, values as never))).toBe('INVALID_ARGS');
      expect(messageOf(() => setValues(ctx, claim, values as never))).toMatch(message);
    }
    // A Location has no "status"; an unknown annotation is NOT_FOUND.
    expect(errorCodeOf(() => setValues(ctx, location, { status: 'disputed' }))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => setValues(ctx, 'nope', { status: 'disputed' }))).toBe('NOT_FOUND');
    expect(dump(store)).toEqual(before);
  });

  it('keeps values across a relabel and its undo, showing only the current label’s', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx), { logError: () => undefined });
    const documentId = addText(t.ctx, text);
    const id = tag(t.ctx, documentId, 'Rebels said they had seized Dorsk', 'claim');
    expect(await dispatch('annotations.setAttributes', { annotationId: id, values: { status: 'refuted' } })).toEqual({
      ok: true,
      value: { 'claim-status': 'refuted' },
    });
    await dispatch('annotations.update', { id, labelId: 'source' });
    expect(await dispatch('annotations.getAttributes', { annotationId: id })).toEqual({ ok: true, value: {} });
    await dispatch('annotations.update', { id, labelId: 'claim' });
    expect(await dispatch('annotations.getAttributes', { annotationId: id })).toEqual({
      ok: true,
      value: { 'claim-status': 'refuted' },
    });
    // The contract refuses a value of no JSON type the schema knows before the service runs.
    const refused = await dispatch('annotations.setAttributes', { annotationId: id, values: { status: { a: 1 } } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('INVALID_ARGS');
  });
});
