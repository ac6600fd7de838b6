// A replica's state as text that must be identical on every replica once all have synced: every
// row of the tables the team shares (minus the search index's own bookkeeping), sorted, plus which
// annotations the search index holds (a pulled span must be searchable like a typed one).
import type { Db } from '../../../../electron/store/store';

/** The tables sync carries, each with the columns that identify a row, for a stable order. */
const syncedTables = [
  'documents',
  'document_tags',
  'document_notices',
  'labels',
  'label_attributes',
  'relation_types',
  'event_roles',
  'annotations',
  'annotation_fragments',
  'annotation_attributes',
  'relations',
  'places',
  'events',
  'event_arguments',
  'event_attributes',
  'normalisations',
  'notes',
  'equivalences',
  'equivalence_members',
  'curation_decisions',
] as const;

/** Columns that are a replica's own bookkeeping, not shared state. */
const localColumns: Record<string, readonly string[]> = {};

export type CanonicalDump = Record<string, string[]>;

export function canonicalDump(db: Db): CanonicalDump {
  const dump: CanonicalDump = {};
  for (const table of syncedTables) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((name) => !localColumns[table]?.includes(name))
      .sort();
    const select = columns.map((c) => `"${c}"`).join(', ');
    dump[table] = (db.prepare(`SELECT ${select} FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
  }
  dump.analysts = referencedAnalysts(db);
  // The annotations the search index holds: its rowids are the annotations' rowids (migration 0017).
  dump.search_annotations = (
    db.prepare("SELECT coalesce(a.id, 'no annotation') FROM search_annotation_text s LEFT JOIN annotations a ON a.rowid = s.rowid").pluck().all() as string[]
  ).sort();
  return dump;
}

/** Columns naming an analyst: whoever they name must be known, by the same name, on every replica. */
const analystColumns = ['layer', 'created_by', 'updated_by', 'decided_by', 'undone_by', 'resolved_by'];

/**
 * The analysts the shared rows name, with their names. A replica's other analysts (its own
 * identity from before it joined, say) and when it first heard of each are its own business.
 */
function referencedAnalysts(db: Db): string[] {
  const references = syncedTables.flatMap((table) =>
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
      .filter((c) => analystColumns.includes(c.name))
      .map((c) => `SELECT "${c.name}" AS id FROM "${table}"`),
  );
  const rows = db.prepare(`SELECT a.id, a.name FROM analysts a WHERE a.id IN (${references.join(' UNION ')})`).raw().all() as unknown[][];
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** The first difference between two dumps, as a sentence, or null when they are equal. */
export function firstDifference(a: CanonicalDump, b: CanonicalDump): string | null {
  for (const table of Object.keys(a)) {
    const left = new Set(a[table]);
    const right = new Set(b[table] ?? []);
    const onlyLeft = a[table]!.filter((row) => !right.has(row));
    const onlyRight = (b[table] ?? []).filter((row) => !left.has(row));
    if (onlyLeft.length || onlyRight.length || a[table]!.length !== (b[table] ?? []).length) {
      return `${table}: ${onlyLeft.length} rows only in the first (e.g. ${onlyLeft[0] ?? '-'}), ${onlyRight.length} only in the second (e.g. ${onlyRight[0] ?? '-'})`;
    }
  }
  return null;
}
