import { createHash } from 'node:crypto';
import type { Db } from '../store';
import type { Migration } from './types';

/**
 * The normalisation duplicates are judged by from this version on: NFC and white space
 * collapsed, case kept (texts that differ only in case are different reports). A frozen copy
 * of services/library/documents.ts's, as every migration must keep doing what it did.
 */
function caseKeepingHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/gu, ' ').trim(), 'utf8').digest('hex');
}

/**
 * Two changes from the dataset imports:
 * - documents.source_record: what a dataset record said about itself that Glossa has no column
 *   for (doccano's "id" and "meta", the users who annotated it…), as a JSON object, exported back;
 * - content hashes no longer fold case, so every stored hash is computed again.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'source-records',
  up: `
    ALTER TABLE documents ADD COLUMN source_record TEXT;
  `,
  run: (db: Db) => {
    // Ids first, then one text at a time: a connection cannot write while it iterates.
    const ids = db.prepare('SELECT id FROM documents').pluck().all() as string[];
    const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
    const update = db.prepare('UPDATE documents SET content_hash = ? WHERE id = ?');
    for (const id of ids) update.run(caseKeepingHash(textOf.get(id) as string), id);
  },
};
