// What the export dialog asks of a format, read from the one table in shared/formats.ts.
import type { DatasetFormatFacts } from '../../../shared/formats';

/** The "UTF-16 offsets" option applies: the format writes code points unless asked for UTF-16. */
export function hasUnitChoice(format: DatasetFormatFacts): boolean {
  return format.offsetUnit === 'choice';
}
