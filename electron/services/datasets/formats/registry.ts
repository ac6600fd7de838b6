// Every dataset format's module, by id. A new format is one file in this folder, one row here
// and one row in shared/formats.ts; the types make a format that imports there read here.
import type { DatasetFormatId, ImportableFormatId } from '../../../../shared/formats';
import { archiveFormat } from './archive';
import { bratFormat } from './brat';
import { claimsCsvFormat } from './claims-csv';
import { conllFormat } from './conll';
import { csvFormat } from './csv';
import { doccanoFormat } from './doccano';
import type { DatasetFormat, ImportableFormat } from './format';
import { geoJsonFormat } from './geojson';
import { jsonlFormat } from './jsonl';
import { labelStudioFormat } from './labelstudio';
import { spacyFormat } from './spacy';
import { w3cFormat } from './w3c';

type Registry = { [K in DatasetFormatId]: K extends ImportableFormatId ? ImportableFormat : DatasetFormat };

export const formatModules: Readonly<Registry> = {
  jsonl: jsonlFormat,
  csv: csvFormat,
  doccano: doccanoFormat,
  labelstudio: labelStudioFormat,
  brat: bratFormat,
  conll: conllFormat,
  spacy: spacyFormat,
  w3c: w3cFormat,
  'claims-csv': claimsCsvFormat,
  geojson: geoJsonFormat,
  archive: archiveFormat,
};
