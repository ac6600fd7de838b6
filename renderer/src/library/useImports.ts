// Importing reports: from the open dialog, the clipboard or a drop; one job at a time, with its
// progress and, at the end, a report of what came in.
import { useCallback, useState } from 'react';
import { isArchivePath } from '../../../shared/formats';
import type { ImportReport } from '../../../shared/schemas/library';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { useFileDrop, type DroppedItems } from '../useFileDrop';
import { useImportJob, type ImportStarter } from './useImportJob';

/** openArchive: a dropped .glossa file (its grant's token), which goes to the annotated-data import instead. */
export function useImports(afterImport: () => Promise<void>, openArchive: (token: string) => void) {
  const { notify } = useNotices();
  const [report, setReport] = useState<ImportReport | null>(null);
  const { progress, run: runJob, cancel } = useImportJob();

  const runImport = useCallback(
    async (start: ImportStarter) => {
      try {
        const outcome = await runJob(start);
        await afterImport();
        const total = outcome.imported.length + outcome.duplicates.length + outcome.failed.length + outcome.skipped.length;
        if (total > 0 || outcome.cancelled) setReport(outcome);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [runJob, afterImport, notify],
  );
  const importWithDialog = useCallback(
    (mode: 'files' | 'folder' = 'files') => runImport((jobId) => call('documents.importDialog', { mode, jobId })),
    [runImport],
  );
  const importClipboard = useCallback(() => runImport((jobId) => call('documents.importClipboard', { jobId })), [runImport]);
  const importDropped = useCallback(
    (drop: DroppedItems) => {
      drop.granted.filter((g) => isArchivePath(g.name)).forEach((g) => openArchive(g.token));
      const tokens = drop.granted.filter((g) => !isArchivePath(g.name)).map((g) => g.token);
      if (tokens.length === 0 && drop.files.length === 0) return;
      void runImport((jobId) =>
        tokens.length > 0 ? call('documents.importGranted', { tokens, jobId }) : call('documents.importDropped', { files: drop.files, jobId }),
      );
    },
    [runImport, openArchive],
  );
  const dropError = useCallback((message: string) => notify(message, 'error'), [notify]);
  const dragging = useFileDrop(importDropped, dropError);

  return { report, closeReport: useCallback(() => setReport(null), []), progress, cancel, importWithDialog, importClipboard, dragging };
}
