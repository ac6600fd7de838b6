import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { DocumentFull, DocumentSummary } from '../../shared/schemas';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

export interface NewDocument {
  title: string;
  text: string;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  sourceName?: string | null;
}

export type AddResult =
  | { status: 'added'; document: DocumentFull }
  | { status: 'duplicate'; existingId: string; title: string };

const metaColumns = `id, title, outlet, url, published_at AS publishedAt, imported_at AS importedAt,
  source_name AS sourceName, text_length AS length`;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Adds a document unless one with the same text is already stored. */
export function addDocument(ctx: ServiceContext, input: NewDocument): AddResult {
  const hash = contentHash(input.text);
  const existing = ctx.store.db
    .prepare('SELECT id, title FROM documents WHERE content_hash = ?')
    .get(hash) as { id: string; title: string } | undefined;
  if (existing) return { status: 'duplicate', existingId: existing.id, title: existing.title };
  const id = ctx.newId();
  ctx.store.db
    .prepare(
      `INSERT INTO documents
         (id, title, outlet, url, published_at, imported_at, source_name, text, text_length, content_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.title,
      input.outlet ?? null,
      input.url ?? null,
      input.publishedAt ?? null,
      ctx.now(),
      input.sourceName ?? null,
      input.text,
      input.text.length, // UTF-16 code units, like every stored offset
      hash,
    );
  return { status: 'added', document: getDocument(ctx, id) };
}

export function getDocument(ctx: ServiceContext, id: string): DocumentFull {
  const row = ctx.store.db
    .prepare(`SELECT ${metaColumns}, text, content_hash AS contentHash FROM documents WHERE id = ?`)
    .get(id) as DocumentFull | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return row;
}

export function listDocuments(ctx: ServiceContext): DocumentSummary[] {
  const docs = ctx.store.db
    .prepare(`SELECT ${metaColumns} FROM documents ORDER BY imported_at DESC, title`)
    .all() as Omit<DocumentSummary, 'counts'>[];
  const counts = ctx.store.db
    .prepare('SELECT document_id AS documentId, label_id AS labelId, count(*) AS n FROM annotations GROUP BY 1, 2')
    .all() as { documentId: string; labelId: string; n: number }[];
  const byDoc = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const entry = byDoc.get(c.documentId) ?? {};
    entry[c.labelId] = c.n;
    byDoc.set(c.documentId, entry);
  }
  return docs.map((d) => ({ ...d, counts: byDoc.get(d.id) ?? {} }));
}

export function documentHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'documents.list' | 'documents.get'> {
  return {
    'documents.list': () => listDocuments(ctx),
    'documents.get': ({ id }) => getDocument(ctx, id),
  };
}
