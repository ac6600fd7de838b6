// Re-reading a report in another encoding. When Glossa had to guess a file's encoding (legacy
// text with no label), the import summary offers the other candidates; choosing one reads the
// same file again and puts the new text in place of the old. Imported text is immutable because
// annotations point into it, so only a report with no annotations yet can be re-read.
import { AppError } from '../../../shared/errors';
import type { ReencodeResult } from '../../../shared/schemas/library';
import type { ServiceContext } from '../context';
import { deleteDocument } from './document-delete';
import { addDocument } from './documents';
import { encodingName } from './importers/charsets';
import { ParserPool } from './importers/pool';
import type { TaskInput } from './importers/protocol';

/** Where a guessed report came from: enough to read it again. */
export type ReencodeSource = Extract<TaskInput, { kind: 'path' } | { kind: 'bytes' }>;

// Only the last few guessed imports are kept: re-reading is offered in the summary right after.
const keptSources = 100;
const sourcesByContext = new WeakMap<ServiceContext, Map<string, ReencodeSource>>();

function sourcesOf(ctx: ServiceContext): Map<string, ReencodeSource> {
  let sources = sourcesByContext.get(ctx);
  if (!sources) sourcesByContext.set(ctx, (sources = new Map()));
  return sources;
}

/** Remembers how to read a report whose encoding was guessed. */
export function rememberGuessedSource(ctx: ServiceContext, documentId: string, source: ReencodeSource): void {
  const sources = sourcesOf(ctx);
  sources.set(documentId, source);
  if (sources.size > keptSources) sources.delete(sources.keys().next().value!);
}

function annotationCount(ctx: ServiceContext, documentId: string): number {
  const row = ctx.store.db.prepare('SELECT COUNT(*) AS n FROM annotations WHERE document_id = ?').get(documentId) as { n: number };
  return row.n;
}

export async function reencodeDocument(ctx: ServiceContext, documentId: string, label: string): Promise<ReencodeResult> {
  const encoding = encodingName(label);
  if (!encoding) throw new AppError('INVALID_ARGS', `"${label}" is not an encoding Glossa knows.`);
  const source = sourcesOf(ctx).get(documentId);
  if (!source) {
    throw new AppError(
      'NOT_FOUND',
      'Glossa can re-read a report only right after importing it, while it still knows the file. Import the file again and choose the encoding (glossa import --encoding NAME).',
    );
  }
  const pool = new ParserPool();
  let result;
  try {
    result = await pool.run({ ...source, encoding });
  } finally {
    pool.close();
  }
  if (!result.ok) throw new AppError('IMPORT_FAILED', result.reason);
  const parsed = result.doc;
  return ctx.store.transaction(() => {
    const annotated = annotationCount(ctx, documentId);
    if (annotated > 0) {
      throw new AppError('IN_USE', `The report has ${annotated} annotation${annotated === 1 ? '' : 's'} that point into its text, so it cannot be re-read. Import the file again as a new report with the encoding chosen.`);
    }
    deleteDocument(ctx, documentId);
    const added = addDocument(ctx, parsed);
    if (added.status === 'duplicate') {
      throw new AppError('DUPLICATE', `Read as ${encoding}, the file has the same text as “${added.title}”, already in the library; nothing was changed.`);
    }
    sourcesOf(ctx).delete(documentId);
    rememberGuessedSource(ctx, added.document.id, source);
    return {
      replacedId: documentId,
      imported: { id: added.document.id, title: added.document.title, fileName: source.fileName, format: parsed.sourceFormat, encoding: parsed.encoding, encodingGuess: null, notices: parsed.notices },
    };
  });
}
