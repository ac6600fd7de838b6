// Shared by the dataset format tests: a corpus with every kind of data (attributes, relations,
// places, notes, overlapping and nested spans, Unicode of many scripts), and a comparable
// snapshot of what a store holds.
import fs from 'node:fs';
import path from 'node:path';
import { createAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import type { ServiceContext } from '../../electron/services/context';
import { resolvePlace } from '../../electron/services/places/places';
import { createRelation } from '../../electron/services/annotate/relations';
import { addText } from './helpers';

export const fixturesDir = path.resolve(__dirname, '../fixtures/datasets');

interface FixtureSpan {
  label: string;
  quote: string;
  nth?: number;
}
interface FixtureDocument {
  title: string;
  text: string;
  spans: FixtureSpan[];
}

export function unicodeFixture(): FixtureDocument[] {
  return (JSON.parse(fs.readFileSync(path.join(fixturesDir, 'unicode-texts.json'), 'utf8')) as { documents: FixtureDocument[] }).documents;
}

function nthIndex(text: string, quote: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: "${quote}" occurs fewer than ${nth + 1} times`);
  }
  return at;
}

/** The Unicode fixture in the store, with values, relations, a place and notes on it. */
export function seedUnicode(ctx: ServiceContext): void {
  for (const doc of unicodeFixture()) {
    const id = addText(ctx, doc.text, doc.title);
    const made = doc.spans.map((s) => {
      const start = nthIndex(doc.text, s.quote, s.nth ?? 0);
      return createAnnotation(ctx, { documentId: id, labelId: s.label.toLowerCase(), start, end: start + s.quote.length });
    });
    const claims = made.filter((a) => a.labelId === 'claim');
    const sources = made.filter((a) => a.labelId === 'source');
    const locations = made.filter((a) => a.labelId === 'location');
    if (claims[0] && sources[0]) createRelation(ctx, { typeId: 'attributed-to', fromId: claims[0].id, toId: sources[0].id });
    if (claims[0] && locations[0]) createRelation(ctx, { typeId: 'located-at', fromId: claims[0].id, toId: locations[0].id });
    if (claims[0]) setValues(ctx, claims[0].id, { status: 'disputed', confidence: 'low' });
    if (sources[0]) setValues(ctx, sources[0].id, { kind: 'eyewitness', named: true });
    if (locations[0]) resolvePlace(ctx, { annotationId: locations[0].id, lat: 48.5, lon: 35.1, name: 'Dorsk' });
    if (made[1]) updateAnnotation(ctx, { id: made[1].id, note: 'note with "quotes", a comma,\nand a new line — ✓' });
  }
}

export interface Snapshot {
  annotations: string[];
  relations: string[];
}

/** What a store holds, keyed by text and quote rather than ids, sorted. */
export function snapshot(ctx: ServiceContext, keep: { notes?: boolean; attributes?: boolean; places?: boolean; relations?: boolean; ids?: boolean } = {}): Snapshot {
  const db = ctx.store.db;
  const rows = db
    .prepare(
      `SELECT a.id, d.title, d.text, l.name AS label, a.start, a."end", a.quote, a.note FROM annotations a
       JOIN documents d ON d.id = a.document_id JOIN labels l ON l.id = a.label_id`,
    )
    .all() as { id: string; title: string; text: string; label: string; start: number; end: number; quote: string; note: string }[];
  const values = db.prepare('SELECT la.name, aa.value FROM annotation_attributes aa JOIN label_attributes la ON la.id = aa.attribute_id WHERE aa.annotation_id = ? ORDER BY la.name');
  const place = db.prepare('SELECT name, lat, lon FROM places WHERE annotation_id = ?');
  const key = new Map<string, string>();
  const annotations = rows.map((r) => {
    const k = `${r.text.slice(0, 12)}|${r.label}|${r.start}-${r.end}|${r.quote}`;
    key.set(r.id, k);
    const parts = [k];
    if (r.text.slice(r.start, r.end) !== r.quote) parts.push('QUOTE MISMATCH');
    if (keep.ids) parts.push(r.id);
    if (keep.notes) parts.push(r.note);
    if (keep.attributes) parts.push(JSON.stringify(values.all(r.id)));
    if (keep.places) parts.push(JSON.stringify(place.get(r.id) ?? null));
    return parts.join(' ¦ ');
  });
  const relations = keep.relations
    ? (db.prepare('SELECT t.name, r.from_id AS "from", r.to_id AS "to" FROM relations r JOIN relation_types t ON t.id = r.type_id').all() as { name: string; from: string; to: string }[]).map(
        (r) => `${key.get(r.from)} -${r.name}-> ${key.get(r.to)}`,
      )
    : [];
  return { annotations: annotations.sort(), relations: relations.sort() };
}
