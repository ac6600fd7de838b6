import type { Migration } from './types';

/**
 * The whole brat model: discontinuous spans (an annotation keeps its extent in start/end and
 * quote, and its fragments here, in order, only when it has more than one), events (a trigger
 * annotation, a type that is a label of kind 'event', ordered role arguments each pointing at an
 * annotation or another event, and attribute values), equivalence sets, normalisations (an
 * annotation → resource:id, e.g. GeoNames:170905) and notes of any type on annotations, events
 * and relations. Deleting an annotation takes by cascade the fragments, events it triggers,
 * arguments, members, normalisations and notes that point at it.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'brat-model',
  up: `
    ALTER TABLE labels ADD COLUMN kind TEXT NOT NULL DEFAULT 'span' CHECK (kind IN ('span', 'event'));

    CREATE TABLE annotation_fragments (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      -- UTF-16 offsets into the document's text, inside the annotation's start/end.
      start INTEGER NOT NULL CHECK (start >= 0),
      "end" INTEGER NOT NULL,
      quote TEXT NOT NULL,
      CHECK ("end" > start),
      PRIMARY KEY (annotation_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE RESTRICT,
      trigger_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL
    );
    CREATE INDEX events_by_document ON events(document_id);
    CREATE INDEX events_by_trigger ON events(trigger_id);

    CREATE TABLE event_arguments (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      -- As written (brat numbers repeated roles: Theme, Theme2).
      role TEXT NOT NULL CHECK (length(role) > 0),
      annotation_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,
      argument_event_id TEXT REFERENCES events(id) ON DELETE CASCADE,
      CHECK ((annotation_id IS NULL) <> (argument_event_id IS NULL)),
      PRIMARY KEY (event_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX event_arguments_by_annotation ON event_arguments(annotation_id);
    CREATE INDEX event_arguments_by_event ON event_arguments(argument_event_id);

    CREATE TABLE event_attributes (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      attribute_id TEXT NOT NULL REFERENCES label_attributes(id) ON DELETE CASCADE,
      value TEXT NOT NULL CHECK (json_valid(value)),
      PRIMARY KEY (event_id, attribute_id)
    ) WITHOUT ROWID;

    CREATE TABLE equivalences (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (length(type) > 0),
      created_at TEXT NOT NULL
    );
    CREATE INDEX equivalences_by_document ON equivalences(document_id);

    CREATE TABLE equivalence_members (
      equivalence_id TEXT NOT NULL REFERENCES equivalences(id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      PRIMARY KEY (equivalence_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX equivalence_members_by_annotation ON equivalence_members(annotation_id);

    CREATE TABLE normalisations (
      id TEXT PRIMARY KEY,
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      -- brat's normalisation type, as written ("Reference").
      type TEXT NOT NULL CHECK (length(type) > 0),
      resource TEXT NOT NULL CHECK (length(resource) > 0),
      resource_id TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    );
    CREATE INDEX normalisations_by_annotation ON normalisations(annotation_id);

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      annotation_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,
      event_id TEXT REFERENCES events(id) ON DELETE CASCADE,
      relation_id TEXT REFERENCES relations(id) ON DELETE CASCADE,
      -- brat's note type, as written ("AnnotatorNotes", "Lemma"…).
      type TEXT NOT NULL CHECK (length(type) > 0),
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((annotation_id IS NOT NULL) + (event_id IS NOT NULL) + (relation_id IS NOT NULL) = 1)
    );
    CREATE INDEX notes_by_document ON notes(document_id);
    CREATE INDEX notes_by_annotation ON notes(annotation_id);
    CREATE INDEX notes_by_event ON notes(event_id);
    CREATE INDEX notes_by_relation ON notes(relation_id);
  `,
};
