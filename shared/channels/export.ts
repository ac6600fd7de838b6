// The old export path (jsonl, csv, geojson through one save dialog); datasets.exportDialog does
// every format. Kept apart so that it can go as a whole.
import { ExportOutcome, ExportRequest } from '../schemas/export';

export const exportChannels = {
  /** Shows the native save dialog in main and writes the export atomically. */
  'export.dialog': { args: ExportRequest, result: ExportOutcome },
} as const;
