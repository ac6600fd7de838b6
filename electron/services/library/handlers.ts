// The library: documents and their details (documents.ts), the cached text that annotating
// reads (document-text.ts), the reader's block index and text windows (document-outline.ts),
// delete with undo (document-delete.ts), and import jobs (import-jobs.ts) whose files are parsed
// on worker threads by importers/. Channels: shared/channels/library.ts.
import path from 'node:path';
import type { libraryChannels } from '../../../shared/channels/library';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { deleteDocument, restoreDocument } from './document-delete';
import { documentOutline, textRange } from './document-outline';
import { getDocument, listDocuments, updateDocument } from './documents';
import { cancelImport, emptyReport, importClipboard, importDropped, importPaths } from './import-jobs';

export function libraryHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof libraryChannels> {
  return {
    'documents.list': () => listDocuments(ctx),
    'documents.get': ({ id }) => getDocument(ctx, id),
    'documents.outline': ({ id }) => documentOutline(ctx, id),
    'documents.textRange': ({ id, start, end }) => textRange(ctx, id, start, end),
    'documents.update': (patch) => updateDocument(ctx, patch),
    'documents.delete': ({ id }) => deleteDocument(ctx, id),
    'documents.restore': ({ snapshot }) => restoreDocument(ctx, snapshot),
    'documents.importDialog': async ({ mode, jobId }) => {
      const paths = await ctx.dialogs.chooseFilesToImport(mode);
      return paths.length === 0 ? emptyReport(jobId) : importPaths(ctx, paths, { jobId });
    },
    'documents.importDropped': ({ files, jobId }) => importDropped(ctx, files, { jobId }),
    'documents.importPaths': ({ paths, jobId }) => {
      const relative = paths.find((p) => !path.isAbsolute(p));
      if (relative !== undefined) throw new AppError('INVALID_ARGS', `Dropped paths must be absolute (got "${relative}").`);
      return importPaths(ctx, paths, { jobId });
    },
    'documents.importClipboard': ({ jobId }) => importClipboard(ctx, { jobId }),
    'import.cancel': ({ jobId }) => ({ cancelled: cancelImport(ctx, jobId) }),
  };
}
