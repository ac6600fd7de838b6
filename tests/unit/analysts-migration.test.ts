// Migration 0010 on a store built at schema 9 by the real migrations: an analysts table with the
// local analyst (named after the OS user), and every annotation, relation, value, place, event
// and event argument stamped as the local analyst's, in the local analyst's layer.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { localAnalyst } from '../../electron/services/analysts/analysts';
import { latestSchemaVersion, migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { ScriptedDialogs, tempDir } from './helpers';

const openAt = (file: string, version?: number) =>
  openStore(file, version === undefined ? {} : ({ migrations: migrations.filter((m) => m.version <= version) } as object));

const text = 'Officials in Dorsk said the bridge was shelled, the Gazette reported.';

function seedVersion9(file: string): void {
  const old = openAt(file, 9);
  const db = old.db;
  db.prepare(`INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES ('d1', 'Old report', '2025-01-01', ?, ?, 'h1')`).run(text, text.length);
  const span = db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, 'd1', ?, ?, ?, ?, '', ?, ?)`);
  span.run('claim1', 'claim', 28, 46, text.slice(28, 46), '2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z');
  span.run('src1', 'source', 0, 9, text.slice(0, 9), '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
  span.run('loc1', 'location', 13, 18, text.slice(13, 18), '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
  db.prepare(`INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES ('r1', 'attributed-to', 'claim1', 'src1', '2025-01-04T00:00:00.000Z')`).run();
  db.prepare(`INSERT INTO annotation_attributes (annotation_id, attribute_id, value) VALUES ('claim1', 'claim-status', '"disputed"')`).run();
  db.prepare(
    `INSERT INTO places (annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at) VALUES ('loc1', NULL, 'Dorsk', NULL, NULL, 48.5, 35.1, NULL, 'manual', '2025-01-05T00:00:00.000Z')`,
  ).run();
  db.prepare(`UPDATE labels SET kind = 'event' WHERE id = 'claim'`).run();
  db.prepare(`INSERT INTO events (id, document_id, label_id, trigger_id, created_at) VALUES ('e1', 'd1', 'claim', 'claim1', '2025-01-06T00:00:00.000Z')`).run();
  db.prepare(`INSERT INTO event_arguments (event_id, position, role, annotation_id) VALUES ('e1', 0, 'Place', 'loc1')`).run();
  old.close();
}

describe('migration 0010 (analysts and layers)', () => {
  it('assigns every row of a version-9 store to the local analyst, named after the OS user', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    seedVersion9(file);
    const store = openAt(file);
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const analysts = db.prepare('SELECT id, name FROM analysts').all() as { id: string; name: string }[];
      expect(analysts).toHaveLength(1);
      const local = analysts[0]!;
      expect(local.id).toMatch(/^[0-9a-f-]{36}$/);
      let expectedName = 'Analyst';
      try {
        expectedName = os.userInfo().username || 'Analyst';
      } catch {
        // no user name on this system: the fallback
      }
      expect(local.name).toBe(expectedName);
      expect(db.prepare(`SELECT value FROM meta WHERE key = 'analyst.local'`).pluck().get()).toBe(local.id);
      expect(localAnalyst(db)).toEqual(local);
      expect(createContext(store, new ScriptedDialogs(), 'test').analyst).toEqual(local);

      const annotations = db.prepare('SELECT id, layer, created_by, updated_by, created_at, updated_at FROM annotations ORDER BY id').all();
      expect(annotations).toEqual([
        { id: 'claim1', layer: local.id, created_by: local.id, updated_by: local.id, created_at: '2025-01-02T00:00:00.000Z', updated_at: '2025-01-03T00:00:00.000Z' },
        { id: 'loc1', layer: local.id, created_by: local.id, updated_by: local.id, created_at: '2025-01-02T00:00:00.000Z', updated_at: '2025-01-02T00:00:00.000Z' },
        { id: 'src1', layer: local.id, created_by: local.id, updated_by: local.id, created_at: '2025-01-02T00:00:00.000Z', updated_at: '2025-01-02T00:00:00.000Z' },
      ]);
      const stamp = (table: string) => db.prepare(`SELECT created_by, updated_by, created_at, updated_at FROM ${table}`).all();
      expect(stamp('relations')).toEqual([{ created_by: local.id, updated_by: local.id, created_at: '2025-01-04T00:00:00.000Z', updated_at: '2025-01-04T00:00:00.000Z' }]);
      expect(stamp('annotation_attributes')).toEqual([{ created_by: local.id, updated_by: local.id, created_at: '2025-01-03T00:00:00.000Z', updated_at: '2025-01-03T00:00:00.000Z' }]);
      expect(stamp('places')).toEqual([{ created_by: local.id, updated_by: local.id, created_at: '2025-01-05T00:00:00.000Z', updated_at: '2025-01-05T00:00:00.000Z' }]);
      expect(stamp('events')).toEqual([{ created_by: local.id, updated_by: local.id, created_at: '2025-01-06T00:00:00.000Z', updated_at: '2025-01-06T00:00:00.000Z' }]);
      expect(stamp('event_arguments')).toEqual([{ created_by: local.id, updated_by: local.id, created_at: '2025-01-06T00:00:00.000Z', updated_at: '2025-01-06T00:00:00.000Z' }]);
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'annotations_by_layer'`).pluck().get()).toBe(1);
    } finally {
      store.close();
    }
  });

  it('stamps rows written by plain SQL with the local analyst, and refuses a relation across layers', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    seedVersion9(file);
    const store = openAt(file);
    try {
      const db = store.db;
      const local = localAnalyst(db);
      db.prepare(`INSERT INTO analysts (id, name, created_at) VALUES ('bob', 'Bob', '2026-01-01')`).run();
      db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES ('raw', 'd1', 'source', 0, 9, ?, '', '2026', '2026')`).run(text.slice(0, 9));
      expect(db.prepare(`SELECT layer, created_by, updated_by FROM annotations WHERE id = 'raw'`).get()).toEqual({ layer: local.id, created_by: local.id, updated_by: local.id });
      // The same span in Bob's layer: allowed (no uniqueness across layers).
      db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at, layer, created_by, updated_by) VALUES ('bobs', 'd1', 'source', 0, 9, ?, '', '2026', '2026', 'bob', 'bob', 'bob')`).run(text.slice(0, 9));
      expect(() => db.prepare(`INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES ('r2', 'attributed-to', 'claim1', 'bobs', '2026')`).run()).toThrow(/LAYER_MISMATCH/);
      expect(() => db.prepare(`INSERT INTO event_arguments (event_id, position, role, annotation_id) VALUES ('e1', 1, 'Agent', 'bobs')`).run()).toThrow(/LAYER_MISMATCH/);
      db.prepare(`INSERT INTO event_arguments (event_id, position, role, annotation_id) VALUES ('e1', 1, 'Agent', 'src1')`).run();
    } finally {
      store.close();
    }
  });
});
