// The export formats as the dialog offers them. Descriptions say what each keeps and drops.
import type { DatasetFormat } from '../../../shared/schemas/datasets';

export interface FormatInfo {
  id: DatasetFormat;
  name: string;
  description: string;
  /** The "UTF-16 offsets" option applies. */
  unitChoice: boolean;
  /** Writes a folder, not a file. */
  folder?: boolean;
}

export const exportFormats: FormatInfo[] = [
  { id: 'jsonl', name: 'JSONL (Glossa)', description: 'One line per report: text, [start, end, label], full annotations with values and places, relations.', unitChoice: true },
  { id: 'csv', name: 'CSV', description: 'One row per annotation with attribute columns, relations and place; for spreadsheets. Offsets in code points.', unitChoice: false },
  { id: 'doccano', name: 'doccano', description: 'Sequence labeling with relations: entities and relations, plus quote, note and values per entity.', unitChoice: true },
  { id: 'labelstudio', name: 'Label Studio', description: 'Tasks with labels and relation results, and the labeling config written beside them.', unitChoice: true },
  { id: 'brat', name: 'brat standoff', description: 'A folder of .txt and .ann files with annotation.conf. Offsets in code points.', unitChoice: false, folder: true },
  { id: 'conll', name: 'CoNLL-2003 (IOB2)', description: 'Token tags for NER training. Labels only; overlapping spans resolved, earlier then longer wins.', unitChoice: false },
  { id: 'spacy', name: 'spaCy', description: 'Lines of text, spans and ents (ents: the spans that do not overlap).', unitChoice: true },
  { id: 'w3c', name: 'W3C Web Annotation', description: 'JSON-LD with quote and position selectors, for Hypothesis- and Recogito-style tools.', unitChoice: true },
  { id: 'claims-csv', name: 'Claims table', description: 'One row per claim with its status, sources and places; for spreadsheets.', unitChoice: true },
  { id: 'geojson', name: 'GeoJSON', description: 'Resolved places as points with the claims located at them (library or one report).', unitChoice: false },
  { id: 'archive', name: 'Glossa archive', description: 'The whole project in one .glossa file (documents, schema, everything), to move it to another machine.', unitChoice: false },
];
