// Datasets: every export format in and out. This folder owns the export (export.ts, preview.ts),
// the import of annotated data (import.ts, apply/), the dataset model every format is written
// from and read into (model.ts, anchor.ts), file plumbing (files.ts) and the formats themselves,
// one module each (formats/), whose facts are in shared/formats.ts. Its channels are datasets.*.
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { exportAfterDialog, exportDatasetWithDialog } from './export';
import { takeReplace } from './export-confirmations';
import { importAnnotations, planImport } from './import';
import { openedArchiveHandlers } from './opened-archive-handlers';
import { previewDataset } from './preview';

export function datasetHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'datasets.exportDialog'
  | 'datasets.exportReplace'
  | 'datasets.preview'
  | 'datasets.chooseImport'
  | 'datasets.importAnnotations'
  | 'datasets.takeOpenedArchives'
  | 'datasets.openDroppedArchive'
  | 'datasets.planOpenedArchive'
  | 'datasets.importOpenedArchive'
> {
  return {
    ...openedArchiveHandlers(ctx),
    'datasets.exportDialog': (options) => exportDatasetWithDialog(ctx, options),
    'datasets.exportReplace': ({ token }) => {
      const { options, named } = takeReplace(ctx, token);
      return exportAfterDialog(ctx, options, named, true);
    },
    'datasets.preview': (options) => previewDataset(ctx, options),
    'datasets.chooseImport': async ({ format }) => {
      const chosen = await ctx.dialogs.chooseAnnotationsToImport(format);
      if (chosen === null) return { status: 'cancelled' };
      return { status: 'chosen', plan: planImport(ctx, format, chosen) };
    },
    'datasets.importAnnotations': ({ format, path: target, createLabels }) => {
      if (!path.isAbsolute(target)) throw new AppError('INVALID_ARGS', `The path must be absolute (got "${target}").`);
      return importAnnotations(ctx, format, target, createLabels ?? false);
    },
  };
}
