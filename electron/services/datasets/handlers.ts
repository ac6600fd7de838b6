// Datasets: every export format in and out. This folder owns the export (export.ts, preview.ts),
// the import of annotated data (import.ts, apply/), the dataset model every format is written
// from and read into (model.ts, anchor.ts), file plumbing (files.ts) and the formats themselves,
// one module each (formats/), whose facts are in shared/formats.ts. Its channels are datasets.*.
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { exportAfterDialog, exportDatasetWithDialog } from './export';
import { takeReplace } from './export-confirmations';
import { parseLabelMap } from './formats/doccano-read';
import { importAnnotations, planImport } from './import';
import { openedArchiveHandlers } from './opened-archive-handlers';
import { previewDataset } from './preview';

/** The label map the dialog read from a file, checked; undefined when none was chosen. */
function labelMapOf(text: string | undefined) {
  return text === undefined ? undefined : parseLabelMap(text, 'The label map');
}

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
    // The chosen file is granted: the plan carries its token, which the import then names.
    'datasets.chooseImport': async ({ format, labelMap }) => {
      const options = { labelMap: labelMapOf(labelMap) };
      const chosen = await ctx.dialogs.chooseAnnotationsToImport(format);
      if (chosen === null) return { status: 'cancelled' };
      return { status: 'chosen', plan: await planImport(ctx, format, chosen, ctx.grants.grant(chosen), options) };
    },
    'datasets.importAnnotations': async ({ format, token, createLabels, labelMap }) => {
      const report = await importAnnotations(ctx, format, ctx.grants.pathOf(token), createLabels ?? false, { labelMap: labelMapOf(labelMap) });
      ctx.grants.revoke(token);
      return report;
    },
  };
}
