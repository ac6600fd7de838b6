import type { ServerMigration } from './index';

/**
 * The change log and what conflict detection needs. `changes.seq` is assigned by the push
 * transaction from `sequence_head`, whose row lock serialises pushes: sequences are gap-free and
 * in commit order (a bigserial would leave gaps on rollback and could commit 7 before 6, so a
 * pull after 6 would miss 7 for good).
 */
export const migration0001: ServerMigration = {
  version: 1,
  name: 'changes',
  sql: `
    CREATE TABLE analysts (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    CREATE TABLE sequence_head (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      seq bigint NOT NULL
    );
    INSERT INTO sequence_head (only_row, seq) VALUES (true, 0);
    CREATE TABLE changes (
      seq bigint PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      analyst uuid NOT NULL REFERENCES analysts (id),
      entity text NOT NULL,
      entity_id text NOT NULL,
      op text NOT NULL CHECK (op IN ('put', 'delete')),
      fields jsonb NOT NULL,
      layer text NOT NULL,
      made_at text NOT NULL,
      base bigint NOT NULL,
      conflicted jsonb NOT NULL DEFAULT '[]',
      received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX changes_by_entity ON changes (entity, entity_id);
    -- The layer an object lives in, fixed by its first change.
    CREATE TABLE entity_layers (
      entity text NOT NULL,
      entity_id text NOT NULL,
      layer text NOT NULL,
      PRIMARY KEY (entity, entity_id)
    );
    -- The last applied write of each field of a shared or gold object ('*' for a delete).
    CREATE TABLE entity_heads (
      entity text NOT NULL,
      entity_id text NOT NULL,
      field text NOT NULL,
      seq bigint NOT NULL,
      analyst uuid NOT NULL,
      PRIMARY KEY (entity, entity_id, field)
    );
    CREATE TABLE conflicts (
      id bigserial PRIMARY KEY,
      change_seq bigint NOT NULL REFERENCES changes (seq),
      entity text NOT NULL,
      entity_id text NOT NULL,
      field text NOT NULL,
      analyst uuid NOT NULL,
      value jsonb,
      head_seq bigint NOT NULL REFERENCES changes (seq),
      head_analyst uuid NOT NULL,
      resolved_seq bigint REFERENCES changes (seq),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX conflicts_open ON conflicts (entity, entity_id, field) WHERE resolved_seq IS NULL;
  `,
};
