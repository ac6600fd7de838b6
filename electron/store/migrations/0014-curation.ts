import type { Migration } from './types';

/**
 * Curation: every adjudication decision taken for the gold layer, kept even when undone (who,
 * when, which rule or by hand, from which analysts' layers). The candidate span is recorded by
 * its offsets and label; gold_annotation_id is the gold annotation the decision made (accept and
 * edit; null for reject, and once undone).
 */
// Named 0010 by the release's rule; version 11 here because it follows 0010-analysts (the lead renumbers at merge).
export const migration0014: Migration = {
  version: 14,
  name: 'curation',
  up: `
    CREATE TABLE curation_decisions (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      -- The candidate span decided on (UTF-16 offsets) and its label.
      start INTEGER NOT NULL CHECK (start >= 0),
      "end" INTEGER NOT NULL,
      label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
      action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'reject')),
      -- 'unanimous', 'majority' or 'threshold:N' when a rule pre-accepted it; NULL by hand.
      rule TEXT,
      -- JSON array of the analyst ids whose layers held the candidate.
      from_layers TEXT NOT NULL CHECK (json_valid(from_layers) AND json_type(from_layers) = 'array'),
      gold_annotation_id TEXT REFERENCES annotations(id) ON DELETE SET NULL,
      note TEXT NOT NULL DEFAULT '',
      -- The adjudicator's analyst id.
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      undone_at TEXT,
      undone_by TEXT,
      CHECK ("end" > start)
    );
    CREATE INDEX curation_decisions_by_document ON curation_decisions(document_id, start, "end");
    CREATE INDEX curation_decisions_by_gold ON curation_decisions(gold_annotation_id);
  `,
};
