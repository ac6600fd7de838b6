// Events in formats that only know spans and relations (doccano, Label Studio): each event is
// written as relations from its trigger span to each argument, labelled with the role
// ("actor"), an argument that is another event pointing at that event's trigger. Beside them
// the record carries the events themselves (type, trigger, roles, values) under keys the tools
// ignore, so Glossa reads them back as events and not as relations.
import type { AttributeValue } from '../../../../shared/schemas/schema';
import type { DsDocument } from '../model';
import { emptyLinked, type Linked, type LinkedArgument } from '../linked-model';

/** One argument written as a relation: from the trigger's reference to the argument's. */
export interface EventRelation {
  eventId: string;
  role: string;
  from: string;
  to: string;
}

/** The events of a document as JSON, with span references as `refOf` names them. */
export interface EventRecord {
  id: string;
  type: string;
  trigger: string | number;
  arguments: ({ role: string; annotation: string | number } | { role: string; event: string })[];
  attributes: Record<string, AttributeValue>;
}

/** The relations that stand for the document's events, trigger → argument (annotation ids). */
export function eventRelations(doc: Pick<DsDocument, 'linked'>): EventRelation[] {
  const events = doc.linked?.events ?? [];
  const triggerOf = new Map(events.map((e) => [e.ref, e.trigger]));
  const out: EventRelation[] = [];
  for (const e of events) {
    for (const g of e.arguments) {
      const to = g.isEvent ? triggerOf.get(g.ref) : g.ref;
      if (to !== undefined) out.push({ eventId: e.ref, role: g.role, from: e.trigger, to });
    }
  }
  return out;
}

/** The events themselves, for the record's own key (span references through refOf). */
export function eventRecords<R extends string | number>(doc: Pick<DsDocument, 'linked'>, refOf: (annotationId: string) => R | undefined): EventRecord[] {
  return (doc.linked?.events ?? []).flatMap((e) => {
    const trigger = refOf(e.trigger);
    if (trigger === undefined) return [];
    return [
      {
        id: e.ref,
        type: e.type,
        trigger,
        arguments: e.arguments.flatMap((g): EventRecord['arguments'] => {
          if (g.isEvent) return [{ role: g.role, event: g.ref }];
          const ref = refOf(g.ref);
          return ref === undefined ? [] : [{ role: g.role, annotation: ref }];
        }),
        attributes: e.attributes,
      },
    ];
  });
}

/** Reads eventRecords back (span references as strings); entries missing what they need are counted. */
export function eventsFromRecords(value: unknown, line: number | null): { linked: Linked; bad: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  const linked = emptyLinked();
  let bad = 0;
  const ref = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  for (const raw of value) {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const [id, type, trigger] = [ref(e.id), typeof e.type === 'string' ? e.type : undefined, ref(e.trigger)];
    if (!id || !type || trigger === undefined) {
      bad += 1;
      continue;
    }
    const args: LinkedArgument[] = [];
    for (const rawArg of Array.isArray(e.arguments) ? e.arguments : []) {
      const g = (typeof rawArg === 'object' && rawArg !== null ? rawArg : {}) as Record<string, unknown>;
      const target = ref(g.event) ?? ref(g.annotation);
      if (typeof g.role !== 'string' || target === undefined) bad += 1;
      else args.push({ role: g.role, ref: target, isEvent: g.event !== undefined });
    }
    const attributes = typeof e.attributes === 'object' && e.attributes !== null && !Array.isArray(e.attributes) ? (e.attributes as Record<string, AttributeValue>) : {};
    linked.events.push({ ref: id, id, type, trigger, arguments: args, attributes, line });
  }
  return { linked, bad };
}
