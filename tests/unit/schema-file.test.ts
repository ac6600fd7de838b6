// The shared schema file (issue 5): export, import into another store, merge by name without
// deleting anything; malformed files and files from a newer Glossa refused with nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import { createAttribute, updateAttribute } from '../../electron/services/schema/attributes';
import { createLabel } from '../../electron/services/schema/labels';
import { exportSchema, exportSchemaWithDialog, getSchema, importSchema } from '../../electron/services/schema/schema-file';
import { createRelationType } from '../../electron/services/schema/relation-types';
import type { Store } from '../../electron/store/store';
import { errorCodeOf, openTestContext } from './helpers';

function dump(store: Store): unknown {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    labels: all('SELECT * FROM labels ORDER BY id'),
    attributes: all('SELECT * FROM label_attributes ORDER BY id'),
    relationTypes: all('SELECT * FROM relation_types ORDER BY id'),
  };
}

/** The schema without ids, which differ between stores. */
function shape(schema: ReturnType<typeof getSchema>) {
  const names = new Map(schema.labels.map((l) => [l.id, l.name]));
  return {
    labels: schema.labels.map((l) => ({
      name: l.name,
      color: l.color,
      hotkey: l.hotkey,
      attributes: l.attributes.map((a) => ({ name: a.name, type: a.type, options: a.options })),
    })),
    relationTypes: schema.relationTypes.map((t) => ({
      name: t.name,
      from: t.fromLabelId && names.get(t.fromLabelId),
      to: t.toLabelId && names.get(t.toLabelId),
    })),
  };
}

describe('schema file', () => {
  it('exports a versioned file that another store imports to the same schema', () => {
    const a = openTestContext();
    const actor = createLabel(a.ctx, { name: 'Actor', color: '#7048e8', hotkey: '4' });
    createAttribute(a.ctx, { labelId: actor.id, name: 'side', type: 'choice', options: ['government', 'opposition'] });
    createAttribute(a.ctx, { labelId: 'claim', name: 'reported on', type: 'date' });
    createRelationType(a.ctx, { name: 'member of', fromLabelId: 'source', toLabelId: actor.id });
    const file = exportSchema(a.ctx);
    expect(file.glossaSchema).toBe(1);
    expect(file.labels.map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest', 'Actor']);
    expect(file.relationTypes).toContainEqual({ name: 'member of', from: 'Source', to: 'Actor' });

    const b = openTestContext();
    const outcome = importSchema(b.ctx, JSON.stringify(file));
    expect(outcome).toEqual({
      labelsAdded: ['Actor'],
      attributesAdded: ['Claim.reported on', 'Actor.side'],
      optionsAdded: [],
      relationTypesAdded: ['member of'],
      conflicts: [],
    });
    expect(shape(getSchema(b.ctx))).toEqual(shape(getSchema(a.ctx)));
    // Importing the same file again changes nothing.
    const before = dump(b.store);
    expect(importSchema(b.ctx, JSON.stringify(file))).toMatchObject({ labelsAdded: [], attributesAdded: [], relationTypesAdded: [] });
    expect(dump(b.store)).toEqual(before);
  });

  it('merges by name: adds options and attributes, keeps local differences, never deletes', () => {
    const { ctx } = openTestContext();
    updateAttribute(ctx, { id: 'claim-confidence', options: ['low', 'medium', 'high', 'very high'] });
    createAttribute(ctx, { labelId: 'claim', name: 'local note', type: 'text' });
    const incoming = {
      glossaSchema: 1,
      labels: [
        {
          name: 'CLAIM',
          color: '#000000',
          hotkey: '9',
          attributes: [
            { name: 'Status', type: 'choice', options: ['unverified', 'debunked'] },
            { name: 'confidence', type: 'text' },
          ],
        },
        { name: 'Weapon', color: '#ff0000', hotkey: '1' },
      ],
      relationTypes: [
        { name: 'attributed to', from: 'Claim', to: 'Weapon' },
        { name: 'uses', from: 'Source', to: 'Vehicle' },
      ],
    };
    const outcome = importSchema(ctx, JSON.stringify(incoming));
    expect(outcome.labelsAdded).toEqual(['Weapon']);
    expect(outcome.optionsAdded).toEqual(['Claim.status: debunked']);
    expect(outcome.relationTypesAdded).toEqual(['uses']);
    expect(outcome.conflicts).toEqual([
      '"Claim.confidence" is choice here and text in the file; it was left as it is.',
      'The hotkey "1" of "Weapon" already tags another label; "Weapon" has none.',
      'The relation type "attributed to" links other labels here; it was left as it is.',
      '"uses" ends at the label "Vehicle", which is not here; it ends at any label.',
    ]);
    const schema = getSchema(ctx);
    const claim = schema.labels.find((l) => l.id === 'claim')!;
    expect(claim).toMatchObject({ name: 'Claim', color: '#d9480f', hotkey: '1' });
    expect(claim.attributes.map((a) => a.name)).toEqual(['status', 'confidence', 'claim type', 'local note']);
    expect(claim.attributes[0]!.options).toEqual(['unverified', 'corroborated', 'disputed', 'refuted', 'debunked']);
    expect(claim.attributes[1]!.options).toEqual(['low', 'medium', 'high', 'very high']);
    expect(schema.labels.find((l) => l.name === 'Weapon')).toMatchObject({ hotkey: null, color: '#ff0000' });
  });

  it('refuses malformed files and files from a newer Glossa, changing nothing', async () => {
    const { ctx, store } = openTestContext();
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    const before = dump(store);
    const cases: [string, string, RegExp][] = [
      ['{"glossaSchema": 1, "labels": [', 'INVALID_ARGS', /not valid JSON/],
      ['[1, 2]', 'INVALID_ARGS', /must hold a JSON object/],
      ['{"labels": []}', 'INVALID_ARGS', /no "glossaSchema" version/],
      ['{"glossaSchema": 2, "labels": [], "lenses": {}}', 'SCHEMA_TOO_NEW', /newer version of Glossa \(schema file version 2; this version reads up to 1\)/],
      ['{"glossaSchema": 1, "labels": [{"name": "X", "color": "red"}]}', 'INVALID_ARGS', /malformed \(labels\.0\.color: color must be #rrggbb\)/],
      ['{"glossaSchema": 1, "labels": [{"name": "X", "color": "#000000", "attributes": [{"name": "a", "type": "colour"}]}]}', 'INVALID_ARGS', /malformed/],
      ['{"glossaSchema": 1, "labels": [{"name": "X", "color": "#000000"}, {"name": "x", "color": "#000000"}]}', 'INVALID_ARGS', /lists the label "x" twice/],
      ['{"glossaSchema": 1, "labels": [{"name": "X", "color": "#000000", "attributes": [{"name": "a", "type": "choice"}]}]}', 'INVALID_ARGS', /has no options/],
      ['{"glossaSchema": 1, "labels": [], "extra": true}', 'INVALID_ARGS', /malformed/],
    ];
    for (const [json, code, message] of cases) {
      expect(errorCodeOf(() => importSchema(ctx, json))).toBe(code);
      expect(() => importSchema(ctx, json)).toThrow(message);
      const answer = await dispatch('schema.import', { json });
      expect(!answer.ok && answer.error.code).toBe(code);
    }
    expect(dump(store)).toEqual(before);
  });

  it('writes the file through the save dialog, and a cancel writes nothing', async () => {
    const t = openTestContext();
    expect(await exportSchemaWithDialog(t.ctx)).toEqual({ status: 'cancelled' });
    t.dialogs.exportPath = path.join(t.dir, 'team-schema.json');
    expect(await exportSchemaWithDialog(t.ctx)).toEqual({ status: 'written', path: t.dialogs.exportPath });
    expect(t.dialogs.exportRequests.at(-1)).toMatchObject({ extension: 'json' });
    const written = JSON.parse(fs.readFileSync(t.dialogs.exportPath, 'utf8'));
    expect(written).toMatchObject({ glossaSchema: 1, labels: expect.any(Array), relationTypes: expect.any(Array) });
  });
});
