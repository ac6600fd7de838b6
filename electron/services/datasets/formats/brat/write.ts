// One document as a brat .ann: T lines (a span that crosses a line break, or a discontinuous
// one, as fragments "s e;s e" split at the line breaks, since brat rejects a fragment holding
// one, with the fragments' texts joined by one space as the quote), R, E, A, N, * and # lines.
// What brat cannot say (text, number, date and multi-choice values, places, Glossa ids) is kept
// in "#" notes of types GlossaAttributes, GlossaPlace and GlossaId, which brat shows as notes.
import type { AnalysisSchema } from '../../../../../shared/schemas/schema';
import type { DsAnnotation, DsDocument } from '../../model';
import { bratName, oneLine } from './names';
import { isGeoNames, placeNormalisationType } from '../../normalised-places';

/** Code-point ranges of the annotation (its fragments, or its extent) cut at every line break. */
const storedRanges = (a: DsAnnotation): [number, number][] => (a.fragments ? a.fragments.map((f) => [f.cpStart, f.cpEnd]) : [[a.cpStart, a.cpEnd]]);
const offsetsText = (ranges: readonly [number, number][]): string => ranges.map(([s, e]) => `${s} ${e}`).join(';');

export function bratFragments(a: DsAnnotation, points: readonly string[]): [number, number][] {
  const ranges = storedRanges(a);
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i === to || points[i] === '\n' || points[i] === '\r') {
        if (i > start) out.push([start, i]);
        start = i + 1;
      }
    }
  }
  // A span of line breaks only: kept as written (brat will reject it, as it would any such span).
  return out.length > 0 ? out : [[a.cpStart, a.cpEnd]];
}

function typesOf(schema: AnalysisSchema): Map<string, string> {
  const typeOf = new Map<string, string>();
  for (const label of schema.labels) for (const attr of label.attributes) typeOf.set(`${label.name}\u0000${attr.name}`, attr.type);
  return typeOf;
}

export function bratAnn(doc: DsDocument, schema: AnalysisSchema): string {
  const lines: string[] = [];
  const t = new Map<string, string>();
  const points = Array.from(doc.text);
  let attributeN = 0;
  let noteN = 0;
  const typeOf = typesOf(schema);
  const attributeLines = (label: string, id: string, values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) {
      const type = typeOf.get(`${label}\u0000${name}`);
      if (type === 'choice' && typeof value === 'string') lines.push(`A${++attributeN}\t${bratName(name)} ${id} ${bratName(value)}`);
      else if (type === 'boolean' && value === true) lines.push(`A${++attributeN}\t${bratName(name)} ${id}`);
    }
  };
  // Where the line breaks cut a span differently from what is stored, the GlossaId note keeps
  // the stored offsets, so that Glossa reads back exactly what it wrote.
  const storedOffsets = new Map<string, string>();
  doc.annotations.forEach((a, i) => {
    const id = `T${i + 1}`;
    t.set(a.id, id);
    const fragments = bratFragments(a, points);
    const quote = fragments.map(([s, e]) => points.slice(s, e).join('')).join(' ');
    const written = offsetsText(fragments);
    if (written !== offsetsText(storedRanges(a))) storedOffsets.set(a.id, offsetsText(storedRanges(a)));
    lines.push(`${id}\t${bratName(a.label)} ${written}\t${oneLine(quote)}`);
  });
  const r = new Map<string, string>();
  doc.relations.forEach((rel, i) => {
    r.set(rel.id, `R${i + 1}`);
    lines.push(`R${i + 1}\t${bratName(rel.type)} Arg1:${t.get(rel.from)} Arg2:${t.get(rel.to)}`);
  });
  const linked = doc.linked;
  const e = new Map<string, string>();
  linked?.events.forEach((ev, i) => e.set(ev.ref, `E${i + 1}`));
  for (const ev of linked?.events ?? []) {
    const args = ev.arguments.map((g) => `${bratName(g.role)}:${g.isEvent ? e.get(g.ref) : t.get(g.ref)}`);
    lines.push(`${e.get(ev.ref)}\t${[`${bratName(ev.type)}:${t.get(ev.trigger)}`, ...args].join(' ')}`);
  }
  for (const a of doc.annotations) attributeLines(a.label, t.get(a.id)!, a.attributes);
  for (const ev of linked?.events ?? []) attributeLines(ev.type, e.get(ev.ref)!, ev.attributes);
  // A place with a GeoNames id writes its N line: through the normalisation it came from (its
  // type and text, with the place's id), or as "Reference T GeoNames:id<TAB>name".
  const placeOf = new Map(doc.annotations.map((a) => [a.id, a.place]));
  const written = new Set<string>();
  let normalisationN = 0;
  for (const n of linked?.normalisations ?? []) {
    const geonameid = isGeoNames(n.resource) ? placeOf.get(n.target)?.geonameid : null;
    if (geonameid != null) written.add(n.target);
    lines.push(`N${++normalisationN}\t${bratName(n.type)} ${t.get(n.target)} ${bratName(n.resource)}:${geonameid ?? n.resourceId}\t${oneLine(n.text)}`);
  }
  for (const a of doc.annotations) {
    if (a.place?.geonameid != null && !written.has(a.id)) lines.push(`N${++normalisationN}\t${placeNormalisationType} ${t.get(a.id)} GeoNames:${a.place.geonameid}\t${oneLine(a.place.name)}`);
  }
  for (const q of linked?.equivalences ?? []) lines.push(`*\t${bratName(q.type)} ${q.members.map((m) => t.get(m)).join(' ')}`);
  for (const a of doc.annotations) {
    const id = t.get(a.id)!;
    if (a.note) lines.push(`#${++noteN}\tAnnotatorNotes ${id}\t${oneLine(a.note)}`);
    if (Object.keys(a.attributes).length > 0) lines.push(`#${++noteN}\tGlossaAttributes ${id}\t${JSON.stringify(a.attributes)}`);
    if (a.place) lines.push(`#${++noteN}\tGlossaPlace ${id}\t${JSON.stringify(a.place)}`);
    lines.push(`#${++noteN}\tGlossaId ${id}\t${JSON.stringify({ id: a.id, note: a.note, created_at: a.createdAt, updated_at: a.updatedAt, ...(storedOffsets.has(a.id) ? { offsets: storedOffsets.get(a.id) } : {}) })}`);
  }
  for (const note of linked?.notes ?? []) {
    const target = note.targetKind === 'annotation' ? t.get(note.target) : note.targetKind === 'event' ? e.get(note.target) : r.get(note.target);
    if (target) lines.push(`#${++noteN}\t${bratName(note.type)} ${target}\t${oneLine(note.text)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
