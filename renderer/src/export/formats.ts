// The export formats as the dialog offers them, read from the one table in shared/formats.ts.
import { datasetFormatList, type DatasetFormatFacts } from '../../../shared/formats';

/** The "UTF-16 offsets" option applies: the format writes code points unless asked for UTF-16. */
export function hasUnitChoice(format: DatasetFormatFacts): boolean {
  return format.offsetUnit === 'choice';
}

export const exportFormats = datasetFormatList;
