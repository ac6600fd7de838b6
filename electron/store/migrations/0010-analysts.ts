import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../store';
import type { Migration } from './types';

/** The OS user's name, the first guess at the local analyst's name; 'Analyst' where there is none. */
export function osUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    return name.length > 0 && name.length <= 80 ? name : 'Analyst';
  } catch {
    return 'Analyst';
  }
}

// Rows written without a stamp (raw SQL of older tools, tests and benches) are stamped by these
// triggers with the local analyst and the time, so no row is ever anonymous; the writers always
// stamp, and the triggers never fire for them.
const local = `(SELECT value FROM meta WHERE key = 'analyst.local')`;
const nowSql = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

function stampTrigger(table: string, where: string, withTimes: { created: boolean; updated: boolean }): string {
  const sets = [
    `created_by = CASE created_by WHEN '' THEN ${local} ELSE created_by END`,
    `updated_by = CASE updated_by WHEN '' THEN coalesce(nullif(NEW.created_by, ''), ${local}) ELSE updated_by END`,
  ];
  const whens = [`NEW.created_by = ''`, `NEW.updated_by = ''`];
  if (withTimes.created) {
    sets.push(`created_at = CASE created_at WHEN '' THEN ${nowSql} ELSE created_at END`);
    whens.push(`NEW.created_at = ''`);
  }
  if (withTimes.updated) {
    sets.push(`updated_at = CASE updated_at WHEN '' THEN ${withTimes.created ? `coalesce(nullif(NEW.created_at, ''), ${nowSql})` : `coalesce(NEW.created_at, ${nowSql})`} ELSE updated_at END`);
    whens.push(`NEW.updated_at = ''`);
  }
  return `CREATE TRIGGER ${table}_stamp AFTER INSERT ON ${table} WHEN ${whens.join(' OR ')} BEGIN
      UPDATE ${table} SET ${sets.join(', ')} WHERE ${where};
    END;`;
}

const stampColumns = (table: string, times: { created: boolean; updated: boolean }) => `
    ALTER TABLE ${table} ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE ${table} ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
    ${times.created ? `ALTER TABLE ${table} ADD COLUMN created_at TEXT NOT NULL DEFAULT '';` : ''}
    ${times.updated ? `ALTER TABLE ${table} ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';` : ''}`;

/**
 * Several analysts, one corpus (issue 15). Every analyst has a stable id and a name; the one
 * using this store is meta 'analyst.local'. Each annotation lives in a layer: its analyst's id,
 * or 'gold' (the adjudicated layer); the same span may be in several layers. Relations, values,
 * places, events and event arguments belong to the layer of their annotation (their trigger for
 * an event), so a relation or an event argument across two layers is refused here, in the store.
 * Everything records who made it and who changed it last, and when. Whatever a store held before
 * becomes the local analyst's, whose name is the OS user's until they give theirs.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'analysts',
  up: `
    CREATE TABLE analysts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      created_at TEXT NOT NULL
    );

    ALTER TABLE annotations ADD COLUMN layer TEXT NOT NULL DEFAULT '';
    ${stampColumns('annotations', { created: false, updated: false })}
    CREATE INDEX annotations_by_layer ON annotations(layer, document_id, start);
    ${stampColumns('relations', { created: false, updated: true })}
    ${stampColumns('annotation_attributes', { created: true, updated: true })}
    ${stampColumns('places', { created: true, updated: true })}
    ${stampColumns('events', { created: false, updated: true })}
    ${stampColumns('event_arguments', { created: true, updated: true })}

    CREATE TRIGGER annotations_stamp AFTER INSERT ON annotations
      WHEN NEW.layer = '' OR NEW.created_by = '' OR NEW.updated_by = '' BEGIN
      UPDATE annotations SET
        layer = CASE layer WHEN '' THEN coalesce(nullif(NEW.created_by, ''), ${local}) ELSE layer END,
        created_by = CASE created_by WHEN '' THEN ${local} ELSE created_by END,
        updated_by = CASE updated_by WHEN '' THEN coalesce(nullif(NEW.created_by, ''), ${local}) ELSE updated_by END
      WHERE id = NEW.id;
    END;
    ${stampTrigger('relations', 'id = NEW.id', { created: false, updated: true })}
    ${stampTrigger('annotation_attributes', 'annotation_id = NEW.annotation_id AND attribute_id = NEW.attribute_id', { created: true, updated: true })}
    ${stampTrigger('places', 'annotation_id = NEW.annotation_id', { created: true, updated: true })}
    ${stampTrigger('events', 'id = NEW.id', { created: false, updated: true })}
    ${stampTrigger('event_arguments', 'event_id = NEW.event_id AND position = NEW.position', { created: true, updated: true })}

    CREATE TRIGGER relations_one_layer BEFORE INSERT ON relations
      WHEN (SELECT layer FROM annotations WHERE id = NEW.from_id) IS NOT (SELECT layer FROM annotations WHERE id = NEW.to_id) BEGIN
      SELECT RAISE(ABORT, 'LAYER_MISMATCH: a relation joins two annotations of the same layer');
    END;
    CREATE TRIGGER event_arguments_one_layer BEFORE INSERT ON event_arguments
      WHEN (SELECT a.layer FROM events e JOIN annotations a ON a.id = e.trigger_id WHERE e.id = NEW.event_id) IS NOT
        coalesce((SELECT layer FROM annotations WHERE id = NEW.annotation_id),
                 (SELECT a.layer FROM events e JOIN annotations a ON a.id = e.trigger_id WHERE e.id = NEW.argument_event_id)) BEGIN
      SELECT RAISE(ABORT, 'LAYER_MISMATCH: an event argument is in the layer of its event');
    END;
  `,
  run: (db: Db) => {
    const id = randomUUID();
    const now = new Date().toISOString();
    db.prepare('INSERT INTO analysts (id, name, created_at) VALUES (?, ?, ?)').run(id, osUserName(), now);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('analyst.local', ?)`).run(id);
    db.prepare(`UPDATE annotations SET layer = @id, created_by = @id, updated_by = @id`).run({ id });
    db.prepare(`UPDATE relations SET created_by = @id, updated_by = @id, updated_at = created_at`).run({ id });
    db.prepare(
      `UPDATE annotation_attributes SET created_by = @id, updated_by = @id,
         created_at = (SELECT a.updated_at FROM annotations a WHERE a.id = annotation_id),
         updated_at = (SELECT a.updated_at FROM annotations a WHERE a.id = annotation_id)`,
    ).run({ id });
    db.prepare(`UPDATE places SET created_by = @id, updated_by = @id, created_at = resolved_at, updated_at = resolved_at`).run({ id });
    db.prepare(`UPDATE events SET created_by = @id, updated_by = @id, updated_at = created_at`).run({ id });
    db.prepare(
      `UPDATE event_arguments SET created_by = @id, updated_by = @id,
         created_at = (SELECT e.created_at FROM events e WHERE e.id = event_id),
         updated_at = (SELECT e.created_at FROM events e WHERE e.id = event_id)`,
    ).run({ id });
  },
};
