// The old export path (export.dialog): jsonl, csv and geojson only. Replaced by datasets.
import { z } from 'zod';
import { Id } from './common';

export const ExportFormat = z.enum(['jsonl', 'csv', 'geojson']);

export const ExportRequest = z.object({
  format: ExportFormat,
  /** Omitted: the whole corpus. */
  documentId: Id.optional(),
});

export const ExportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('written'),
    path: z.string(),
    documents: z.number().int(),
    annotations: z.number().int(),
  }),
]);

export type ExportFormat = z.infer<typeof ExportFormat>;
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportOutcome = z.infer<typeof ExportOutcome>;
