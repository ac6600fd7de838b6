// Migration 0007 on a store of schema 6: every content hash is computed again without case
// folding (so the texts pass the integrity check and a case variant is a new report), and
// documents gain source_record. (Undo snapshots live in memory only, so none predates it.)
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { createHash } from 'node:crypto';
import { addDocument, contentHash, getDocument } from '../../electron/services/library/documents';
import { checkTextIntact } from '../../electron/services/library/text-integrity';
import { latestSchemaVersion, migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { ScriptedDialogs, tempDir } from './helpers';

const openAt = (file: string, version?: number) =>
  openStore(file, version === undefined ? {} : ({ migrations: migrations.filter((m) => m.version <= version) } as object));

/** The hash of schemas 1-6: the normalised text, case folded. */
const caseFoldedHash = (text: string) => createHash('sha256').update(text.normalize('NFC').replace(/\s+/gu, ' ').trim().toUpperCase().toLowerCase(), 'utf8').digest('hex');

describe('migration 0007 (source records, case-keeping hashes)', () => {
  it('hashes the stored texts again, keeping case, and adds source_record', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openAt(file, 6);
    const text = 'FIRE AT THE MILL, the Gazette said.';
    old.db
      .prepare(`INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES ('d1', 'Old report', '2025-01-01', ?, ?, ?)`)
      .run(text, text.length, caseFoldedHash(text));
    old.close();

    const store = openAt(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(store.db.prepare("SELECT content_hash FROM documents WHERE id = 'd1'").pluck().get()).toBe(contentHash(text));
      expect(store.db.prepare("SELECT source_record FROM documents WHERE id = 'd1'").pluck().get()).toBeNull();
      const ctx = createContext(store, new ScriptedDialogs(), 'test');
      expect(() => checkTextIntact(getDocument(ctx, 'd1'))).not.toThrow();
      expect(addDocument(ctx, { title: 'Lower', text: text.toLowerCase() })).toMatchObject({ status: 'added' });
      expect(addDocument(ctx, { title: 'Same', text: ` ${text}\n` })).toMatchObject({ status: 'duplicate', existingId: 'd1' });
    } finally {
      store.close();
    }
  });

});
