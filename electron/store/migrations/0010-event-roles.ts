import type { Migration } from './types';

/** The default event types, ACLED's most common: each a label of kind 'event'. */
const acledTypes = [
  { id: 'event-battle', name: 'Battle', color: '#7048e8' },
  { id: 'event-violence-against-civilians', name: 'Violence against civilians', color: '#c2255c' },
  { id: 'event-protest', name: 'Protest', color: '#0b7285' },
];
const acledRoles = ['actor', 'target', 'location', 'time'];

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The roles an event type offers (event_arguments.role stays free text, as brat writes it: these
 * are what the reader proposes), and ACLED-style event types in the default schema: Battle,
 * Violence against civilians and Protest, with the roles actor, target, location and time. A
 * store that already has a label of one of these names (any case) keeps its own and gets none.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'event-roles',
  up: `
    CREATE TABLE event_roles (
      label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      role TEXT NOT NULL CHECK (length(role) > 0),
      PRIMARY KEY (label_id, role)
    ) WITHOUT ROWID;
    ${acledTypes
      .map(
        (t) => `
    INSERT INTO labels (id, name, color, hotkey, position, kind)
      SELECT ${quoted(t.id)}, ${quoted(t.name)}, ${quoted(t.color)}, NULL, (SELECT coalesce(max(position), 0) + 1 FROM labels), 'event'
      WHERE NOT EXISTS (SELECT 1 FROM labels WHERE id = ${quoted(t.id)} OR name = ${quoted(t.name)} COLLATE NOCASE);
    INSERT INTO event_roles (label_id, position, role)
      SELECT ${quoted(t.id)}, p.position, p.role FROM (${acledRoles.map((r, i) => `SELECT ${i} AS position, ${quoted(r)} AS role`).join(' UNION ALL ')}) p
      WHERE EXISTS (SELECT 1 FROM labels WHERE id = ${quoted(t.id)} AND kind = 'event');`,
      )
      .join('')}
  `,
};
