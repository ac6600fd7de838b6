// Which tables team sync carries, as which entity of the protocol (shared/sync/protocol.ts), with
// their key, the columns that travel as fields (derived ones are rebuilt on apply), the layer a
// row lives in (an SQL expression over NEW or OLD), and the values that must stay unique.
import type { SyncEntity } from '../../../shared/sync/protocol';

export interface SyncedTable {
  table: string;
  entity: SyncEntity;
  /** Primary key columns: one names the entity id, several make a JSON array of their values. */
  key: readonly string[];
  /** Columns that travel as fields (the key's included), all of them in a put of a new row. */
  columns: readonly string[];
  /** The row's layer, as SQL over `row` (NEW or OLD): 'shared', 'gold', or its annotation's layer. */
  layer: (row: string) => string;
  /** Column groups the store keeps unique; a later claim loses, by log order (sync-apply.ts). */
  unique?: readonly (readonly string[])[];
}

const shared = () => `'shared'`;
const annotationLayer = (column: string) => (row: string) => `(SELECT layer FROM annotations WHERE id = ${row}.${column})`;
const eventLayer = (column: string) => (row: string) =>
  `(SELECT a.layer FROM events e JOIN annotations a ON a.id = e.trigger_id WHERE e.id = ${row}.${column})`;
const stamps = ['created_by', 'updated_by', 'created_at', 'updated_at'];

/** Parents first: the order a store's rows are queued in when it joins a team. */
export const syncedTables: readonly SyncedTable[] = [
  { table: 'labels', entity: 'label', key: ['id'], columns: ['id', 'name', 'color', 'hotkey', 'position', 'kind'], layer: shared, unique: [['name'], ['hotkey']] },
  { table: 'label_attributes', entity: 'attribute', key: ['id'], columns: ['id', 'label_id', 'name', 'type', 'options', 'position'], layer: shared, unique: [['label_id', 'name']] },
  { table: 'relation_types', entity: 'relationType', key: ['id'], columns: ['id', 'name', 'from_label_id', 'to_label_id', 'position'], layer: shared, unique: [['name']] },
  { table: 'event_roles', entity: 'eventRole', key: ['label_id', 'role'], columns: ['label_id', 'role', 'position'], layer: shared },
  {
    table: 'documents',
    entity: 'document',
    key: ['id'],
    // The text travels in documentText changes (services/sync/outbound.ts); text_length and list_folded are derived.
    columns: ['id', 'title', 'outlet', 'url', 'published_at', 'imported_at', 'source_name', 'content_hash', 'author', 'source_format', 'encoding', 'page_map', 'source_record'],
    layer: shared,
    unique: [['content_hash']],
  },
  { table: 'document_tags', entity: 'documentTag', key: ['document_id', 'tag'], columns: ['document_id', 'tag'], layer: shared },
  { table: 'document_notices', entity: 'documentNotice', key: ['document_id', 'position'], columns: ['document_id', 'position', 'kind', 'code', 'count', 'pages', 'message'], layer: shared },
  {
    table: 'annotations',
    entity: 'annotation',
    key: ['id'],
    columns: ['id', 'document_id', 'label_id', 'start', 'end', 'quote', 'note', 'created_at', 'updated_at', 'layer', 'created_by', 'updated_by'],
    layer: (row) => `${row}.layer`,
  },
  { table: 'annotation_fragments', entity: 'fragment', key: ['annotation_id', 'position'], columns: ['annotation_id', 'position', 'start', 'end', 'quote'], layer: annotationLayer('annotation_id') },
  { table: 'relations', entity: 'relation', key: ['id'], columns: ['id', 'type_id', 'from_id', 'to_id', ...stamps], layer: annotationLayer('from_id') },
  { table: 'annotation_attributes', entity: 'attributeValue', key: ['annotation_id', 'attribute_id'], columns: ['annotation_id', 'attribute_id', 'value', ...stamps], layer: annotationLayer('annotation_id') },
  {
    table: 'places',
    entity: 'place',
    key: ['annotation_id'],
    columns: ['annotation_id', 'geonameid', 'name', 'country', 'admin1', 'lat', 'lon', 'population', 'resolved_by', 'resolved_at', ...stamps],
    layer: annotationLayer('annotation_id'),
  },
  { table: 'events', entity: 'event', key: ['id'], columns: ['id', 'document_id', 'label_id', 'trigger_id', ...stamps], layer: annotationLayer('trigger_id') },
  { table: 'event_attributes', entity: 'eventAttribute', key: ['event_id', 'attribute_id'], columns: ['event_id', 'attribute_id', 'value'], layer: eventLayer('event_id') },
  {
    table: 'event_arguments',
    entity: 'eventArgument',
    key: ['event_id', 'position'],
    columns: ['event_id', 'position', 'role', 'annotation_id', 'argument_event_id', ...stamps],
    layer: eventLayer('event_id'),
  },
  { table: 'normalisations', entity: 'normalisation', key: ['id'], columns: ['id', 'annotation_id', 'type', 'resource', 'resource_id', 'text', 'created_at'], layer: annotationLayer('annotation_id') },
  { table: 'equivalences', entity: 'equivalence', key: ['id'], columns: ['id', 'document_id', 'type', 'created_at'], layer: () => 'glossa_sync_analyst()' },
  { table: 'equivalence_members', entity: 'equivalenceMember', key: ['equivalence_id', 'position'], columns: ['equivalence_id', 'position', 'annotation_id'], layer: annotationLayer('annotation_id') },
  {
    table: 'notes',
    entity: 'note',
    key: ['id'],
    columns: ['id', 'document_id', 'annotation_id', 'event_id', 'relation_id', 'type', 'text', 'created_at'],
    layer: (row) =>
      `coalesce(${annotationLayer('annotation_id')(row)}, ${eventLayer('event_id')(row)}, (SELECT a.layer FROM relations r JOIN annotations a ON a.id = r.from_id WHERE r.id = ${row}.relation_id))`,
  },
  {
    table: 'curation_decisions',
    entity: 'gold',
    key: ['id'],
    columns: ['id', 'document_id', 'start', 'end', 'label_id', 'action', 'rule', 'from_layers', 'gold_annotation_id', 'note', 'decided_by', 'decided_at', 'undone_at', 'undone_by'],
    layer: () => `'gold'`,
  },
];

export const syncedTableOf: ReadonlyMap<string, SyncedTable> = new Map(syncedTables.map((t) => [t.entity, t]));

/** A column as SQL (quoted: "end" is a keyword). */
export const col = (name: string) => `"${name}"`;

/** The entity id of a row as SQL over `row`: its one key column, or a JSON array of its key. */
export function entityIdSql(t: SyncedTable, row: string): string {
  return t.key.length === 1 ? `${row}.${col(t.key[0]!)}` : `json_array(${t.key.map((k) => `${row}.${col(k)}`).join(', ')})`;
}

/** The key values of an entity id (the inverse of entityIdSql). */
export function keyOf(t: SyncedTable, entityId: string): unknown[] {
  return t.key.length === 1 ? [entityId] : (JSON.parse(entityId) as unknown[]);
}

/** The entity id of key values, as entityIdSql makes it (SQLite's json_array: no spaces). */
export function entityIdOf(t: SyncedTable, key: readonly unknown[]): string {
  return t.key.length === 1 ? String(key[0]) : JSON.stringify(key);
}
