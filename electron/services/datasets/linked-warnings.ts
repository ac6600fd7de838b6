// What an export summary says about the brat model a format cannot hold as it is: discontinuous
// spans (written as their covering span, from the first fragment to the last), events (written
// as relations by doccano and Label Studio), equivalences, normalisations and typed notes (left
// out). brat, the .glossa archive and Glossa JSONL hold all of it; W3C holds fragments and events.
import type { DatasetFormatId } from '../../../shared/formats';
import type { LinkedTally } from './formats/format';

const holdsEverything: ReadonlySet<DatasetFormatId> = new Set<DatasetFormatId>(['brat', 'archive', 'jsonl']);
const holdsFragments: ReadonlySet<DatasetFormatId> = new Set<DatasetFormatId>(['w3c']);
const holdsEvents: ReadonlySet<DatasetFormatId> = new Set<DatasetFormatId>(['w3c']);
const eventsAsRelations: ReadonlySet<DatasetFormatId> = new Set<DatasetFormatId>(['doccano', 'labelstudio']);

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function linkedWarnings(format: DatasetFormatId, tally: LinkedTally): string[] {
  if (holdsEverything.has(format)) return [];
  const out: string[] = [];
  if (tally.fragmented > 0 && !holdsFragments.has(format)) {
    out.push(`${plural(tally.fragmented, 'discontinuous span', 'discontinuous spans')} written as ${tally.fragmented === 1 ? 'its covering span' : 'their covering span'} (from the first fragment to the last): this format cannot hold fragments.`);
  }
  if (tally.events > 0 && eventsAsRelations.has(format)) {
    out.push(`${plural(tally.events, 'event', 'events')} written as relations from ${tally.events === 1 ? 'its trigger' : 'their trigger'} to each argument, labelled with the role (Glossa reads them back as events).`);
  }
  const left = [
    tally.events > 0 && !holdsEvents.has(format) && !eventsAsRelations.has(format) && plural(tally.events, 'event', 'events'),
    tally.equivalences > 0 && plural(tally.equivalences, 'equivalence', 'equivalences'),
    tally.normalisations > 0 && plural(tally.normalisations, 'normalisation', 'normalisations'),
    tally.notes > 0 && plural(tally.notes, 'typed note', 'typed notes'),
  ].filter((x): x is string => typeof x === 'string');
  if (left.length > 0) out.push(`${left.join(', ')} left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).`);
  return out;
}
