// Reading W3C Web Annotations: Glossa's own collection (with the documents' texts under
// "glossa:sources"), and other tools' files such as Hypothesis's export, where "target" is an
// array, "source" is the web page's URL and the bodies are a comment (no purpose, or
// "commenting") and tags ("tagging"). What each body becomes:
//   - a "classifying" or "identifying" body, or in Glossa's own files (motivation "tagging") the
//     first "tagging" body, or else the first "tagging" body that names a label of the schema:
//     the label;
//   - "commenting", "describing", "replying" and purpose-less text: the note;
//   - other "tagging" bodies: tags of the report (Glossa tags reports, not single annotations;
//     the import report says so);
//   - an annotation with no label body is labelled "Annotation".
// A source that is a URL is matched to the report with that URL (apply/documents.ts).
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AttributeValue } from '../../../../shared/schemas/schema';
import { asObject, glossaId, importError, jsonProblem, optNumber, optString, type InAnnotation, type InDataset, type InDocument, type InRelation } from '../model';
import { placeOf } from './json-records';
import { emptyLinked, type LinkedArgument, type LinkedEvent } from '../linked-model';

const fromUrn = (iri: unknown): string | undefined => (typeof iri === 'string' ? iri.replace(/^urn:uuid:/, '') : undefined);

/** The label of annotations that carry none (a Hypothesis highlight or comment). */
export const defaultW3cLabel = 'Annotation';

type Body = Record<string, unknown>;

interface BodyParts {
  label: string;
  note: string | undefined;
  tags: string[];
  /** Bodies of a purpose Glossa has no place for, by purpose. */
  other: string[];
}

const notePurposes = new Set([undefined, 'commenting', 'describing', 'replying']);

function bodyParts(item: Record<string, unknown>, glossaOwn: boolean, labelNames: ReadonlySet<string>): BodyParts {
  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(
    (b): b is Body => typeof b === 'object' && b !== null && typeof (b as Body).value === 'string',
  );
  const tagging = bodies.filter((b) => b.purpose === 'tagging');
  const labelBody =
    bodies.find((b) => b.purpose === 'classifying' || b.purpose === 'identifying') ??
    (glossaOwn || item.motivation === 'tagging' ? tagging[0] : tagging.find((b) => labelNames.has((b.value as string).trim().toLowerCase())));
  const notes = bodies.filter((b) => notePurposes.has(b.purpose as string | undefined) && (b.value as string).trim() !== '');
  const kinds = new Set(['tagging', 'classifying', 'identifying', ...notePurposes]);
  return {
    label: (labelBody?.value as string | undefined)?.trim() || defaultW3cLabel,
    note: notes.length > 0 ? notes.map((b) => b.value as string).join('\n\n') : undefined,
    tags: tagging.filter((b) => b !== labelBody).map((b) => (b.value as string).trim()).filter((t) => t !== ''),
    other: bodies.filter((b) => !kinds.has(b.purpose as string | undefined)).map((b) => String(b.purpose)),
  };
}

/** A target is a link end (a bare IRI or {id}) rather than a place in a text (with a source). */
const isLinkEnd = (t: unknown) => typeof t === 'string' || (typeof t === 'object' && t !== null && (t as Body).source === undefined && (t as Body).id !== undefined);

function isLink(item: Record<string, unknown>): boolean {
  return item.motivation === 'linking' || (Array.isArray(item.target) && item.target.length >= 2 && item.target.every(isLinkEnd));
}

interface Losses {
  tags: number;
  creators: number;
  otherBodies: Map<string, number>;
}

/** labelNames: the schema's label names, lower case (a tag that names one is the label). */
export function parseW3c(text: string, file: string, labelNames: ReadonlySet<string> = new Set()): InDataset {
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
  let glossaOwn = false;
  if (Array.isArray(raw)) items = raw;
  else {
    const top = asObject(raw, file, null, 'The file');
    glossaOwn = top['glossa:offsetUnit'] !== undefined;
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
  const losses: Losses = { tags: 0, creators: 0, otherBodies: new Map() };
  const docOfAnnotation = new Map<string, InDocument>();
  const links: { item: Record<string, unknown>; index: number }[] = [];
  items.forEach((rawItem, index) => {
    const item = asObject(rawItem, file, null, `annotation ${index + 1}`);
    if (isLink(item)) {
      links.push({ item, index });
      return;
    }
    const parts = bodyParts(item, glossaOwn, labelNames);
    for (const purpose of parts.other) losses.otherBodies.set(purpose, (losses.otherBodies.get(purpose) ?? 0) + 1);
    // The first creator becomes the annotation's analyst; one Glossa cannot name, or a second, is not kept.
    if (item.creator !== undefined && (creatorOf(item.creator) === undefined || (Array.isArray(item.creator) && item.creator.length > 1))) losses.creators += 1;
    let targets = Array.isArray(item.target) ? item.target : [item.target];
    if (targets.length === 0) throw importError(file, null, `annotation ${index + 1} has no "target".`);
    const id = fromUrn(item.id) ?? `a${index}`;
    // Glossa's discontinuous span: one target per fragment, read as one annotation.
    const fragments = item['glossa:discontinuous'] === true && targets.length > 1 ? fragmentsOfTargets(targets) : undefined;
    if (fragments) targets = [targets[0]];
    targets.forEach((rawTarget, k) => {
      const target = (typeof rawTarget === 'string' ? { source: rawTarget } : asObject(rawTarget, file, null, `annotation ${index + 1} "target"`)) as Record<string, unknown>;
      const selectors = (Array.isArray(target.selector) ? target.selector : target.selector ? [target.selector] : []) as Record<string, unknown>[];
      const quote = selectors.find((s) => s && s.type === 'TextQuoteSelector');
      const position = selectors.find((s) => s && s.type === 'TextPositionSelector');
      const source = typeof target.source === 'string' ? target.source : '';
      const ref = k === 0 ? id : `${id}#${k + 1}`;
      const annotation: InAnnotation = {
        ref,
        id: k === 0 ? glossaId(id) : undefined,
        label: parts.label,
        start: fragments ? fragments[0]!.start : optNumber(position?.start),
        end: fragments ? fragments[fragments.length - 1]!.end : optNumber(position?.end),
        ...(fragments ? { fragments } : {}),
        unit,
        // The covering span's quote is not in the file: its offsets place it.
        quote: fragments ? undefined : optString(quote?.exact),
        prefix: optString(quote?.prefix),
        suffix: optString(quote?.suffix),
        note: parts.note,
        tags: parts.tags.length > 0 ? parts.tags : undefined,
        createdAt: optString(item.created),
        updatedAt: optString(item.modified),
        analyst: creatorOf(item.creator),
        attributes: (item['glossa:attributes'] as Record<string, AttributeValue> | undefined) ?? undefined,
        place: placeOf(item['glossa:place']),
        line: null,
      };
      losses.tags += parts.tags.length;
      let doc = byId.get(fromUrn(source) ?? '');
      if (!doc) {
        // No text in the file for this source: the caller finds the stored document by its id,
        // or for a web address by the report's URL.
        const sourceId = fromUrn(source) ?? '';
        const isUrl = /^https?:\/\//i.test(source);
        doc = { file, line: null, id: isUrl ? undefined : glossaId(sourceId), url: isUrl ? source : null, title: source || '(no source)', text: '', annotations: [], relations: [] };
        byId.set(sourceId, doc);
      }
      doc.annotations.push(annotation);
      docOfAnnotation.set(ref, doc);
    });
  });
  for (const { item, index } of links) {
    if (isEvent(item)) {
      readEvent(item, index, file, docOfAnnotation);
      continue;
    }
    const targets = (Array.isArray(item.target) ? item.target : []).map((t) => fromUrn(typeof t === 'string' ? t : (t as { id?: unknown })?.id));
    const body = (Array.isArray(item.body) ? item.body[0] : item.body) as Record<string, unknown> | undefined;
    const [from, to] = targets;
    const doc = from ? docOfAnnotation.get(from) : undefined;
    if (!from || !to || !doc) throw importError(file, null, `annotation ${index + 1} links annotations that are not in the file.`);
    const relation: InRelation = { id: glossaId(fromUrn(item.id)), type: optString(body?.value) ?? 'related to', from, to, createdAt: optString(item.created) };
    doc.relations.push(relation);
  }
  return { documents: [...byId.values()], unplaced: [], dropped: lossReport(file, losses) };
}

/** The role Glossa gives an event's trigger among its targets. */
export const eventTriggerRole = 'trigger';

const isEvent = (item: Record<string, unknown>) => Array.isArray(item.target) && item.target.some((t) => typeof t === 'object' && t !== null && typeof (t as Body)['glossa:role'] === 'string');

/** A Glossa event: a linking annotation whose targets are its trigger's and arguments' annotations, each with a role. */
function readEvent(item: Record<string, unknown>, index: number, file: string, docOfAnnotation: ReadonlyMap<string, InDocument>): void {
  const targets = (item.target as unknown[]).map((t) => (typeof t === 'object' && t !== null ? (t as Body) : {}));
  const trigger = targets.find((t) => t['glossa:role'] === eventTriggerRole);
  const triggerRef = fromUrn(trigger?.source);
  const doc = triggerRef === undefined ? undefined : docOfAnnotation.get(triggerRef);
  if (!triggerRef || !doc) throw importError(file, null, `annotation ${index + 1} is an event whose trigger is not in the file.`);
  const ref = fromUrn(item.id) ?? `e${index}`;
  const body = (Array.isArray(item.body) ? item.body[0] : item.body) as Body | undefined;
  const args: LinkedArgument[] = targets
    .filter((t) => t !== trigger)
    .flatMap((t) => {
      const target = fromUrn(t.source);
      return typeof t['glossa:role'] === 'string' && target !== undefined ? [{ role: t['glossa:role'], ref: target, isEvent: t['glossa:event'] === true }] : [];
    });
  const attributes = item['glossa:attributes'];
  const event: LinkedEvent = {
    ref,
    id: glossaId(ref),
    type: optString(body?.value) ?? 'Event',
    trigger: triggerRef,
    arguments: args,
    attributes: typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes) ? (attributes as Record<string, AttributeValue>) : {},
    line: null,
  };
  (doc.linked ??= emptyLinked()).events.push(event);
}

/** The fragments of a discontinuous span, one per target, from their position selectors (undefined when one lacks it). */
function fragmentsOfTargets(targets: unknown[]): { start: number; end: number }[] | undefined {
  const out: { start: number; end: number }[] = [];
  for (const t of targets) {
    const selectors = typeof t === 'object' && t !== null ? (t as Body).selector : undefined;
    const position = (Array.isArray(selectors) ? selectors : [selectors]).find((x): x is Body => typeof x === 'object' && x !== null && (x as Body).type === 'TextPositionSelector');
    const [start, end] = [optNumber(position?.start), optNumber(position?.end)];
    if (start === undefined || end === undefined) return undefined;
    out.push({ start, end });
  }
  return out;
}

function lossReport(file: string, losses: Losses): NonNullable<InDataset['dropped']> {
  const dropped: NonNullable<InDataset['dropped']> = [];
  if (losses.tags > 0) {
    dropped.push({ file, count: losses.tags, reason: 'tags of single annotations: each is kept as a tag of its report (Glossa tags reports, not annotations), so which annotation it was on is not kept' });
  }
  if (losses.creators > 0) dropped.push({ file, count: losses.creators, reason: 'annotations name a creator Glossa cannot read as an analyst (no name, nickname or IRI), or more than one (only the first is kept)' });
  for (const [purpose, count] of losses.otherBodies) dropped.push({ file, count, reason: `bodies with the purpose "${purpose}", which Glossa has no place for` });
  return dropped;
}

/** W3C's creator: an agent's IRI, or an object with a name or nickname (ours: {type: 'Person', name}). */
function creatorOf(value: unknown): string | undefined {
  const one = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof one === 'string' && one.trim() !== '') return one.trim().slice(0, 80);
  if (typeof one === 'object' && one !== null) {
    const agent = one as Record<string, unknown>;
    return optString(agent.name)?.trim().slice(0, 80) || optString(agent.nickname)?.trim().slice(0, 80) || undefined;
  }
  return undefined;
}
