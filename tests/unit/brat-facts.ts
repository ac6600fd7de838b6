// brat facts without ids, to compare a brat folder before and after import → export: spans (type
// and fragments), relations, events with their roles, attributes and modifiers, normalisations,
// notes and equivalences, each described by what it points at (never by T1, E2…), per document
// text. Glossa's own notes (GlossaId, GlossaAttributes, GlossaPlace) are not facts of the data.
import fs from 'node:fs';
import path from 'node:path';

export interface BratFacts {
  spans: string[];
  relations: string[];
  events: string[];
  attributes: string[];
  normalisations: string[];
  notes: string[];
  equivalences: string[];
}

const factKinds: (keyof BratFacts)[] = ['spans', 'relations', 'events', 'attributes', 'normalisations', 'notes', 'equivalences'];

export function annFilesOf(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.ann')) out.push(path.join(dir, e.name));
    }
  };
  walk(folder);
  return out.sort();
}

/** A span's fragments with the gaps that are only line breaks closed (how Glossa stores them). */
function spanOffsets(offsets: string, text: string[]): string {
  const ranges = offsets.split(';').map((p) => p.split(' ').map(Number) as [number, number]);
  const out = [ranges[0]!];
  for (const r of ranges.slice(1)) {
    const last = out[out.length - 1]!;
    if (r[0] > last[1] && /^(\r\n|\r|\n)+$/.test(text.slice(last[1], r[0]).join(''))) out[out.length - 1] = [last[0], r[1]];
    else out.push(r);
  }
  return out.map(([s, e]) => `${s}-${e}`).join(',');
}

/** One document's facts, each prefixed with a digest of its text so documents stay apart. */
function annFacts(ann: string, text: string, facts: BratFacts): void {
  const points = Array.from(text);
  const docKey = `${points.length}:${text.slice(0, 24)}`;
  const lines = ann.split(/\r?\n/).filter((l) => l.trim() !== '');
  const spans = new Map<string, string>();
  const events = new Map<string, string>();
  const relations = new Map<string, string>();
  for (const l of lines) {
    const [id = '', body = ''] = l.split('\t');
    if (id.startsWith('T')) {
      const m = /^(\S+) (.*)$/.exec(body)!;
      spans.set(id, `${m[1]} ${spanOffsets(m[2]!, points)}`);
    }
  }
  const eventLines = new Map(lines.filter((l) => l.startsWith('E')).map((l) => [l.split('\t')[0]!, l.split('\t')[1]!.trim()]));
  const eventOf = (id: string, depth = 0): string => {
    const body = eventLines.get(id);
    if (!body || depth > 5) return `event?`;
    const [trigger, ...args] = body.split(/\s+/);
    const [type, t] = trigger!.split(':');
    return `${type}@${spans.get(t!)}(${args.map((a) => { const [role, ref] = a.split(':'); return `${role}=${ref!.startsWith('E') ? eventOf(ref!, depth + 1) : spans.get(ref!)}`; }).join(' ')})`;
  };
  for (const id of eventLines.keys()) events.set(id, eventOf(id));
  for (const l of lines) {
    const [id = '', body = ''] = l.split('\t');
    if (id.startsWith('R')) {
      const [type, a1, a2] = body.trim().split(/\s+/);
      relations.set(id, `${type} ${spans.get(a1!.split(':')[1]!)} ${spans.get(a2!.split(':')[1]!)}`);
    }
  }
  const target = (ref: string) => spans.get(ref) ?? events.get(ref) ?? relations.get(ref) ?? `?${ref[0]}`;
  const add = (kind: keyof BratFacts, fact: string) => facts[kind].push(`${docKey}|${fact}`);
  for (const s of spans.values()) add('spans', s);
  for (const r of relations.values()) add('relations', r);
  for (const e of events.values()) add('events', e);
  for (const l of lines) {
    const [id = '', body = '', ...rest] = l.split('\t');
    const text = rest.join('\t');
    if (id.startsWith('A') || id.startsWith('M')) {
      const [name, ref, value] = body.trim().split(/\s+/);
      add('attributes', `${name} ${target(ref!)} ${value ?? true}`);
    } else if (id.startsWith('N')) {
      const [type, ref, resource] = body.trim().split(/\s+/);
      add('normalisations', `${type} ${target(ref!)} ${resource} ${text}`);
    } else if (id.startsWith('*')) {
      const [type, ...members] = body.trim().split(/\s+/);
      add('equivalences', `${type} ${members.map(target).sort().join(' ')}`);
    } else if (id.startsWith('#')) {
      const [type, ref] = body.split(' ');
      if (!type!.startsWith('Glossa')) add('notes', `${type} ${target(ref!)} ${text}`);
    }
  }
}

export function bratFacts(folder: string): BratFacts {
  const facts: BratFacts = { spans: [], relations: [], events: [], attributes: [], normalisations: [], notes: [], equivalences: [] };
  for (const file of annFilesOf(folder)) {
    annFacts(fs.readFileSync(file, 'utf8'), fs.readFileSync(file.replace(/\.ann$/, '.txt'), 'utf8'), facts);
  }
  for (const kind of factKinds) facts[kind].sort();
  return facts;
}
