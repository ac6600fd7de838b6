// What a dataset format can do, as one typed object per format (formats/<name>.ts): write an
// export, show its first records, and read a file back where the format imports. registry.ts
// collects them; the facts about each format (name, extension, unit…) are in shared/formats.ts.
import type { DatasetFormatId } from '../../../../shared/formats';
import type { OffsetUnit } from '../../../../shared/offsets';
import type { ServiceContext } from '../../context';
import type { ExportTarget } from '../../export-target/resolve';
import type { DsDocument, ExportScope, InDataset } from '../model';

/** What an export holds, filled in as its documents go by. */
export interface DatasetCounts {
  documents: number;
  annotations: number;
  relations: number;
  offsetUnit: string;
  /** E.g. overlapping spans CoNLL could not keep. */
  warnings: string[];
}

interface ExportJob {
  /** The documents and labels asked for (checked before the format is called). */
  scope: ExportScope;
  /** The unit to write offsets in; formats with a fixed unit ignore it. */
  unit: OffsetUnit;
  counts: DatasetCounts;
}

interface PreviewJob {
  /** The export's whole scope. */
  scope: ExportScope;
  /** The same scope cut to its first documents, which the preview shows. */
  first: ExportScope;
  unit: OffsetUnit;
}

export interface DatasetFormat {
  id: DatasetFormatId;
  /** Writes the export to a checked target (a folder for brat), atomically. */
  write(ctx: ServiceContext, job: ExportJob, target: ExportTarget): void;
  /** The first records as they will be written, laid out for reading. */
  preview(ctx: ServiceContext, job: PreviewJob): string[];
  /** Reads a file (a folder for brat), checking it all before anything is written. */
  read?(ctx: ServiceContext, target: string, options?: ReadOptions): Promise<InDataset>;
}

/** What of the brat model went by (export.ts says what a format could not hold). */
export interface LinkedTally {
  fragmented: number;
  events: number;
  equivalences: number;
  normalisations: number;
  notes: number;
}

const tallies = new WeakMap<DatasetCounts, LinkedTally>();

export function linkedTally(counts: DatasetCounts): LinkedTally {
  let tally = tallies.get(counts);
  if (!tally) tallies.set(counts, (tally = { fragmented: 0, events: 0, equivalences: 0, normalisations: 0, notes: 0 }));
  return tally;
}

/** The documents as they go by, counted into counts. */
export function* countingDocs(docs: Iterable<DsDocument>, counts: DatasetCounts): Generator<DsDocument> {
  const tally = linkedTally(counts);
  for (const d of docs) {
    counts.documents += 1;
    counts.annotations += d.annotations.length;
    counts.relations += d.relations.length;
    for (const a of d.annotations) if (a.fragments) tally.fragmented += 1;
    if (d.linked) {
      tally.events += d.linked.events.length;
      tally.equivalences += d.linked.equivalences.length;
      tally.normalisations += d.linked.normalisations.length;
      tally.notes += d.linked.notes.length;
    }
    yield d;
  }
}

/** What the analyst tells an import beside the file. */
export interface ReadOptions {
  /** Label names by id, for files that name labels by number (doccano). */
  labelMap?: ReadonlyMap<string, string>;
}

/** A format Glossa also reads back. */
export interface ImportableFormat extends DatasetFormat {
  read(ctx: ServiceContext, target: string, options?: ReadOptions): Promise<InDataset>;
}
