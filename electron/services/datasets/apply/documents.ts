// The stored document an imported one's annotations go into: the one with the same normalised
// text (merged into), a new one, or for a file without texts (W3C) the one with its id.
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import type { ServiceContext } from '../../context';
import { contentHash } from '../../library/documents';
import type { InDocument } from '../model';
import { prepared } from './statements';
import { addDocumentTag, insertDocument } from '../../../store/writers/documents';

export interface StoredText {
  id: string;
  text: string;
}

function byId(ctx: ServiceContext, id: string): StoredText | undefined {
  return prepared(ctx, 'SELECT id, text FROM documents WHERE id = ?').get(id) as StoredText | undefined;
}

/** The report imported from a web address: the same URL, or the same without its #fragment; the first imported when several. */
function byUrl(ctx: ServiceContext, url: string): StoredText | undefined {
  const bare = url.replace(/#.*$/s, '');
  return prepared(ctx, 'SELECT id, text FROM documents WHERE url IN (?, ?) ORDER BY url = ? DESC, imported_at, id LIMIT 1').get(url, bare, url) as StoredText | undefined;
}

function addDocument(ctx: ServiceContext, doc: InDocument, hash: string, now: string): StoredText {
  const id = doc.id && !byId(ctx, doc.id) ? doc.id : ctx.newId();
  insertDocument(ctx.store.db, {
    id,
    title: doc.title.slice(0, 500) || 'Untitled',
    outlet: doc.outlet ?? null,
    url: doc.url ?? null,
    publishedAt: doc.publishedAt ?? null,
    importedAt: doc.importedAt ?? now,
    sourceName: doc.sourceName ?? null,
    text: doc.text,
    contentHash: hash,
    author: doc.author ?? null,
    sourceFormat: doc.sourceFormat ?? null,
    encoding: doc.encoding ?? null,
    pageMap: doc.pageMap ?? null,
    sourceRecord: doc.sourceRecord && Object.keys(doc.sourceRecord).length > 0 ? JSON.stringify(doc.sourceRecord) : null,
  });
  for (const tag of doc.tags ?? []) if (tag.trim()) addDocumentTag(ctx.store.db, id, tag.trim().slice(0, 64));
  return { id, text: doc.text };
}

/** The stored document for doc, added when new; undefined (annotations reported) when there is none. */
export function storedDocumentFor(ctx: ServiceContext, doc: InDocument, report: AnnotationImportReport, now: string): StoredText | undefined {
  if (doc.text === '') {
    // W3C annotations of a source whose text the file does not carry: a stored document by id,
    // or by its web address (a Hypothesis export names the page's URL).
    const stored = doc.id ? byId(ctx, doc.id) : doc.url ? byUrl(ctx, doc.url) : undefined;
    if (!stored) {
      const reason = doc.url ? `no report in the library has the URL ${doc.url.slice(0, 300)}` : 'its document is neither in the file nor in the library';
      for (const a of doc.annotations) {
        report.unanchored.push({ file: doc.file, line: a.line, document: doc.title, label: a.label, quote: a.quote ?? '', reason });
      }
      return undefined;
    }
    report.documentsMatched += 1;
    return stored;
  }
  const hash = contentHash(doc.text);
  const stored = prepared(ctx, 'SELECT id, text FROM documents WHERE content_hash = ?').get(hash) as StoredText | undefined;
  if (stored) {
    report.documentsMatched += 1;
    return stored;
  }
  report.documentsAdded += 1;
  return addDocument(ctx, doc, hash, now);
}
