import type { Migration } from './types';

/**
 * The claims table at 300,000 claims. annotations_by_label_id replaces annotations_by_label with
 * the id added, so the claims of a label are counted and tested against an attribute filter from
 * the index alone (the old index sent each of them to the table row for its id).
 * annotations_by_label_quote gives the sort by quote its order, so a page of it is read from the
 * index instead of sorting every claim.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'claims-scale',
  up: `
    CREATE INDEX annotations_by_label_id ON annotations(label_id, id);
    DROP INDEX annotations_by_label;
    CREATE INDEX annotations_by_label_quote ON annotations(label_id, quote COLLATE NOCASE, id);
  `,
};
