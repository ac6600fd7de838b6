// W3C Web Annotation Data Model, as JSON-LD: an AnnotationCollection whose first page holds one
// Annotation per span,
//   {"id": "urn:uuid:…", "type": "Annotation", "motivation": "tagging",
//    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
//             {"type": "TextualBody", "purpose": "commenting", "value": "note"}],
//    "target": {"source": "urn:uuid:<document>", "selector": [
//      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//      {"type": "TextPositionSelector", "start": 0, "end": 9}]}}
// and one per relation (motivation "linking", the two annotations as targets, the type as a
// tagging body). Positions count code points, as the model says; the "UTF-16 offsets" option
// counts UTF-16 code units instead (Hypothesis's unit) and the collection says which in
// glossa:offsetUnit. Attribute values, places and the documents' texts are under "glossa:" terms.
// A discontinuous span has one target per fragment ("glossa:discontinuous": true); an event is a
// "linking" annotation whose body classifies it (its type) and whose targets are the annotations
// of its trigger and arguments, each with its "glossa:role".
// Reading, also other tools' files (Hypothesis): w3c-read.ts.
import type { OffsetUnit } from '../../../../shared/offsets';
import { contextOf, type DsDocument } from '../model';
import { eventTriggerRole, parseW3c } from './w3c-read';
import path from 'node:path';
import { readText } from '../files';
import type { ImportableFormat } from './format';
import { readable, textExport } from './text-export';

const w3cContext = ['http://www.w3.org/ns/anno.jsonld', { glossa: 'urn:glossa:ns#' }];
const urn = (id: string) => `urn:uuid:${id}`;

function w3cHeader(unit: OffsetUnit, exportedAt: string): string {
  return (
    '{\n' +
    `"@context": ${JSON.stringify(w3cContext)},\n` +
    `"type": "AnnotationCollection",\n"label": "Glossa annotations",\n"generated": ${JSON.stringify(exportedAt)},\n` +
    `"glossa:offsetUnit": ${JSON.stringify(unit)},\n` +
    '"first": {"type": "AnnotationPage", "items": [\n'
  );
}

/** The annotations of one document, each a JSON text (joined with ",\n" by the writer). */
function w3cItems(doc: DsDocument, unit: OffsetUnit): string[] {
  const items: string[] = [];
  for (const a of doc.annotations) {
    const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }];
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
    items.push(
      JSON.stringify({
        id: urn(a.id),
        type: 'Annotation',
        motivation: 'tagging',
        created: a.createdAt,
        modified: a.updatedAt,
        creator: { type: 'Person', name: a.analyst },
        body,
        // A discontinuous span: one target per fragment (the body applies to each), not several
        // selectors on one target, which the model reads as alternatives for the same segment.
        target: a.fragments ? a.fragments.map((f) => textTarget(doc, unit, f)) : textTarget(doc, unit, a),
        ...(a.fragments ? { 'glossa:discontinuous': true } : {}),
        ...(unit === 'utf16' ? { 'glossa:codepointStart': a.cpStart, 'glossa:codepointEnd': a.cpEnd } : {}),
        ...(Object.keys(a.attributes).length ? { 'glossa:attributes': a.attributes } : {}),
        ...(a.place ? { 'glossa:place': a.place } : {}),
      }),
    );
  }
  for (const r of doc.relations) {
    items.push(
      JSON.stringify({
        id: urn(r.id),
        type: 'Annotation',
        motivation: 'linking',
        created: r.createdAt,
        body: { type: 'TextualBody', purpose: 'tagging', value: r.type },
        target: [urn(r.from), urn(r.to)],
      }),
    );
  }
  // An event links the annotations of its trigger and arguments: a "linking" annotation whose
  // targets are those annotations (another event, for an event argument), each with its role.
  for (const e of doc.linked?.events ?? []) {
    items.push(
      JSON.stringify({
        id: urn(e.ref),
        type: 'Annotation',
        motivation: 'linking',
        body: { type: 'TextualBody', purpose: 'classifying', value: e.type },
        target: [
          { type: 'SpecificResource', source: urn(e.trigger), 'glossa:role': eventTriggerRole },
          ...e.arguments.map((g) => ({ type: 'SpecificResource', source: urn(g.ref), 'glossa:role': g.role, ...(g.isEvent ? { 'glossa:event': true } : {}) })),
        ],
        ...(Object.keys(e.attributes).length ? { 'glossa:attributes': e.attributes } : {}),
      }),
    );
  }
  return items;
}

/** A place in a document's text: its source, and the quote and position selectors (alternatives for the same segment). */
function textTarget(doc: DsDocument, unit: OffsetUnit, span: { start: number; end: number; cpStart: number; cpEnd: number; quote: string }) {
  const [start, end] = unit === 'utf16' ? [span.start, span.end] : [span.cpStart, span.cpEnd];
  const { prefix, suffix } = contextOf(doc.text, span.start, span.end);
  return {
    source: urn(doc.id),
    selector: [
      { type: 'TextQuoteSelector', exact: span.quote, prefix, suffix },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

function w3cSource(doc: Pick<DsDocument, 'id' | 'title' | 'text' | 'outlet' | 'url' | 'publishedAt'>): string {
  return JSON.stringify({ id: urn(doc.id), title: doc.title, outlet: doc.outlet, url: doc.url, published_at: doc.publishedAt, text: doc.text });
}

export const w3cFormat: ImportableFormat = {
  id: 'w3c',
  ...textExport(
    function* (ctx, docs, unit) {
      yield { text: w3cHeader(unit, ctx.now()), record: false };
      const sources: string[] = [];
      let items = 0;
      for (const d of docs) {
        const list = w3cItems(d, unit);
        sources.push(w3cSource(d));
        if (list.length === 0) continue;
        yield { text: (items > 0 ? ',\n' : '') + list.join(',\n'), record: true };
        items += list.length;
      }
      yield { text: `\n]},\n"total": ${items},\n"glossa:sources": [\n`, record: false };
      yield { text: sources.join(',\n'), record: false };
      yield { text: '\n]\n}\n', record: false };
    },
    // A record is a document's annotations; the preview shows its first two.
    (record) => record.split(',\n').slice(0, 2).map(readable).join('\n'),
  ),
  read: async (ctx, target) => {
    const labelNames = new Set((ctx.store.db.prepare('SELECT name FROM labels').pluck().all() as string[]).map((n) => n.toLowerCase()));
    return parseW3c(await readText(target), path.basename(target), labelNames);
  },
};
