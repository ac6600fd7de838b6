// The write and preview of a format that is one text file: the format gives its text as chunks
// (a header, one record per document, a footer) and how a record reads in the preview.
import type { OffsetUnit } from '../../../../shared/offsets';
import { writeFileAtomic } from '../../atomic-write';
import { asFileTarget, type ExportTarget } from '../../export-target/resolve';
import type { ServiceContext } from '../../context';
import { datasetDocuments, type DsDocument } from '../model';
import { countingDocs, type DatasetFormat } from './format';

interface Chunk {
  text: string;
  /** A record (the preview shows those), not a header or footer. */
  record: boolean;
}

/** A format's text, chunk by chunk; warnings collects what it had to leave out. */
export type ChunkWriter = (ctx: ServiceContext, docs: Iterable<DsDocument>, unit: OffsetUnit, warnings: string[]) => Iterable<Chunk>;

export const previewRecords = 3;
const previewChars = 4000;

export function clip(text: string): string {
  return text.length > previewChars ? `${text.slice(0, previewChars)}…` : text;
}

/** A JSON record laid out for reading: indented, long texts cut (by code points) with their length said. */
export function readable(record: string): string {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch {
    return record;
  }
  const cut = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const points = Array.from(v);
      return points.length > 120 ? `${points.slice(0, 100).join('')}… (${points.length} characters)` : v;
    }
    if (Array.isArray(v)) return v.length > 8 ? [...v.slice(0, 8).map(cut), `… ${v.length - 8} more`] : v.map(cut);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cut(x)]));
    return v;
  };
  return JSON.stringify(cut(value), null, 2);
}

/** A record shown as it is written (CSV rows, CoNLL tokens). */
export const asWritten = (record: string): string => record;

function* texts(chunks: Iterable<Chunk>): Generator<string> {
  for (const c of chunks) yield c.text;
}

/** Writes the chunks to target atomically. */
export function writeChunks(ctx: ServiceContext, writer: ChunkWriter, job: Parameters<DatasetFormat['write']>[1], target: ExportTarget): void {
  const docs = countingDocs(datasetDocuments(ctx, job.scope), job.counts);
  writeFileAtomic(asFileTarget(target), texts(writer(ctx, docs, job.unit, job.counts.warnings)));
}

/** write and preview for a format written as one text file. */
export function textExport(writer: ChunkWriter, showRecord: (record: string) => string): Pick<DatasetFormat, 'write' | 'preview'> {
  return {
    write: (ctx, job, target) => writeChunks(ctx, writer, job, target),
    preview: (ctx, job) => {
      const records: string[] = [];
      for (const chunk of writer(ctx, datasetDocuments(ctx, job.first), job.unit, [])) {
        if (!chunk.record) continue;
        records.push(clip(showRecord(chunk.text.replace(/^,?\n/, ''))));
        if (records.length >= previewRecords) break;
      }
      return records;
    },
  };
}
