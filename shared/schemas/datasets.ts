// Datasets in and out (issue 6): every export format with its scope, label filter and offset
// unit; previews; imports of annotated data (doccano, Label Studio, brat, W3C, .glossa archive)
// with re-anchoring by quote and context, and what could not be anchored reported.
import { z } from 'zod';
import { datasetFormatIds, importableFormatIds } from '../formats';
import { Id } from './common';

/** Every export format, by its id in the table of formats. */
export const DatasetFormat = z.enum(datasetFormatIds);

/** Formats Glossa reads annotations back from. */
export const AnnotationImportFormat = z.enum(importableFormatIds);

/**
 * codepoint: Unicode code points (Python's str, doccano, spaCy, brat); utf16: UTF-16 code units
 * (JavaScript strings, the DOM, Hypothesis). Formats without offsets (CoNLL) ignore it; brat and
 * the archive have a fixed unit (code points and UTF-16) and say so.
 */
const OffsetUnitChoice = z.enum(['codepoint', 'utf16']);

export const DatasetExportOptions = z
  .object({
    format: DatasetFormat,
    /** Omitted (and no documentIds): the whole corpus. */
    documentId: Id.optional(),
    /** Several documents (the library's selection). */
    documentIds: z.array(Id).min(1).max(100_000).optional(),
    /** Only annotations with these labels (ids or names); relations need both ends kept. Omitted: all. */
    labels: z.array(z.string().min(1).max(80)).max(500).optional(),
    offsetUnit: OffsetUnitChoice.optional(),
    /** Which layer: an analyst (id or name), 'gold', or 'all' (the default), each annotation with its analyst. */
    layer: z.string().min(1).max(80).optional(),
  })
  .strict();

export const DatasetExportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('written'),
    /** A file, or for brat a folder. */
    path: z.string(),
    documents: z.number().int(),
    annotations: z.number().int(),
    relations: z.number().int(),
    offsetUnit: z.string(),
    /** E.g. overlapping spans CoNLL could not keep. */
    warnings: z.array(z.string()),
  }),
  /** The folder holds a previous Glossa export: replace it (datasets.exportReplace with token) or not. */
  z.object({
    status: z.literal('confirm-replace'),
    path: z.string(),
    /** The previous export's format, how many files it wrote, and when. */
    format: z.string(),
    files: z.number().int(),
    writtenAt: z.string(),
    token: z.string(),
  }),
]);

export const ExportReplaceArgs = z.object({ token: z.string().min(1).max(100) }).strict();

export const DatasetPreview = z.object({
  /** The first records as the file will hold them (lines, or for brat the first .ann). */
  records: z.array(z.string()),
  /** How many documents and annotations the export will hold. */
  documents: z.number().int(),
  annotations: z.number().int(),
  offsetUnit: z.string(),
  /** What the format keeps and drops, in one sentence. */
  note: z.string(),
});

/**
 * A label map's JSON text, from a file the analyst chose in the dialog: names for the label ids
 * of a doccano file ({"1": "Claim"} or doccano's label export). Main parses and checks it.
 */
const LabelMapText = z.string().max(1_000_000);

export const AnnotationImportArgs = z
  .object({
    format: AnnotationImportFormat,
    labelMap: LabelMapText.optional(),
    /** The token of a file (a folder for brat) the user chose: the plan datasets.chooseImport returned carries it. */
    token: z.string().min(1).max(100),
    /** Create labels (and relation types) the schema lacks; otherwise their annotations are reported and skipped. */
    createLabels: z.boolean().optional(),
  })
  .strict();

/** An archive main granted (opened from the OS or dropped): the renderer never names its path. */
const OpenedArchiveToken = z.string().min(1).max(100);
export const OpenedArchiveTokens = z.array(OpenedArchiveToken);
export const OpenedArchiveArgs = z.object({ token: OpenedArchiveToken }).strict();
export const ImportOpenedArchiveArgs = z.object({ token: OpenedArchiveToken, createLabels: z.boolean().optional() }).strict();

export const AnnotationImportDialogArgs = z.object({ format: AnnotationImportFormat, labelMap: LabelMapText.optional() }).strict();

const UnanchoredAnnotation = z.object({
  /** The file (and line, when it has lines) it came from. */
  file: z.string(),
  line: z.number().int().nullable(),
  document: z.string(),
  label: z.string(),
  quote: z.string(),
  reason: z.string(),
});

export const AnnotationImportReport = z.object({
  path: z.string(),
  format: AnnotationImportFormat,
  documentsAdded: z.number().int(),
  /** Documents already in the library (same normalised text): their annotations were merged in. */
  documentsMatched: z.number().int(),
  annotationsImported: z.number().int(),
  /** Of those, placed by their quote and context because their offsets no longer matched. */
  annotationsReanchored: z.number().int(),
  /** Already in the library (same id, or same label and span). */
  annotationsAlreadyPresent: z.number().int(),
  relationsImported: z.number().int(),
  attributesImported: z.number().int(),
  placesImported: z.number().int(),
  /** The brat model beyond spans and relations; absent when the file had none. */
  eventsImported: z.number().int().optional(),
  equivalencesImported: z.number().int().optional(),
  normalisationsImported: z.number().int().optional(),
  notesImported: z.number().int().optional(),
  /** Location spans resolved to the place their GeoNames normalisation names (the offline gazetteer knew the id). */
  placesFromNormalisations: z.number().int().optional(),
  /** GeoNames normalisations on Location spans whose id the offline gazetteer lacks: kept as normalisations. */
  normalisationsNotInGazetteer: z.number().int().optional(),
  /** Discontinuous annotations kept with their fragments. */
  fragmentedImported: z.number().int().optional(),
  /** Analysts the file named that the store did not know, added (their layers came in with them). */
  analystsAdded: z.array(z.string()).optional(),
  labelsCreated: z.array(z.string()),
  /** Labels the schema lacks whose annotations were skipped (createLabels was off). */
  missingLabels: z.array(z.string()),
  unanchored: z.array(UnanchoredAnnotation),
  /** Merges that found something different under the same id, values outside the schema… */
  conflicts: z.array(z.string()),
  /** What the file holds that was not imported (a repeated id…): per file, how many and why. */
  dropped: z.array(z.object({ file: z.string(), count: z.number().int().positive(), reason: z.string() })),
});

/** What a file holds, before anything is written: shown so the analyst can decide on labels. */
export const AnnotationImportPlan = z.object({
  /** Shown to the user; the import names the file by token. */
  path: z.string(),
  /** The grant of the chosen file, for datasets.importAnnotations (or the opened archive's). */
  token: OpenedArchiveToken,
  format: AnnotationImportFormat,
  documents: z.number().int(),
  annotations: z.number().int(),
  missingLabels: z.array(z.string()),
});

export const AnnotationImportDialogResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('chosen'), plan: AnnotationImportPlan }),
]);

export type DatasetFormat = z.infer<typeof DatasetFormat>;
export type AnnotationImportFormat = z.infer<typeof AnnotationImportFormat>;
type OffsetUnitChoice = z.infer<typeof OffsetUnitChoice>;
export type DatasetExportOptions = z.infer<typeof DatasetExportOptions>;
export type DatasetExportOutcome = z.infer<typeof DatasetExportOutcome>;
export type ExportReplaceArgs = z.infer<typeof ExportReplaceArgs>;
export type DatasetPreview = z.infer<typeof DatasetPreview>;
export type AnnotationImportArgs = z.infer<typeof AnnotationImportArgs>;
type UnanchoredAnnotation = z.infer<typeof UnanchoredAnnotation>;
export type AnnotationImportReport = z.infer<typeof AnnotationImportReport>;
export type AnnotationImportPlan = z.infer<typeof AnnotationImportPlan>;
export type AnnotationImportDialogResult = z.infer<typeof AnnotationImportDialogResult>;
