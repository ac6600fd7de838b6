// The one table of file formats, as plain data (no Node, no DOM): the dataset formats Glossa
// exports (and reads back where `import` is set), and the report formats the library imports.
// The renderer's dialogs, the native open and save dialogs, the services, the CLI and the zod
// contract all read it, so adding a format starts with one row here.

/** Every dataset format's id: its CLI name and its value on the channels, in the dialog's order. */
export const datasetFormatIds = ['jsonl', 'csv', 'doccano', 'labelstudio', 'brat', 'conll', 'spacy', 'w3c', 'claims-csv', 'geojson', 'archive'] as const;
export type DatasetFormatId = (typeof datasetFormatIds)[number];

/** The dataset formats Glossa reads annotations back from, in the import dialog's order. */
export const importableFormatIds = ['doccano', 'labelstudio', 'brat', 'w3c', 'archive'] as const;
export type ImportableFormatId = (typeof importableFormatIds)[number];

/**
 * How a format counts offsets. choice: code points, or UTF-16 when asked (the export dialog's
 * option); codepoint and utf16: fixed; tokens: no character offsets (CoNLL); none: no spans.
 */
type FormatOffsetUnit = 'choice' | 'codepoint' | 'utf16' | 'tokens' | 'none';

interface ImportFacts {
  /** The import dialog's name for it. */
  label: string;
  /** The import dialog's one line on what it reads. */
  summary: string;
  /** File extensions the open dialog offers (none for a folder). */
  extensions: readonly string[];
}

export interface DatasetFormatFacts {
  id: DatasetFormatId;
  /** The export dialog's name for it. */
  label: string;
  /** The file's extension, without the dot ('' for a folder). */
  extension: string;
  offsetUnit: FormatOffsetUnit;
  /** A folder of files (brat), or one file. */
  target: 'file' | 'folder';
  /** The export dialog's one line on what it is for. */
  summary: string;
  /** What it keeps and drops (the preview shows it). */
  notes: string;
  /** Set for the formats Glossa imports. */
  import?: ImportFacts;
}

type FormatTable = { [K in DatasetFormatId]: DatasetFormatFacts & { id: K } & (K extends ImportableFormatId ? { import: ImportFacts } : { import?: undefined }) };

export const datasetFormatTable: Readonly<FormatTable> = {
  jsonl: {
    id: 'jsonl',
    label: 'JSONL (Glossa)',
    extension: 'jsonl',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'One line per report: text, [start, end, label], full annotations with values and places, relations.',
    notes: 'Glossa JSONL: one report per line with text, [start, end, label] triples, full annotations (quote, note, attributes, place) and relations. Keeps everything but document tags.',
  },
  csv: {
    id: 'csv',
    label: 'CSV',
    extension: 'csv',
    offsetUnit: 'codepoint',
    target: 'file',
    summary: 'One row per annotation with attribute columns, relations and place; for spreadsheets. Offsets in code points.',
    notes: 'One row per annotation with attribute columns, relations and place; offsets always in code points. Drops the document text.',
  },
  doccano: {
    id: 'doccano',
    label: 'doccano',
    extension: 'jsonl',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'Sequence labeling with relations: entities and relations, plus quote, note and values per entity.',
    notes: 'doccano sequence labeling with relations (entities, relations); quote, note, attributes and place ride along per entity.',
    import: {
      label: 'doccano JSONL',
      summary: 'Also Glossa JSONL and doccano 1.x. One document per line with entities (or label, labels, annotations) and relations; label ids need a label map.',
      extensions: ['jsonl', 'json'],
    },
  },
  labelstudio: {
    id: 'labelstudio',
    label: 'Label Studio',
    extension: 'json',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'Tasks with labels and relation results, and the labeling config written beside them.',
    notes: 'Label Studio tasks with labels and relation results, plus the labeling config (.label_config.xml) beside it.',
    import: { label: 'Label Studio JSON', summary: 'Tasks with a "text" field (labels regions and relations), or an HTML page (hypertextlabels regions).', extensions: ['json'] },
  },
  brat: {
    id: 'brat',
    label: 'brat standoff',
    extension: '',
    offsetUnit: 'codepoint',
    target: 'folder',
    summary: 'A folder of .txt and .ann files with annotation.conf. Offsets in code points.',
    notes: 'A folder of .txt and .ann files with annotation.conf; choice and yes/no attributes as A lines, notes as # lines, other values in Glossa notes. Offsets in code points.',
    import: { label: 'brat folder', summary: '.txt and .ann files (T, R, A and # lines).', extensions: [] },
  },
  conll: {
    id: 'conll',
    label: 'CoNLL-2003 (IOB2)',
    extension: 'conll',
    offsetUnit: 'tokens',
    target: 'file',
    summary: 'Token tags for NER training. Labels only; overlapping spans resolved, earlier then longer wins.',
    notes: 'CoNLL-2003 IOB2 tags per token. Keeps labels only; overlapping spans are resolved (earlier, then longer, wins) and the dropped ones reported.',
  },
  spacy: {
    id: 'spacy',
    label: 'spaCy',
    extension: 'jsonl',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'Lines of text, spans and ents (ents: the spans that do not overlap).',
    notes: 'spaCy JSONL: text, spans (all) and ents (those that do not overlap), code points by default.',
  },
  w3c: {
    id: 'w3c',
    label: 'W3C Web Annotation',
    extension: 'jsonld',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'JSON-LD with quote and position selectors, for Hypothesis- and Recogito-style tools.',
    notes: 'W3C Web Annotation JSON-LD with TextQuoteSelector and TextPositionSelector per span, relations as linking annotations.',
    import: { label: 'W3C Web Annotation', summary: 'JSON-LD with TextQuoteSelector / TextPositionSelector.', extensions: ['jsonld', 'json'] },
  },
  'claims-csv': {
    id: 'claims-csv',
    label: 'Claims table',
    extension: 'csv',
    offsetUnit: 'choice',
    target: 'file',
    summary: 'One row per claim with its status, sources and places; for spreadsheets.',
    notes: 'One row per claim with its attributes, sources and places. Drops other spans that are not linked to a claim.',
  },
  geojson: {
    id: 'geojson',
    label: 'GeoJSON',
    extension: 'geojson',
    offsetUnit: 'none',
    target: 'file',
    summary: 'Resolved places as points with the claims located at them (library or one report).',
    notes: 'Resolved places as GeoJSON points (corpus or one report), with the claims located at them. Drops everything else.',
  },
  archive: {
    id: 'archive',
    label: 'Glossa archive',
    extension: 'glossa',
    offsetUnit: 'utf16',
    target: 'file',
    summary: 'The whole project in one .glossa file (documents, schema, everything), to move it to another machine.',
    notes: 'The whole project in one .glossa file: documents, schema, annotations, attributes, relations, places. Keeps everything.',
    import: { label: 'Glossa archive (.glossa)', summary: 'A whole project; merged by document text and annotation id.', extensions: ['glossa'] },
  },
};

/** The table's rows in the export dialog's order. */
export const datasetFormatList: readonly DatasetFormatFacts[] = datasetFormatIds.map((id) => datasetFormatTable[id]);

/** The importable rows in the import dialog's order, with their import facts. */
export const importableFormatList: readonly (DatasetFormatFacts & { id: ImportableFormatId; import: ImportFacts })[] = importableFormatIds.map((id) => datasetFormatTable[id]);

/** The unit an export's offsets are in: the format's own, or for 'choice' the one asked for. */
/** Whether a file name or path is a Glossa archive, the file type the OS opens with Glossa. */
export function isArchivePath(name: string): boolean {
  return name.toLowerCase().endsWith(`.${datasetFormatTable.archive.extension}`);
}

export function exportOffsetUnit(format: DatasetFormatId, chosen: 'codepoint' | 'utf16' | undefined): Exclude<FormatOffsetUnit, 'choice'> {
  const unit = datasetFormatTable[format].offsetUnit;
  return unit === 'choice' ? (chosen ?? 'codepoint') : unit;
}

// ---------------------------------------------------------------------------------------------
// Reports: what the library imports (Import ▸ Files… and Folder…, dropped files, the CLI).

export const reportFormatIds = ['txt', 'md', 'html', 'mhtml', 'pdf', 'docx'] as const;
export type ReportFormatId = (typeof reportFormatIds)[number];

interface ReportFormatFacts {
  id: ReportFormatId;
  /** As messages name it ("Glossa imports PDF files up to …"). */
  label: string;
  /** Every extension read as this format, without the dot, lower case. */
  extensions: readonly string[];
}

export const reportFormats: Readonly<{ [K in ReportFormatId]: ReportFormatFacts & { id: K } }> = {
  txt: { id: 'txt', label: 'text', extensions: ['txt', 'text'] },
  md: { id: 'md', label: 'Markdown', extensions: ['md', 'markdown'] },
  html: { id: 'html', label: 'HTML', extensions: ['html', 'htm', 'xhtml'] },
  mhtml: { id: 'mhtml', label: 'MHTML', extensions: ['mhtml', 'mht'] },
  pdf: { id: 'pdf', label: 'PDF', extensions: ['pdf'] },
  docx: { id: 'docx', label: 'Word (DOCX)', extensions: ['docx'] },
};

/** Every extension the library imports, in the table's order. */
export const reportExtensions: readonly string[] = reportFormatIds.flatMap((id) => reportFormats[id].extensions);
