// The library: documents and their details (documents.ts), the cached text that annotating
// reads and checks against its content hash (document-text.ts, text-integrity.ts), the reader's
// block index and text windows (document-outline.ts), delete with undo (document-delete.ts,
// document-restore.ts), the library's pages (library-query.ts), import jobs (import-jobs.ts)
// whose files are parsed on worker threads by importers/, and re-reading a report whose
// encoding was guessed (reencode.ts). Channels: shared/channels/library.ts.
import type { libraryChannels } from '../../../shared/channels/library';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { deleteDocument } from './document-delete';
import { documentOutline, textRange } from './document-outline';
import { restoreDocument } from './document-restore';
import { getDocumentProvenance, listDocuments, updateDocument } from './documents';
import { getCheckedDocument } from './document-text';
import { tagDocuments } from './document-tags';
import { libraryFacets, queryLibrary, queryLibraryIds } from './library-query';
import { cancelImport, emptyReport, importClipboard, importDropped, importPaths } from './import-jobs';
import { reencodeDocument } from './reencode';

export function libraryHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof libraryChannels> {
  return {
    'documents.list': () => listDocuments(ctx),
    'documents.query': (query) => queryLibrary(ctx, query),
    'documents.queryIds': (query) => queryLibraryIds(ctx, query),
    'documents.facets': () => libraryFacets(ctx),
    'documents.tag': (args) => tagDocuments(ctx, args),
    'documents.get': ({ id }) => getCheckedDocument(ctx, id),
    'documents.outline': ({ id }) => documentOutline(ctx, id),
    'documents.provenance': ({ id }) => getDocumentProvenance(ctx, id),
    'documents.textRange': ({ id, start, end }) => textRange(ctx, id, start, end),
    'documents.update': (patch) => updateDocument(ctx, patch),
    'documents.delete': ({ id }) => deleteDocument(ctx, id),
    'documents.restore': ({ token }) => restoreDocument(ctx, token),
    'documents.importDialog': async ({ mode, jobId }) => {
      const paths = await ctx.dialogs.chooseFilesToImport(mode);
      return paths.length === 0 ? emptyReport(jobId) : importPaths(ctx, paths, { jobId });
    },
    'documents.importDropped': ({ files, jobId }) => importDropped(ctx, files, { jobId }),
    // Every token is checked before anything is read: one main never gave refuses the whole call.
    'documents.importGranted': ({ tokens, jobId }) => importPaths(ctx, tokens.map((token) => ctx.grants.pathOf(token)), { jobId }),
    'documents.importClipboard': ({ jobId }) => importClipboard(ctx, { jobId }),
    'documents.reencode': ({ id, encoding }) => reencodeDocument(ctx, id, encoding),
    'import.cancel': ({ jobId }) => ({ cancelled: cancelImport(ctx, jobId) }),
  };
}
