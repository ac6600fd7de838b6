// Imports of annotated data (doccano, Label Studio, brat, W3C, .glossa archive): the file is read
// and checked whole by its format, then written in one transaction (apply/), all or nothing.
import type { ImportableFormatId } from '../../../shared/formats';
import type { AnnotationImportPlan, AnnotationImportReport } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';
import { applyDataset } from './apply/apply';
import { missingLabels } from './apply/schema';
import { formatModules } from './formats/registry';
import type { InDataset } from './model';

/** Reads a file (a folder for brat) of the format, checking it all before anything is written. */
function readDataset(ctx: ServiceContext, format: ImportableFormatId, target: string): InDataset {
  return formatModules[format].read(ctx, target);
}

/** What the file holds, and the labels the schema lacks: shown before anything is written. */
export function planImport(ctx: ServiceContext, format: ImportableFormatId, target: string): AnnotationImportPlan {
  const dataset = readDataset(ctx, format, target);
  return {
    path: target,
    format,
    documents: dataset.documents.length,
    annotations: dataset.documents.reduce((n, d) => n + d.annotations.length, 0),
    missingLabels: dataset.schemaJson ? [] : missingLabels(ctx, dataset),
  };
}

export function importAnnotations(ctx: ServiceContext, format: ImportableFormatId, target: string, createLabels = false): AnnotationImportReport {
  const dataset = readDataset(ctx, format, target);
  return applyDataset(ctx, dataset, { path: target, format, createLabels });
}
