import type { Migration } from './types';

/**
 * The claims table sorted by a choice attribute (status) at 300,000 claims. Each attribute value
 * row carries copies of its annotation's label and its report's date, so one index,
 * annotation_attributes_by_order, holds a value's claims in the table's tie order (report date,
 * newest first, then id): a page at any offset is read by stepping that index, with no join and
 * no sort. Triggers keep the copies: rows reach this table through the value writer, undo's
 * restore and sync alike, and a report's date or an annotation's label may change later.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'claims-order',
  up: `
    ALTER TABLE annotation_attributes ADD COLUMN label_id TEXT;
    ALTER TABLE annotation_attributes ADD COLUMN published_at TEXT;
    UPDATE annotation_attributes SET
      label_id = (SELECT a.label_id FROM annotations a WHERE a.id = annotation_attributes.annotation_id),
      published_at = (SELECT d.published_at FROM annotations a JOIN documents d ON d.id = a.document_id
                      WHERE a.id = annotation_attributes.annotation_id);
    CREATE INDEX annotation_attributes_by_order
      ON annotation_attributes(attribute_id, label_id, value, published_at DESC, annotation_id);

    CREATE TRIGGER annotation_attributes_order_insert AFTER INSERT ON annotation_attributes BEGIN
      UPDATE annotation_attributes SET
        label_id = (SELECT a.label_id FROM annotations a WHERE a.id = new.annotation_id),
        published_at = (SELECT d.published_at FROM annotations a JOIN documents d ON d.id = a.document_id WHERE a.id = new.annotation_id)
      WHERE annotation_id = new.annotation_id AND attribute_id = new.attribute_id;
    END;
    CREATE TRIGGER annotation_attributes_order_annotation AFTER INSERT ON annotations BEGIN
      UPDATE annotation_attributes SET
        label_id = new.label_id,
        published_at = (SELECT published_at FROM documents WHERE id = new.document_id)
      WHERE annotation_id = new.id;
    END;
    CREATE TRIGGER annotation_attributes_order_label AFTER UPDATE OF label_id ON annotations
      WHEN old.label_id IS NOT new.label_id BEGIN
      UPDATE annotation_attributes SET label_id = new.label_id WHERE annotation_id = new.id;
    END;
    CREATE TRIGGER annotation_attributes_order_published AFTER UPDATE OF published_at ON documents
      WHEN old.published_at IS NOT new.published_at BEGIN
      UPDATE annotation_attributes SET published_at = new.published_at
      WHERE annotation_id IN (SELECT id FROM annotations WHERE document_id = new.id);
    END;
  `,
};
