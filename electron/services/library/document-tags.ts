// Tagging many reports at once (the library's selection): one transaction, through the
// documents writer; a report that has the tag already (in any case) keeps its spelling.
import type { TagDocumentsArgs } from '../../../shared/schemas/library-query';
import { addDocumentTag } from '../../store/writers/documents';
import type { ServiceContext } from '../context';

export function tagDocuments(ctx: ServiceContext, { ids, tag }: TagDocumentsArgs): { tagged: number } {
  const value = tag.trim().normalize('NFC');
  const db = ctx.store.db;
  return ctx.store.transaction(() => {
    const before = db.prepare('SELECT total_changes()').pluck();
    const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const start = before.get() as number;
    for (const id of new Set(ids)) if (exists.get(id)) addDocumentTag(db, id, value);
    return { tagged: (before.get() as number) - start };
  });
}
