// annotation.conf: Glossa writes one with every export (entities, relations with their argument
// types, events with the roles they use, attributes), and reads the [attributes] section of one
// found beside the .ann files: the values a multi-valued attribute may take, so an attribute
// created on import offers them all, not only the values the files happen to use.
import type { AnalysisSchema } from '../../../../../shared/schemas/schema';
import type { DsDocument } from '../../model';
import { bratName } from './names';

/** The roles each event type uses in the exported documents, for the [events] section. */
export function eventRoles(docs: readonly Pick<DsDocument, 'linked'>[], into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const d of docs) for (const e of d.linked?.events ?? []) {
    const roles = into.get(e.type) ?? new Set<string>();
    for (const g of e.arguments) roles.add(bratName(g.role));
    into.set(e.type, roles);
  }
  return into;
}

export function bratConf(schema: AnalysisSchema, roles: ReadonlyMap<string, ReadonlySet<string>> = new Map()): string {
  const name = new Map(schema.labels.map((l) => [l.id, bratName(l.name)]));
  const isEvent = (n: string) => roles.has(n);
  const entities = schema.labels.filter((l) => !isEvent(l.name));
  const all = schema.labels.map((l) => bratName(l.name)).join('|') || '<ENTITY>';
  const out = ['[entities]', ...entities.map((l) => bratName(l.name)), '', '[relations]'];
  for (const type of schema.relationTypes) {
    const from = type.fromLabelId ? (name.get(type.fromLabelId) ?? all) : all;
    const to = type.toLabelId ? (name.get(type.toLabelId) ?? all) : all;
    out.push(`${bratName(type.name)}\tArg1:${from}, Arg2:${to}`);
  }
  out.push('', '[events]');
  for (const [type, used] of roles) out.push(`${bratName(type)}\t${[...used].map((r) => `${r}*:<ANY>`).join(', ')}`.trimEnd());
  out.push('', '[attributes]');
  for (const label of schema.labels) {
    for (const attr of label.attributes) {
      if (attr.type === 'choice') out.push(`${bratName(attr.name)}\tArg:${bratName(label.name)}, Value:${attr.options.map(bratName).join('|')}`);
      else if (attr.type === 'boolean') out.push(`${bratName(attr.name)}\tArg:${bratName(label.name)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The values each attribute of an annotation.conf may take (binary attributes: none). */
export function confAttributeValues(conf: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  let section = '';
  for (const raw of conf.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const heading = /^\[(\w+)\]$/.exec(line);
    if (heading) {
      section = heading[1]!;
      continue;
    }
    if (section !== 'attributes') continue;
    const [attr, spec = ''] = line.split(/\t+|\s{2,}/);
    const value = /Value:([^,\s]+)/.exec(spec);
    if (attr) values.set(attr, value ? value[1]!.split('|').map((v) => v.replace(/^<|>$/g, '')) : []);
  }
  return values;
}
