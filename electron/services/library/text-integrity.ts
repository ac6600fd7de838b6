// A document's text is checked against the content hash taken when it was imported each time it
// is read for the reader, so bytes changed in the store (a bad disk, a stray write) are reported
// as damage instead of being shown, annotated and exported as if they were the report.
import { AppError } from '../../../shared/errors';
import { contentHash } from './documents';

export function checkTextIntact(document: { id: string; title: string; text: string; contentHash: string }): void {
  if (contentHash(document.text) === document.contentHash) return;
  throw new AppError(
    'DOCUMENT_DAMAGED',
    `The text of "${document.title}" has changed in the store since it was imported, so the store is damaged there. ` +
      'It is not shown, to keep you from annotating changed text. Restore the store from a backup, or import the report again.',
  );
}
