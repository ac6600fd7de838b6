// One .ann file into what a document holds: text-bound annotations (with their fragments),
// relations, events with role arguments, attributes and modifiers on annotations and events,
// normalisations, equivalences and notes of any type. Lines brat allows but the store cannot hold
// are counted with their reason; lines that are not brat stop the import (importError).
import type { AnalysisSchema, AttributeValue } from '../../../../../shared/schemas/schema';
import { placeOf } from '../doccano';
import { importError, jsonProblem, type InAnnotation, type InRelation } from '../../model';
import { emptyLinked, type Linked, type LinkedEvent } from '../../linked-model';
import { nameMatcher, oneLine } from './names';

export interface ParsedAnn {
  annotations: InAnnotation[];
  relations: InRelation[];
  linked: Linked;
  /** What was not kept: per reason, how many. */
  losses: Map<string, number>;
  /** Ids that repeated an earlier one (only the first is kept). */
  repeated: string[];
}

/** How the parser reads names back: labels, relation types and attributes per label. */
export interface BratNames {
  label: (written: string) => string;
  relationType: (written: string) => string;
  attribute: (label: string, written: string) => string;
  value: (label: string, attribute: string, written: string) => string;
}

export function bratNames(schema: AnalysisSchema): BratNames {
  const label = nameMatcher(schema.labels.map((l) => l.name));
  const relationType = nameMatcher(schema.relationTypes.map((t) => t.name));
  const byLabel = new Map(schema.labels.map((l) => [l.name.toLowerCase(), l]));
  const attrOf = (l: string, a: string) => byLabel.get(l.toLowerCase())?.attributes.find((x) => x.name.toLowerCase() === a.toLowerCase());
  return {
    label,
    relationType,
    attribute: (l, written) => nameMatcher(byLabel.get(l.toLowerCase())?.attributes.map((a) => a.name) ?? [])(written),
    value: (l, a, written) => nameMatcher(attrOf(l, a)?.options ?? [])(written),
  };
}

/** Fragments separated only by a line break were one span that an export split (brat needs it). */
function joinLineBreakGaps(fragments: { start: number; end: number }[], points: readonly string[]): { start: number; end: number }[] {
  const out = [{ ...fragments[0]! }];
  for (const f of fragments.slice(1)) {
    const last = out[out.length - 1]!;
    const gap = f.start > last.end ? points.slice(last.end, f.start).join('') : null;
    if (gap !== null && /^(\r\n|\r|\n)+$/.test(gap)) last.end = f.end;
    else out.push({ ...f });
  }
  return out;
}

/** The offsets a GlossaId note keeps when the T line's fragments were cut at line breaks. */
function storedOffsets(a: InAnnotation, offsets: string, points: readonly string[]): void {
  if (!/^\d+ \d+(;\d+ \d+)*$/.test(offsets)) return;
  const ranges = offsets.split(';').map((p) => p.split(' ').map(Number) as [number, number]);
  if (ranges.some(([s, e]) => s >= e || e > points.length)) return;
  a.start = ranges[0]![0];
  a.end = ranges[ranges.length - 1]![1];
  a.quote = points.slice(a.start, a.end).join('');
  if (ranges.length > 1) a.fragments = ranges.map(([start, end]) => ({ start, end }));
  else delete a.fragments;
}

const glossaNotes = new Set(['GlossaAttributes', 'GlossaPlace', 'GlossaId']);

export function parseAnn(annFile: string, source: string, points: readonly string[], names: BratNames): ParsedAnn {
  const txtFile = annFile.replace(/\.ann$/, '.txt');
  const annotations = new Map<string, InAnnotation>();
  const relations: InRelation[] = [];
  const linked = emptyLinked();
  const events = new Map<string, LinkedEvent>();
  const attributes = new Map<string, Record<string, AttributeValue>>();
  const notes: [string, number][] = [];
  const normalisations: [string, number][] = [];
  const losses = new Map<string, number>();
  const lose = (reason: string) => losses.set(reason, (losses.get(reason) ?? 0) + 1);
  const repeated: string[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const pendingAttributes: [string, number][] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '') return;
    const [id, body, ...restParts] = line.split('\t');
    const rest = restParts.length > 0 ? restParts.join('\t') : undefined;
    if (!id || body === undefined) throw importError(annFile, n, `is not a brat line (expected ID<TAB>annotation).`);
    const kind = id[0];
    if (kind === 'T') {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) throw importError(annFile, n, 'the annotation is not "Type start end".');
      const written = m[2]!.split(';').map((p) => p.split(' ').map(Number) as [number, number]).map(([start, end]) => ({ start, end }));
      for (const f of written) {
        if (f.end > points.length || f.start >= f.end) {
          throw importError(annFile, n, `offsets ${f.start}–${f.end} are beyond the text of ${txtFile} (${points.length} characters) or empty.`);
        }
      }
      const fragments = joinLineBreakGaps(written, points);
      const start = Math.min(...fragments.map((f) => f.start));
      const end = Math.max(...fragments.map((f) => f.end));
      // brat writes line breaks and tabs inside a quote as spaces: the text at the offsets is the
      // quote when it reads the same that way; else the .ann's quote is looked for (re-anchoring).
      const actual = points.slice(start, end).join('');
      const quote = written.length > 1 || rest === undefined || oneLine(actual) === rest ? actual : rest;
      if (annotations.has(id)) {
        repeated.push(id);
        return;
      }
      const a: InAnnotation = { ref: id, label: names.label(m[1]!), start, end, unit: 'codepoint', quote, line: n };
      if (fragments.length > 1) a.fragments = fragments;
      annotations.set(id, a);
    } else if (kind === 'R') {
      const m = /^(\S+) (\S+):(\S+) (\S+):(\S+)\s*$/.exec(body);
      if (!m) throw importError(annFile, n, 'the relation is not "Type Arg1:T1 Arg2:T2".');
      if (m[2] !== 'Arg1' || m[4] !== 'Arg2') lose(`relation arguments named other than Arg1 and Arg2 (${m[2]}, ${m[4]}) are read as Arg1 and Arg2`);
      relations.push({ ref: id, type: names.relationType(m[1]!), from: m[3]!, to: m[5]! });
    } else if (kind === 'E') {
      const parts = body.trim().split(/\s+/);
      const trigger = /^(\S+):(\S+)$/.exec(parts[0] ?? '');
      if (!trigger) throw importError(annFile, n, 'the event is not "Type:T1 Role:T2…".');
      const args = parts.slice(1).map((p) => {
        const m = /^(\S+):(\S+)$/.exec(p);
        if (!m) throw importError(annFile, n, 'an event argument is not "Role:ID".');
        return { role: m[1]!, ref: m[2]!, isEvent: m[2]!.startsWith('E') };
      });
      const event: LinkedEvent = { ref: id, type: names.label(trigger[1]!), trigger: trigger[2]!, arguments: args, attributes: {}, line: n };
      events.set(id, event);
      linked.events.push(event);
    } else if (kind === 'A' || kind === 'M') {
      const parts = body.trim().split(/\s+/);
      if (!parts[0] || !parts[1] || parts.length > 3) throw importError(annFile, n, 'the attribute is not "Attribute T1 [value]".');
      pendingAttributes.push([line, n]);
    } else if (kind === 'N') {
      normalisations.push([line, n]);
    } else if (kind === '*') {
      const parts = body.trim().split(/\s+/);
      if (parts.length < 3) throw importError(annFile, n, 'the equivalence is not "Type T1 T2…".');
      linked.equivalences.push({ type: parts[0]!, members: parts.slice(1), line: n });
    } else if (kind === '#') {
      notes.push([line, n]);
    } else {
      throw importError(annFile, n, 'the line does not start with a brat annotation id (T, R, E, A, M, N, *, #).');
    }
  });
  const relationRefs = new Set(relations.map((r) => r.ref));
  for (const [line, n] of pendingAttributes) {
    const [name, target, value] = line.split('\t')[1]!.trim().split(/\s+/) as [string, string, string | undefined];
    const owner = annotations.get(target) ?? events.get(target);
    if (!owner) {
      lose(relationRefs.has(target) ? 'attributes on relations cannot be kept' : `an attribute points at an id not in the file`);
      continue;
    }
    const label = 'label' in owner ? owner.label : owner.type;
    const attribute = names.attribute(label, name);
    const entry = 'label' in owner ? (attributes.get(target) ?? {}) : owner.attributes;
    entry[attribute] = value === undefined ? true : names.value(label, attribute, value);
    if ('label' in owner) attributes.set(target, entry);
    void n;
  }
  for (const [line, n] of normalisations) {
    const [, body = '', text = ''] = line.split('\t');
    const m = /^(\S+) (\S+) ([^:\s]+):(\S*)\s*$/.exec(body);
    if (!m) throw importError(annFile, n, 'the normalisation is not "Type T1 Resource:ID".');
    if (!annotations.has(m[2]!)) {
      lose(events.has(m[2]!) || relationRefs.has(m[2]!) ? 'normalisations of events and relations cannot be kept' : 'a normalisation points at an id not in the file');
      continue;
    }
    linked.normalisations.push({ target: m[2]!, type: m[1]!, resource: m[3]!, resourceId: m[4]!, text, line: n });
  }
  for (const [line, n] of notes) {
    const [, body = '', ...textParts] = line.split('\t');
    const value = textParts.join('\t');
    const [type = '', target = ''] = body.split(' ');
    const a = annotations.get(target);
    try {
      if (a && type === 'AnnotatorNotes' && a.note === undefined) a.note = value;
      else if (a && type === 'GlossaAttributes') a.attributes = JSON.parse(value) as Record<string, AttributeValue>;
      else if (a && type === 'GlossaPlace') a.place = placeOf(JSON.parse(value));
      else if (a && type === 'GlossaId') {
        const g = JSON.parse(value) as { id?: string; note?: string; created_at?: string; updated_at?: string; offsets?: unknown };
        a.id = g.id;
        if (typeof g.offsets === 'string') storedOffsets(a, g.offsets, points);
        if (g.note !== undefined) a.note = g.note;
        a.createdAt = g.created_at;
        a.updatedAt = g.updated_at;
      } else if (!type || glossaNotes.has(type)) lose(`a note without a type or target`);
      else if (a) linked.notes.push({ target, targetKind: 'annotation', type, text: value, line: n });
      else if (events.has(target)) linked.notes.push({ target, targetKind: 'event', type, text: value, line: n });
      else if (relationRefs.has(target)) linked.notes.push({ target, targetKind: 'relation', type, text: value, line: n });
      else lose(`a note points at an id that is not an annotation, event or relation in the file`);
    } catch (error) {
      throw importError(annFile, n, `the ${type} note is not valid JSON (${jsonProblem(error)}).`);
    }
  }
  for (const [target, values] of attributes) {
    const a = annotations.get(target)!;
    if (a.attributes === undefined) a.attributes = values;
  }
  const eventRefs = new Set(events.keys());
  const kept: InRelation[] = [];
  for (const r of relations) {
    const ends = [r.from, r.to];
    if (ends.some((e) => eventRefs.has(e))) lose('relations to or from events cannot be kept');
    else if (ends.some((e) => !annotations.has(e))) throw importError(annFile, null, `a relation points at ${ends.find((e) => !annotations.has(e))}, which is not in the file.`);
    else kept.push(r);
  }
  return { annotations: [...annotations.values()], relations: kept, linked, losses, repeated };
}
