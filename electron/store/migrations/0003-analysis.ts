import type { Migration } from './types';

/**
 * Analysis: typed attributes of labels and their values on annotations, typed relations between
 * annotations, and places resolved against the gazetteer. Seeds the default schema: Claim
 * (status, confidence, claim type), Source (kind, named), and the relation types
 * "attributed to" (Claim → Source) and "located at" (Claim → Location).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'analysis',
  up: `
    CREATE TABLE label_attributes (
      id TEXT PRIMARY KEY,
      label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      type TEXT NOT NULL CHECK (type IN ('choice', 'multi', 'text', 'number', 'date', 'boolean')),
      -- JSON array of the allowed values of choice and multi; [] for the other types.
      options TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options) AND json_type(options) = 'array'),
      position INTEGER NOT NULL,
      UNIQUE (label_id, name)
    );

    CREATE TABLE annotation_attributes (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      attribute_id TEXT NOT NULL REFERENCES label_attributes(id) ON DELETE CASCADE,
      -- JSON: a string (choice, text, date YYYY-MM-DD), an array of strings (multi), a number, or
      -- true/false. Checked against the attribute's type by the service before it is written.
      value TEXT NOT NULL CHECK (json_valid(value)),
      PRIMARY KEY (annotation_id, attribute_id)
    ) WITHOUT ROWID;
    CREATE INDEX annotation_attributes_by_value ON annotation_attributes(attribute_id, value);

    CREATE TABLE relation_types (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      from_label_id TEXT REFERENCES labels(id) ON DELETE SET NULL,
      to_label_id TEXT REFERENCES labels(id) ON DELETE SET NULL,
      position INTEGER NOT NULL
    );

    CREATE TABLE relations (
      id TEXT PRIMARY KEY,
      type_id TEXT NOT NULL REFERENCES relation_types(id) ON DELETE RESTRICT,
      from_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      to_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      CHECK (from_id <> to_id),
      UNIQUE (type_id, from_id, to_id)
    );
    CREATE INDEX relations_by_from ON relations(from_id, type_id);
    CREATE INDEX relations_by_to ON relations(to_id, type_id);

    CREATE TABLE places (
      annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
      geonameid INTEGER,
      name TEXT NOT NULL,
      -- ISO 3166-1 alpha-2
      country TEXT CHECK (country IS NULL OR length(country) = 2),
      admin1 TEXT,
      lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
      lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
      population INTEGER,
      resolved_by TEXT NOT NULL CHECK (resolved_by IN ('gazetteer', 'manual')),
      resolved_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX places_by_geonameid ON places(geonameid);

    -- The claims table: claims in document-date order straight from indexes (documents by date,
    -- then each document's claims by position, covering the id), and in creation order.
    CREATE INDEX documents_by_published ON documents(published_at);
    CREATE INDEX annotations_by_document_label ON annotations(document_id, label_id, start, id);
    CREATE INDEX annotations_by_label_created ON annotations(label_id, created_at);

    -- The default labels 'claim', 'source' and 'location' come from migration 1.
    INSERT INTO label_attributes (id, label_id, name, type, options, position) VALUES
      ('claim-status', 'claim', 'status', 'choice', '["unverified","corroborated","disputed","refuted"]', 1),
      ('claim-confidence', 'claim', 'confidence', 'choice', '["low","medium","high"]', 2),
      ('claim-type', 'claim', 'claim type', 'choice', '["event","casualty figure","territorial control","statement"]', 3),
      ('source-kind', 'source', 'kind', 'choice',
        '["official","military","armed group","NGO/monitor","media","social media","eyewitness","anonymous"]', 1),
      ('source-named', 'source', 'named', 'boolean', '[]', 2);

    INSERT INTO relation_types (id, name, from_label_id, to_label_id, position) VALUES
      ('attributed-to', 'attributed to', 'claim', 'source', 1),
      ('located-at', 'located at', 'claim', 'location', 2);
  `,
};
