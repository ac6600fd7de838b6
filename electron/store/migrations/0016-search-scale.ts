import type { Migration } from './types';

/**
 * Label-scoped search at 200,000 annotations ("said label:Claim"): each annotation the FTS5
 * index matches is tested for its label and grouped by its report. annotations_by_label_id gains
 * the report's id, so both come from the index (label_id, id, document_id) instead of a read of
 * the annotation's row per match; its other users (the claims table counts and joins a label's
 * annotations by id) read the same prefix as before.
 *
 * Claims filtered by a source's attribute alone (every claim attributed to a military source):
 * the count gathers the claims from the sources' values, through each source's relations.
 * relations_by_to gains the claim's id, so that step reads the index alone as well.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'search-claims-scale',
  up: `
    DROP INDEX annotations_by_label_id;
    CREATE INDEX annotations_by_label_id ON annotations(label_id, id, document_id);
    DROP INDEX relations_by_to;
    CREATE INDEX relations_by_to ON relations(to_id, type_id, from_id);
  `,
};
