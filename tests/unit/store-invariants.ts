// What must hold of a store whatever the renderer sent: SQLite's own check, every annotation's
// offsets within its text with its quote equal to the text there, relations within one document,
// places only on Location spans (or spans relabelled since), and every dataset export of the library succeeding.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../../electron/services/context';
import { exportDataset } from '../../electron/services/datasets/export';
import { datasetFormatIds } from '../../shared/formats';

/** Every broken rule, as a sentence; empty when the store is sound. */
export function storeViolations(ctx: ServiceContext, exportDir: string): string[] {
  const db = ctx.store.db;
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const keys = db.pragma('foreign_key_check') as unknown[];
  if (keys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(keys.slice(0, 3))}`);
  const annotations = db
    .prepare(
      `SELECT a.id, a.start, a."end", a.quote, substr(d.text, a.start + 1, a."end" - a.start) AS there, length(d.text) AS length
       FROM annotations a JOIN documents d ON d.id = a.document_id`,
    )
    .all() as { id: string; start: number; end: number; quote: string; there: string; length: number }[];
  for (const a of annotations) {
    if (!(a.start >= 0 && a.start < a.end && a.end <= a.length)) problems.push(`annotation ${a.id}: offsets ${a.start}-${a.end} outside a text of ${a.length}`);
    else if (a.quote !== a.there) problems.push(`annotation ${a.id}: quote differs from the text`);
  }
  const crossing = db
    .prepare(
      `SELECT r.id FROM relations r JOIN annotations f ON f.id = r.from_id JOIN annotations t ON t.id = r.to_id
       WHERE f.document_id <> t.document_id`,
    )
    .all() as { id: string }[];
  for (const r of crossing) problems.push(`relation ${r.id} crosses documents`);
  // A place is set only on a Location span; relabelling the span later keeps it (the card then
  // offers to clear it), so a place on another label is sound only when the span changed since.
  const misplaced = db
    .prepare(
      `SELECT p.annotation_id AS id, a.label_id AS label FROM places p JOIN annotations a ON a.id = p.annotation_id
       WHERE a.label_id <> 'location' AND a.updated_at < p.resolved_at`,
    )
    .all() as { id: string; label: string }[];
  for (const p of misplaced) problems.push(`place on ${p.id}, a ${p.label} span`);
  const longText = db.prepare('SELECT id FROM documents WHERE length(text) > 20000000').all() as { id: string }[];
  for (const d of longText) problems.push(`document ${d.id} is over 20 M characters`);
  fs.mkdirSync(exportDir, { recursive: true });
  for (const format of datasetFormatIds) {
    try {
      exportDataset(ctx, { format }, path.join(exportDir, `export-${format}-${Date.now()}`));
    } catch (error) {
      problems.push(`export ${format}: ${(error as Error).message.slice(0, 200)}`);
    }
  }
  fs.rmSync(exportDir, { recursive: true, force: true });
  return problems;
}
