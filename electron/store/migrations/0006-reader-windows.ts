import type { Migration } from './types';

/**
 * The reader's windowed loading of long reports: the longest span of a document (read from this
 * index) bounds the search for the spans that reach into a window from before it; without it,
 * that search reads every span before the window.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'reader-windows',
  up: `
    CREATE INDEX annotations_by_document_length ON annotations(document_id, ("end" - start));
  `,
};
