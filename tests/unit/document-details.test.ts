// Document details (title, outlet, author, date, URL, tags), and delete with undo: the snapshot
// covers every table that references documents or annotations, found from the schema.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { deleteDocument } from '../../electron/services/library/document-delete';
import { restoreDocument } from '../../electron/services/library/document-restore';
import { undoSnapshots, type DocumentSnapshot } from '../../electron/services/undo-snapshots';
import { contentHash, getDocument, listDocuments, normalisedForHash, updateDocument } from '../../electron/services/library/documents';
import { createHandlers } from '../../electron/services/index';
import type { Db } from '../../electron/store/store';
import { addText, errorCodeOf, openTestContext } from './helpers';

/** Every row of every table, for comparing a store before a delete and after its undo. */
/** Every table's rows, but the search index's (rebuilt on restore, with new internal ids; search.test.ts checks it finds the same). */
function dump(db: Db): Record<string, unknown[]> {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
}

describe('document details', () => {
  it('edits title, outlet, author, date, URL and tags; null or empty clears; tags merge ignoring case', () => {
    const t = openTestContext();
    const id = addText(t.ctx, 'Rebels said they took the bridge.', 'Untitled');
    const updated = updateDocument(t.ctx, {
      id,
      title: '  Bridge taken  ',
      outlet: 'Northwind Wire',
      author: 'Mira Okafor',
      publishedAt: '2025-03-14',
      url: 'https://northwind.example/a',
      tags: ['Dorsk', 'bridges', 'dorsk', 'Army '],
    });
    expect(updated).toMatchObject({
      title: 'Bridge taken',
      outlet: 'Northwind Wire',
      author: 'Mira Okafor',
      publishedAt: '2025-03-14',
      url: 'https://northwind.example/a',
      tags: ['Army', 'bridges', 'Dorsk'],
      text: 'Rebels said they took the bridge.',
    });
    const cleared = updateDocument(t.ctx, { id, outlet: null, author: '', tags: [] });
    expect(cleared).toMatchObject({ title: 'Bridge taken', outlet: null, author: null, publishedAt: '2025-03-14', tags: [] });
    updateDocument(t.ctx, { id, tags: ['x'] });
    expect(listDocuments(t.ctx)[0]).toMatchObject({ id, tags: ['x'], author: null, sourceFormat: null, encoding: null });
  });

  it('validates through the dispatcher: no empty title, no unknown document, no commas in tags', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const id = addText(t.ctx, 'Some text.');
    expect(await dispatch('documents.update', { id, title: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('documents.update', { id, tags: ['a,b'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('documents.update', { id: 'nope', title: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('documents.update', { id, author: 'A. Writer' })).toMatchObject({ ok: true, value: { author: 'A. Writer', pageMap: null } });
  });
});

describe('content hash', () => {
  it('hashes the normalised text: NFC, white space collapsed, case kept (issue 12)', () => {
    expect(normalisedForHash('  Straße\u00a0in\n\nCafe\u0301  ')).toBe('Straße in Café');
    expect(contentHash('Rebels SAID\r\n it')).toBe(contentHash('Rebels SAID it'));
    // Texts that differ only in case are different reports.
    expect(contentHash('Rebels SAID it')).not.toBe(contentHash('rebels said it'));
    expect(contentHash('rebels said it.')).not.toBe(contentHash('rebels said it'));
  });
});

describe('delete and undo', () => {
  it('deletes a document with its annotations, tags and rows of any table hanging off them, and restores all of it', async () => {
    const t = openTestContext();
    const db = t.store.db;
    // Tables a later migration might add: one hanging off annotations, one off documents with SET NULL.
    db.exec(`
      CREATE TABLE test_comments (id TEXT PRIMARY KEY, annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE, body TEXT);
      CREATE TABLE test_replies (id TEXT PRIMARY KEY, comment_id TEXT NOT NULL REFERENCES test_comments(id) ON DELETE CASCADE, n INTEGER);
      CREATE TABLE test_bookmarks (id TEXT PRIMARY KEY, document_id TEXT REFERENCES documents(id) ON DELETE SET NULL, name TEXT);
    `);
    const keep = addText(t.ctx, 'Another report that stays.', 'Stays');
    const id = addText(t.ctx, 'Rebels said they took the bridge at Dorsk.', 'Goes');
    updateDocument(t.ctx, { id, tags: ['dorsk', 'bridges'], author: 'Mira Okafor' });
    const a1 = createAnnotation(t.ctx, { documentId: id, labelId: 'claim', start: 0, end: 6, note: 'who?' });
    const a2 = createAnnotation(t.ctx, { documentId: id, labelId: 'location', start: 36, end: 41 });
    createAnnotation(t.ctx, { documentId: keep, labelId: 'claim', start: 0, end: 7 });
    db.prepare('INSERT INTO test_comments VALUES (?, ?, ?)').run('c1', a1.id, 'check this');
    db.prepare('INSERT INTO test_comments VALUES (?, ?, ?)').run('c2', a2.id, 'a town');
    db.prepare('INSERT INTO test_replies VALUES (?, ?, ?)').run('r1', 'c1', 2.5);
    db.prepare('INSERT INTO test_bookmarks VALUES (?, ?, ?)').run('b1', id, 'mine');
    const before = dump(db);

    const dispatch = createDispatcher(createHandlers(t.ctx));
    const deleted = await dispatch('documents.delete', { id });
    expect(deleted.ok).toBe(true);
    const summary = (deleted as { ok: true; value: ReturnType<typeof deleteDocument> }).value;
    expect(summary.document).toMatchObject({ id, title: 'Goes', tags: ['bridges', 'dorsk'], author: 'Mira Okafor' });
    expect(summary.annotations).toBe(2);
    // The page gets a summary and a token; the rows stay in main.
    expect(Object.keys(summary).sort()).toEqual(['annotations', 'document', 'undoToken']);
    const held = (token: string): DocumentSnapshot => undoSnapshots(t.store).get('document', token);
    const snapshot = held(summary.undoToken);
    expect(snapshot.tables.map((x) => x.table)[0]).toBe('documents');
    expect(new Set(snapshot.tables.map((x) => x.table))).toEqual(new Set(['documents', 'annotations', 'document_tags', 'test_comments', 'test_replies', 'test_bookmarks']));
    expect(db.prepare('SELECT count(*) AS n FROM annotations WHERE document_id = ?').get(id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM test_replies').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT document_id FROM test_bookmarks').get()).toEqual({ document_id: null });
    expect(await dispatch('documents.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Rows sent by the page are refused by the contract; the token puts everything back.
    expect(await dispatch('documents.restore', { snapshot: JSON.parse(JSON.stringify(snapshot)) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    const restored = await dispatch('documents.restore', { token: summary.undoToken });
    expect(restored).toMatchObject({ ok: true, value: { id, title: 'Goes', counts: { claim: 1, location: 1 }, tags: ['bridges', 'dorsk'] } });
    expect(dump(db)).toEqual(before);
    expect(getDocument(t.ctx, id).text).toBe('Rebels said they took the bridge at Dorsk.');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Undo twice is refused (the token is spent; a snapshot of a document that is back is a
    // duplicate); so is a snapshot naming a table or column that cannot hang off a document.
    expect(await dispatch('documents.restore', { token: summary.undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(errorCodeOf(() => restoreDocument(t.ctx, undoSnapshots(t.store).remember('document', snapshot)))).toBe('DUPLICATE');
    const again = held(deleteDocument(t.ctx, id).undoToken);
    const forged = (changed: DocumentSnapshot) => undoSnapshots(t.store).remember('document', changed);
    const withLabels = { ...again, tables: [...again.tables, { table: 'labels', rows: [{ id: 'evil', name: 'Evil', color: '#000000', hotkey: null, position: 9 }] }] };
    expect(() => restoreDocument(t.ctx, forged(withLabels))).toThrow('Cannot restore rows of labels.');
    const badColumn = { ...again, tables: again.tables.map((x) => (x.table === 'annotations' ? { ...x, rows: [{ ...x.rows[0]!, 'evil"; DROP TABLE documents; --': 1 }] } : x)) };
    expect(() => restoreDocument(t.ctx, forged(badColumn))).toThrow(/has no column/);
    expect(await dispatch('documents.restore', { token: forged({ ...again, tables: [{ table: 'bad name', rows: [] }] }) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGS' },
    });
    expect(getDocument(t.ctx, keep).title).toBe('Stays');
    expect(restoreDocument(t.ctx, forged(again))).toMatchObject({ id });
  });

  it('refuses to put back a document whose text was imported again since', () => {
    const t = openTestContext();
    const id = addText(t.ctx, 'Same words.', 'First');
    const { undoToken } = deleteDocument(t.ctx, id);
    addText(t.ctx, 'Same \n  words.', 'Second');
    expect(() => restoreDocument(t.ctx, undoToken)).toThrow('“First” cannot be put back: “Second”, imported since, has the same text.');
  });
});
