import type { Migration } from './types';

/**
 * Opening a report asks for its layers (annotations per analyst) and its counts per label in the
 * layer shown. Both read every annotation of the report: from the table row by row, 600 and 290
 * ms at 200,000 annotations, before this index answers them from its own entries.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'document-layers',
  up: `
    CREATE INDEX annotations_by_document_layer ON annotations(document_id, layer, label_id);
  `,
};
