// What an export summary says about the brat model a format cannot hold: discontinuous spans
// (written from their first fragment to their last), events, equivalences, normalisations and
// typed notes (left out). brat, the .glossa archive and Glossa JSONL hold all of it.
import type { DatasetFormatId } from '../../../shared/formats';
import type { LinkedTally } from './formats/format';

const holdsEverything: ReadonlySet<DatasetFormatId> = new Set<DatasetFormatId>(['brat', 'archive', 'jsonl']);

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function linkedWarnings(format: DatasetFormatId, tally: LinkedTally): string[] {
  if (holdsEverything.has(format)) return [];
  const out: string[] = [];
  if (tally.fragmented > 0) {
    out.push(`${plural(tally.fragmented, 'discontinuous span was', 'discontinuous spans were')} written as one span from the first fragment to the last: this format cannot hold fragments.`);
  }
  const left = [
    tally.events > 0 && plural(tally.events, 'event', 'events'),
    tally.equivalences > 0 && plural(tally.equivalences, 'equivalence', 'equivalences'),
    tally.normalisations > 0 && plural(tally.normalisations, 'normalisation', 'normalisations'),
    tally.notes > 0 && plural(tally.notes, 'typed note', 'typed notes'),
  ].filter((x): x is string => typeof x === 'string');
  if (left.length > 0) out.push(`${left.join(', ')} left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).`);
  return out;
}
