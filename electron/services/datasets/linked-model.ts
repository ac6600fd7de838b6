// The brat model beyond spans and relations, as datasets carry it: fragments of discontinuous
// annotations, events with role arguments and attribute values, equivalence sets,
// normalisations and typed notes. Export: read per document from the store (ids are Glossa
// ids). Import: what a file holds, with the file's own references (anchored in apply/linked.ts).
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { Db } from '../../store/store';

/** One fragment of a discontinuous annotation: UTF-16 offsets, code points and its quote. */
export interface DsFragment {
  start: number;
  end: number;
  cpStart: number;
  cpEnd: number;
  quote: string;
}

/** A role argument: `ref` is an annotation's id, or an event's id when `isEvent`. */
export interface LinkedArgument {
  role: string;
  ref: string;
  isEvent: boolean;
}

export interface LinkedEvent {
  /** A Glossa id on export, the file's id (E1) on import. */
  ref: string;
  /** A Glossa id to keep on import (the archive's), when it is free. */
  id?: string;
  type: string;
  /** The trigger annotation (its id on export, the file's reference on import). */
  trigger: string;
  arguments: LinkedArgument[];
  /** By attribute name. */
  attributes: Record<string, AttributeValue>;
  line: number | null;
}

export interface LinkedEquivalence {
  type: string;
  members: string[];
  line: number | null;
}

export interface LinkedNormalisation {
  target: string;
  type: string;
  resource: string;
  resourceId: string;
  text: string;
  line: number | null;
}

export interface LinkedNote {
  /** What the note is about: an annotation, event or relation reference. */
  target: string;
  targetKind: 'annotation' | 'event' | 'relation';
  type: string;
  text: string;
  line: number | null;
}

/** A document's events, equivalences, normalisations and typed notes. */
export interface Linked {
  events: LinkedEvent[];
  equivalences: LinkedEquivalence[];
  normalisations: LinkedNormalisation[];
  notes: LinkedNote[];
}

export const emptyLinked = (): Linked => ({ events: [], equivalences: [], normalisations: [], notes: [] });

const hasRows = (db: Db, table: string): boolean => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS yes`).get() as { yes: number }).yes === 1;

/** Reads one document's fragments and linked annotations from a store (prepared once per export). */
export function linkedReader(db: Db): (documentId: string, text: string, annotationIds: ReadonlySet<string>) => { fragments: Map<string, DsFragment[]>; linked: Linked } | undefined {
  const tables = ['annotation_fragments', 'events', 'equivalences', 'normalisations', 'notes'].filter((t) => hasRows(db, t));
  if (tables.length === 0) return () => undefined;
  const fragmentsOf = db.prepare(
    `SELECT f.annotation_id AS id, f.start, f."end" AS "end", f.quote FROM annotations a JOIN annotation_fragments f ON f.annotation_id = a.id
     WHERE a.document_id = ? ORDER BY f.annotation_id, f.position`,
  );
  const eventsOf = db.prepare(
    `SELECT e.id, l.name AS type, e.trigger_id AS trigger FROM events e JOIN labels l ON l.id = e.label_id WHERE e.document_id = ? ORDER BY e.created_at, e.rowid`,
  );
  const argumentsOf = db.prepare(
    `SELECT g.event_id AS eventId, g.role, g.annotation_id AS annotationId, g.argument_event_id AS argumentEventId
     FROM events e JOIN event_arguments g ON g.event_id = e.id WHERE e.document_id = ? ORDER BY g.event_id, g.position`,
  );
  const eventValuesOf = db.prepare(
    `SELECT v.event_id AS eventId, la.name, v.value FROM events e JOIN event_attributes v ON v.event_id = e.id
     JOIN label_attributes la ON la.id = v.attribute_id WHERE e.document_id = ? ORDER BY la.position, la.name`,
  );
  const equivalencesOf = db.prepare(
    `SELECT q.id, q.type, m.annotation_id AS annotationId FROM equivalences q JOIN equivalence_members m ON m.equivalence_id = q.id
     WHERE q.document_id = ? ORDER BY q.created_at, q.rowid, m.position`,
  );
  const normalisationsOf = db.prepare(
    `SELECT n.annotation_id AS target, n.type, n.resource, n.resource_id AS resourceId, n.text FROM annotations a
     JOIN normalisations n ON n.annotation_id = a.id WHERE a.document_id = ? ORDER BY n.created_at, n.rowid`,
  );
  const notesOf = db.prepare(
    `SELECT annotation_id AS annotationId, event_id AS eventId, relation_id AS relationId, type, text FROM notes
     WHERE document_id = ? ORDER BY created_at, rowid`,
  );
  return (documentId, text, kept) => {
    const fragments = new Map<string, DsFragment[]>();
    const rows = fragmentsOf.all(documentId) as { id: string; start: number; end: number; quote: string }[];
    const cps = utf16ToCodePoints(text, rows.flatMap((r) => [r.start, r.end]));
    rows.forEach((r, i) => {
      const list = fragments.get(r.id) ?? [];
      list.push({ start: r.start, end: r.end, cpStart: cps[2 * i]!, cpEnd: cps[2 * i + 1]!, quote: r.quote });
      fragments.set(r.id, list);
    });
    const linked = emptyLinked();
    const events = new Map<string, LinkedEvent>();
    for (const e of eventsOf.all(documentId) as { id: string; type: string; trigger: string }[]) {
      if (!kept.has(e.trigger)) continue;
      const event: LinkedEvent = { ref: e.id, type: e.type, trigger: e.trigger, arguments: [], attributes: {}, line: null };
      events.set(e.id, event);
      linked.events.push(event);
    }
    for (const g of argumentsOf.all(documentId) as { eventId: string; role: string; annotationId: string | null; argumentEventId: string | null }[]) {
      const ref = g.annotationId ?? g.argumentEventId!;
      if (!(g.annotationId ? kept.has(ref) : events.has(ref))) continue;
      events.get(g.eventId)?.arguments.push({ role: g.role, ref, isEvent: g.annotationId === null });
    }
    for (const v of eventValuesOf.all(documentId) as { eventId: string; name: string; value: string }[]) {
      const event = events.get(v.eventId);
      if (event) event.attributes[v.name] = JSON.parse(v.value) as AttributeValue;
    }
    const sets = new Map<string, LinkedEquivalence>();
    for (const q of equivalencesOf.all(documentId) as { id: string; type: string; annotationId: string }[]) {
      let set = sets.get(q.id);
      if (!set) sets.set(q.id, (set = { type: q.type, members: [], line: null }));
      if (kept.has(q.annotationId)) set.members.push(q.annotationId);
    }
    linked.equivalences = [...sets.values()].filter((s) => s.members.length >= 2);
    linked.normalisations = (normalisationsOf.all(documentId) as Omit<LinkedNormalisation, 'line'>[]).filter((n) => kept.has(n.target)).map((n) => ({ ...n, line: null }));
    for (const n of notesOf.all(documentId) as { annotationId: string | null; eventId: string | null; relationId: string | null; type: string; text: string }[]) {
      if (n.annotationId !== null && !kept.has(n.annotationId)) continue;
      if (n.eventId !== null && !events.has(n.eventId)) continue;
      const [target, targetKind] = n.annotationId !== null ? [n.annotationId, 'annotation' as const] : n.eventId !== null ? [n.eventId, 'event' as const] : [n.relationId!, 'relation' as const];
      linked.notes.push({ target, targetKind, type: n.type, text: n.text, line: null });
    }
    return { fragments, linked };
  };
}

/** A document's linked annotations as Glossa's JSON formats write them (ids are Glossa ids). */
export function linkedJson(linked: Linked | undefined): Record<string, unknown> {
  if (!linked) return {};
  return {
    events: linked.events.map((e) => ({
      id: e.ref,
      type: e.type,
      trigger: e.trigger,
      arguments: e.arguments.map((g) => (g.isEvent ? { role: g.role, event: g.ref } : { role: g.role, annotation: g.ref })),
      attributes: e.attributes,
    })),
    equivalences: linked.equivalences.map((q) => ({ type: q.type, members: q.members })),
    normalisations: linked.normalisations.map((n) => ({ annotation: n.target, type: n.type, resource: n.resource, resource_id: n.resourceId, text: n.text })),
    notes: linked.notes.map((n) => ({ [n.targetKind]: n.target, type: n.type, text: n.text })),
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

/** Reads linkedJson's shape back; entries missing what they need are counted in `bad`. */
export function linkedFromJson(record: Record<string, unknown>, line: number | null): { linked: Linked; bad: number } {
  const linked = emptyLinked();
  let bad = 0;
  for (const e of list(record.events)) {
    const [ref, type, trigger] = [str(e.id), str(e.type), str(e.trigger)];
    if (!ref || !type || !trigger) {
      bad += 1;
      continue;
    }
    const args = list(e.arguments).flatMap((g): LinkedArgument[] => {
      const role = str(g.role);
      const target = str(g.event) ?? str(g.annotation);
      if (!role || !target) return (bad += 1), [];
      return [{ role, ref: target, isEvent: str(g.event) !== undefined }];
    });
    const attributes = typeof e.attributes === 'object' && e.attributes !== null ? (e.attributes as Record<string, AttributeValue>) : {};
    linked.events.push({ ref, id: ref, type, trigger, arguments: args, attributes, line });
  }
  for (const q of list(record.equivalences)) {
    const members = Array.isArray(q.members) ? q.members.filter((m): m is string => typeof m === 'string') : [];
    if (str(q.type) && members.length >= 2) linked.equivalences.push({ type: str(q.type)!, members, line });
    else bad += 1;
  }
  for (const n of list(record.normalisations)) {
    const [target, type, resource, resourceId] = [str(n.annotation), str(n.type), str(n.resource), str(n.resource_id)];
    if (target && type && resource && resourceId !== undefined) linked.normalisations.push({ target, type, resource, resourceId, text: str(n.text) ?? '', line });
    else bad += 1;
  }
  for (const n of list(record.notes)) {
    const kind = (['annotation', 'event', 'relation'] as const).find((k) => str(n[k]) !== undefined);
    if (kind && str(n.type) && str(n.text) !== undefined) linked.notes.push({ target: str(n[kind])!, targetKind: kind, type: str(n.type)!, text: str(n.text)!, line });
    else bad += 1;
  }
  return { linked, bad };
}
