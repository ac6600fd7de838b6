import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      outlet TEXT,
      url TEXT,
      published_at TEXT,
      imported_at TEXT NOT NULL,
      source_name TEXT,
      text TEXT NOT NULL,
      -- In UTF-16 code units, the unit of stored offsets (shared/offsets.ts); SQLite's
      -- length() counts code points, so the length is computed in JS when the text is stored.
      text_length INTEGER NOT NULL CHECK (text_length >= 0),
      content_hash TEXT NOT NULL UNIQUE
    );

    CREATE TABLE labels (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT NOT NULL,
      hotkey TEXT UNIQUE,
      position INTEGER NOT NULL
    );

    CREATE TABLE annotations (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE RESTRICT,
      start INTEGER NOT NULL CHECK (start >= 0),
      "end" INTEGER NOT NULL,
      quote TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ("end" > start)
    );
    CREATE INDEX annotations_by_document ON annotations(document_id, start, "end");
    CREATE INDEX annotations_by_label ON annotations(label_id);

    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    INSERT INTO labels (id, name, color, hotkey, position) VALUES
      ('claim', 'Claim', '#d9480f', '1', 1),
      ('source', 'Source', '#1c7ed6', '2', 2),
      ('location', 'Location', '#2b8a3e', '3', 3);
  `,
};
