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
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AttributeValue } from '../../../../shared/schemas/schema';
import { placeOf } from './json-records';
import { asObject, jsonProblem, contextOf, glossaId, importError, offsetsOf, optNumber, optString, type DsDocument, type InAnnotation, type InDataset, type InDocument, type InRelation } from '../model';
import path from 'node:path';
import { readText } from '../files';
import type { ImportableFormat } from './format';
import { readable, textExport } from './text-export';

const w3cContext = ['http://www.w3.org/ns/anno.jsonld', { glossa: 'urn:glossa:ns#' }];
const urn = (id: string) => `urn:uuid:${id}`;
const fromUrn = (iri: unknown): string | undefined => (typeof iri === 'string' ? iri.replace(/^urn:uuid:/, '') : undefined);

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
    const [start, end] = offsetsOf(a, unit);
    const { prefix, suffix } = contextOf(doc.text, a.start, a.end);
    const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }];
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
    items.push(
      JSON.stringify({
        id: urn(a.id),
        type: 'Annotation',
        motivation: 'tagging',
        created: a.createdAt,
        modified: a.updatedAt,
        body,
        target: {
          source: urn(doc.id),
          selector: [
            { type: 'TextQuoteSelector', exact: a.quote, prefix, suffix },
            { type: 'TextPositionSelector', start, end },
          ],
        },
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
  return items;
}

function w3cSource(doc: Pick<DsDocument, 'id' | 'title' | 'text' | 'outlet' | 'url' | 'publishedAt'>): string {
  return JSON.stringify({ id: urn(doc.id), title: doc.title, outlet: doc.outlet, url: doc.url, published_at: doc.publishedAt, text: doc.text });
}

function parseW3c(text: string, file: string): InDataset {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw importError(file, null, `is not valid JSON (${jsonProblem(error)}).`);
  }
  // A collection (ours, with its first page), a page, an array of annotations, or one annotation.
  let items: unknown[];
  let sources: unknown[] = [];
  let unit: OffsetUnit = 'codepoint';
  if (Array.isArray(raw)) items = raw;
  else {
    const top = asObject(raw, file, null, 'The file');
    unit = top['glossa:offsetUnit'] === 'utf16' ? 'utf16' : 'codepoint';
    sources = Array.isArray(top['glossa:sources']) ? top['glossa:sources'] : [];
    const first = top.first as Record<string, unknown> | undefined;
    items = Array.isArray(top.items) ? top.items : first && Array.isArray(first.items) ? first.items : top.type === 'Annotation' ? [top] : [];
    if (!Array.isArray(top.items) && !first && top.type !== 'Annotation') {
      throw importError(file, null, 'holds no Web Annotations (expected an AnnotationCollection, an AnnotationPage or an array of Annotations).');
    }
  }
  const byId = new Map<string, InDocument>();
  for (const [i, s] of sources.entries()) {
    const src = asObject(s, file, null, `glossa:sources[${i}]`);
    const id = fromUrn(src.id);
    if (id === undefined || typeof src.text !== 'string') throw importError(file, null, `glossa:sources[${i}] needs "id" and "text".`);
    byId.set(id, {
      file,
      line: null,
      id: glossaId(id),
      title: optString(src.title) ?? id,
      text: src.text,
      outlet: optString(src.outlet) ?? null,
      url: optString(src.url) ?? null,
      publishedAt: optString(src.published_at) ?? null,
      annotations: [],
      relations: [],
    });
  }
  const unplaced: InDataset['unplaced'] = [];
  const docOfAnnotation = new Map<string, InDocument>();
  const links: { item: Record<string, unknown>; index: number }[] = [];
  items.forEach((rawItem, index) => {
    const item = asObject(rawItem, file, null, `annotation ${index + 1}`);
    if (item.motivation === 'linking' || Array.isArray(item.target)) {
      links.push({ item, index });
      return;
    }
    const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]) as Record<string, unknown>[];
    const tag = bodies.find((b) => b && b.purpose === 'tagging') ?? bodies.find((b) => b && typeof b.value === 'string' && b.purpose !== 'commenting');
    const comment = bodies.find((b) => b && b.purpose === 'commenting');
    const label = optString(tag?.value) ?? 'Tag';
    const target = (typeof item.target === 'string' ? { source: item.target } : asObject(item.target, file, null, `annotation ${index + 1} "target"`)) as Record<string, unknown>;
    const selectors = (Array.isArray(target.selector) ? target.selector : target.selector ? [target.selector] : []) as Record<string, unknown>[];
    const quote = selectors.find((s) => s && s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s && s.type === 'TextPositionSelector');
    const sourceId = fromUrn(target.source) ?? '';
    const id = fromUrn(item.id) ?? `a${index}`;
    const annotation: InAnnotation = {
      ref: id,
      id: glossaId(id),
      label,
      start: optNumber(position?.start),
      end: optNumber(position?.end),
      unit,
      quote: optString(quote?.exact),
      prefix: optString(quote?.prefix),
      suffix: optString(quote?.suffix),
      note: optString(comment?.value),
      createdAt: optString(item.created),
      updatedAt: optString(item.modified),
      attributes: (item['glossa:attributes'] as Record<string, AttributeValue> | undefined) ?? undefined,
      place: placeOf(item['glossa:place']),
      line: null,
    };
    let doc = byId.get(sourceId);
    if (!doc) {
      // No text in the file for this source: the caller matches it to a stored document by id.
      doc = { file, line: null, id: glossaId(sourceId), title: sourceId, text: '', annotations: [], relations: [] };
      byId.set(sourceId, doc);
    }
    doc.annotations.push(annotation);
    docOfAnnotation.set(id, doc);
  });
  for (const { item, index } of links) {
    const targets = (Array.isArray(item.target) ? item.target : []).map((t) => fromUrn(typeof t === 'string' ? t : (t as { id?: unknown })?.id));
    const body = (Array.isArray(item.body) ? item.body[0] : item.body) as Record<string, unknown> | undefined;
    const [from, to] = targets;
    const doc = from ? docOfAnnotation.get(from) : undefined;
    if (!from || !to || !doc) throw importError(file, null, `annotation ${index + 1} links annotations that are not in the file.`);
    const relation: InRelation = { id: glossaId(fromUrn(item.id)), type: optString(body?.value) ?? 'related to', from, to, createdAt: optString(item.created) };
    doc.relations.push(relation);
  }
  return { documents: [...byId.values()], unplaced };
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
  read: async (_ctx, target) => parseW3c(await readText(target), path.basename(target)),
};
