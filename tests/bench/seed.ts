// Puts the benchmark report and its annotations into a store through the real services, in one
// transaction (each createAnnotation nests as a savepoint), so the rows are exactly what the app writes.
import type { Db } from '../../electron/store/store';
import type { ServiceContext } from '../../electron/services/context';
import { addDocument } from '../../electron/services/library/documents';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import type { BenchSpan } from './corpus';

export const benchTitle = 'Benchmark: one million characters';
export const bench10mTitle = 'Benchmark: ten million characters';

/**
 * createAnnotation reads the whole document text back from SQLite on every call (~3 ms for a
 * million characters), which would make seeding 20,000 annotations take a minute. Documents are
 * immutable, so during seeding that one read is answered from memory; every other statement
 * (label check, quote, insert, read-back) runs as written. If the service's SQL changes, the
 * read simply goes to SQLite again.
 */
function withDocumentTextMemo(ctx: ServiceContext, documentId: string, text: string): ServiceContext {
  const db = ctx.store.db;
  const memo: Pick<Db, 'prepare'> = {
    prepare: ((sql: string) => {
      const statement = db.prepare(sql);
      if (sql.replace(/\s+/g, ' ').trim() !== 'SELECT text FROM documents WHERE id = ?') return statement;
      return new Proxy(statement, {
        get: (target, key) =>
          key === 'get' ? (id: unknown) => (id === documentId ? { text } : target.get(id)) : Reflect.get(target, key),
      });
    }) as Db['prepare'],
  };
  const memoDb = new Proxy(db, { get: (target, key) => (key === 'prepare' ? memo.prepare : Reflect.get(target, key)) });
  return { ...ctx, store: { ...ctx.store, db: memoDb, transaction: ctx.store.transaction } };
}

export function seedBenchReport(ctx: ServiceContext, text: string, spans: readonly BenchSpan[], title = benchTitle): string {
  return ctx.store.transaction(() => {
    const added = addDocument(ctx, {
      title,
      text,
      outlet: 'Glossa bench',
      publishedAt: '2025-03-14',
      sourceName: 'bench.txt',
    });
    if (added.status !== 'added') throw new Error('the bench report is already in this store');
    const documentId = added.document.id;
    const seeding = withDocumentTextMemo(ctx, documentId, text);
    for (const span of spans) createAnnotation(seeding, { documentId, labelId: span.labelId, start: span.start, end: span.end });
    return documentId;
  });
}
