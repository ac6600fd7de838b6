// Writes what an imported file holds into the store, all in one transaction, step by step: the
// archive's schema, then labels the schema lacks (created when asked), then per document the
// stored document (documents.ts), its annotations with their values and places
// (annotations.ts) and its relations (relations.ts). What cannot be anchored is reported.
import type { AnnotationImportFormat, AnnotationImportReport } from '../../../../shared/schemas/datasets';
import type { ServiceContext } from '../../context';
import { lazyCodePointLength } from '../anchor';
import type { InDataset } from '../model';
import { importAnnotation, type AnnotationImport, type DocumentImport } from './annotations';
import { storedDocumentFor } from './documents';
import { importRelation, type RelationImport } from './relations';
import { attributeLookup, labelCreator, mergeSchemaFile, RelationTypes, resolveLabels } from './schema';
import { createMissingAttributes } from './attributes';
import { importLayers } from './layers';
import { importLinked } from './linked';
import type { Gazetteer } from '../../places/gazetteer/gazetteer';

function emptyReport(dataset: InDataset, options: { path: string; format: AnnotationImportFormat }): AnnotationImportReport {
  return {
    path: options.path,
    format: options.format,
    documentsAdded: 0,
    documentsMatched: 0,
    annotationsImported: 0,
    annotationsReanchored: 0,
    annotationsAlreadyPresent: 0,
    relationsImported: 0,
    attributesImported: 0,
    placesImported: 0,
    labelsCreated: [],
    missingLabels: [],
    unanchored: [...dataset.unplaced],
    conflicts: [],
    dropped: [...(dataset.dropped ?? [])],
  };
}

export function applyDataset(
  ctx: ServiceContext,
  dataset: InDataset,
  options: { path: string; format: AnnotationImportFormat; createLabels: boolean; gazetteer?: Gazetteer },
): AnnotationImportReport {
  const report = emptyReport(dataset, options);
  return ctx.store.transaction(() => {
    mergeSchemaFile(ctx, dataset.schemaJson, report);
    const now = ctx.now();
    const labels = resolveLabels(ctx, dataset, options.createLabels, report);
    const createLabel = options.createLabels ? labelCreator(ctx, labels, report) : undefined;
    if (createLabel) createMissingAttributes(ctx, dataset, labels, report, createLabel);
    const layerOf = importLayers(ctx, dataset, report);
    const annotations: AnnotationImport = { ctx, report, labels, createLabel, attributeOf: attributeLookup(ctx), now, gazetteer: options.gazetteer, layerOf };
    const relations: RelationImport = { ctx, report, types: new RelationTypes(ctx), createTypes: options.createLabels, now };
    for (const doc of dataset.documents) {
      const stored = storedDocumentFor(ctx, doc, report, now);
      if (!stored) continue;
      const cpLength = lazyCodePointLength(stored.text);
      const d: DocumentImport = { doc, stored, cpLength, sourceCpLength: doc.text === '' ? cpLength : lazyCodePointLength(doc.text), idOfRef: new Map() };
      for (const a of doc.annotations) importAnnotation(annotations, d, a);
      const relationIds = new Map<string, string>();
      for (const r of doc.relations) importRelation(relations, r, d.idOfRef, relationIds);
      if (doc.linked) importLinked(annotations, d, doc.linked, relationIds);
    }
    return report;
  });
}
