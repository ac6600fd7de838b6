// Imports of annotated data (doccano, Label Studio, brat, W3C, .glossa archive): the file is read
// (safely, off the main thread: ../safe-read.ts) and checked whole by its format, against the
// limits every import applies, then written in one transaction (apply/), all or nothing.
import { AppError } from '../../../shared/errors';
import type { ImportableFormatId } from '../../../shared/formats';
import type { AnnotationImportPlan, AnnotationImportReport } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';
import { maxTextLength } from '../library/importers/limits';
import { applyDataset } from './apply/apply';
import { missingLabels } from './apply/schema';
import type { ReadOptions } from './formats/format';
import { formatModules } from './formats/registry';
import { gazetteerForDataset } from './normalised-places';
import type { InDataset } from './model';

/** The limits a report import applies, applied to every document a dataset holds. */
function checkLimits(dataset: InDataset): void {
  for (const doc of dataset.documents) {
    if (doc.text.length > maxTextLength) {
      throw new AppError(
        'IMPORT_FAILED',
        `${doc.file}${doc.line === null ? '' : ` line ${doc.line}`}: a document has ${doc.text.length.toLocaleString('en')} characters of text; Glossa stores up to ${maxTextLength.toLocaleString('en')} per document. Split it and import the parts. Nothing was imported.`,
      );
    }
  }
}

/** Reads a file (a folder for brat) of the format, checking it all before anything is written. */
async function readDataset(ctx: ServiceContext, format: ImportableFormatId, target: string, options: ReadOptions): Promise<InDataset> {
  const dataset = await formatModules[format].read(ctx, target, options);
  checkLimits(dataset);
  return dataset;
}

/** What the file holds, and the labels the schema lacks: shown before anything is written. */
export async function planImport(ctx: ServiceContext, format: ImportableFormatId, target: string, token: string, options: ReadOptions = {}): Promise<AnnotationImportPlan> {
  const dataset = await readDataset(ctx, format, target, options);
  return {
    path: target,
    token,
    format,
    documents: dataset.documents.length,
    annotations: dataset.documents.reduce((n, d) => n + d.annotations.length, 0),
    missingLabels: dataset.schemaJson ? [] : missingLabels(ctx, dataset),
  };
}

export interface ImportOptions extends ReadOptions {
  /**
   * Refuse (changing nothing) when the file uses labels the schema lacks and createLabels is off,
   * instead of adding the documents and reporting their annotations as not imported. The CLI
   * asks for this; the app's dialog shows the missing labels first and asks.
   */
  refuseMissingLabels?: boolean;
}

export async function importAnnotations(ctx: ServiceContext, format: ImportableFormatId, target: string, createLabels = false, options: ImportOptions = {}): Promise<AnnotationImportReport> {
  const dataset = await readDataset(ctx, format, target, options);
  if (options.refuseMissingLabels && !createLabels && !dataset.schemaJson) {
    const missing = missingLabels(ctx, dataset);
    if (missing.length > 0) {
      const keys = new Set(missing.map((m) => m.toLowerCase()));
      const count = dataset.documents.reduce((n, d) => n + d.annotations.filter((a) => keys.has(a.label.trim().toLowerCase())).length, 0);
      throw new AppError(
        'IMPORT_FAILED',
        `The file uses ${missing.length === 1 ? 'a label' : `${missing.length} labels`} the schema lacks (${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}); ` +
          `${count.toLocaleString('en')} annotations would be dropped. Pass --create-labels to create ${missing.length === 1 ? 'it' : 'them'}, or add ${missing.length === 1 ? 'it' : 'them'} to the schema first. Nothing was imported.`,
      );
    }
  }
  // Loaded before the write transaction, and only for GeoNames references on Location spans.
  const gazetteer = await gazetteerForDataset(ctx, dataset);
  return applyDataset(ctx, dataset, { path: target, format, createLabels, gazetteer });
}
