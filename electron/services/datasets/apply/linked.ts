// One imported document's fragments, events, equivalences, normalisations and typed notes,
// after its annotations and relations: each reference of the file is found among the stored
// annotations (idOfRef), events and relations; what points at something not imported is
// reported with its reason, never dropped silently.
import { codePointsToUtf16 } from '../../../../shared/offsets';
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import { checkValue } from '../../schema/attribute-types';
import { stampOf, type ServiceContext } from '../../context';
import type { InAnnotation } from '../model';
import type { Linked, LinkedNote } from '../linked-model';
import type { AnnotationImport, DocumentImport } from './annotations';
import { findLabelId } from './schema';
import { insertFragments } from '../../../store/writers/annotation-fragments';
import { addEventArgument, insertEvent, setEventAttribute } from '../../../store/writers/events';
import { insertEquivalence } from '../../../store/writers/equivalences';
import { insertNormalisation } from '../../../store/writers/normalisations';
import { insertNote } from '../../../store/writers/notes';
import { setLabelKind } from '../../../store/writers/labels';

/** Counts what was left out, by reason, into the report's dropped list (one line per reason). */
class Losses {
  private readonly byReason = new Map<string, number>();
  constructor(private readonly file: string) {}
  add(reason: string): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }
  into(report: AnnotationImportReport): void {
    for (const [reason, count] of this.byReason) report.dropped.push({ file: this.file, count, reason });
  }
}

/**
 * Writes a discontinuous annotation's fragments: the file's offsets (in its unit, in its own text)
 * moved by as much as the anchoring moved the annotation's extent. False when one no longer fits.
 */
export function importFragments(run: { ctx: ServiceContext }, d: DocumentImport, a: InAnnotation, id: string, placed: { start: number; end: number }): boolean {
  const fragments = a.fragments;
  if (!fragments || fragments.length < 2 || a.start === undefined) return true;
  const own = d.doc.text === '' ? d.stored.text : d.doc.text;
  const flat = [a.start, ...fragments.flatMap((f) => [f.start, f.end])];
  let units: number[];
  try {
    units = a.unit === 'utf16' ? flat : codePointsToUtf16(own, flat);
  } catch {
    return false;
  }
  const shift = placed.start - units[0]!;
  const rows = fragments.map((_, i) => {
    const start = units[1 + 2 * i]! + shift;
    const end = units[2 + 2 * i]! + shift;
    return { start, end, quote: d.stored.text.slice(start, end) };
  });
  if (rows.some((f) => f.start < placed.start || f.end > placed.end || f.end <= f.start)) return false;
  insertFragments(run.ctx.store.db, id, rows);
  return true;
}

function importNote(run: AnnotationImport, d: DocumentImport, note: LinkedNote, ids: { event: Map<string, string>; relation: ReadonlyMap<string, string> }, losses: Losses): void {
  const found = note.targetKind === 'annotation' ? d.idOfRef.get(note.target) : note.targetKind === 'event' ? ids.event.get(note.target) : ids.relation.get(note.target);
  if (!found) return losses.add(`a "${note.type}" note points at ${note.target}, which was not imported`);
  const target = note.targetKind === 'annotation' ? { annotationId: found } : note.targetKind === 'event' ? { eventId: found } : { relationId: found };
  insertNote(run.ctx.store.db, { id: run.ctx.newId(), documentId: d.stored.id, target, type: note.type, text: note.text, createdAt: run.now });
  run.report.notesImported = (run.report.notesImported ?? 0) + 1;
}

/** Writes the document's linked annotations; relation ids by the file's references, for notes. */
export function importLinked(run: AnnotationImport, d: DocumentImport, linked: Linked, relationIds: ReadonlyMap<string, string>): void {
  const { ctx, report } = run;
  const db = ctx.store.db;
  const losses = new Losses(d.doc.file);
  const eventIds = new Map<string, string>();
  // Events first (all of them), then their arguments: an argument may be a later event.
  for (const e of linked.events) {
    const trigger = d.idOfRef.get(e.trigger);
    const labelId = findLabelId(run.labels, e.type) ?? (trigger ? run.createLabel?.(e.type) : undefined);
    if (!trigger) {
      losses.add(`an event's trigger was not imported`);
      continue;
    }
    if (!labelId) {
      losses.add(`the event type "${e.type}" is not in the schema (import with "create labels")`);
      continue;
    }
    const taken = e.id === undefined || db.prepare('SELECT 1 FROM events WHERE id = ?').get(e.id) !== undefined;
    const id = taken ? ctx.newId() : e.id!;
    insertEvent(db, { id, documentId: d.stored.id, labelId, triggerId: trigger, createdAt: run.now }, stampOf(ctx));
    setLabelKind(db, labelId, 'event');
    eventIds.set(e.ref, id);
    report.eventsImported = (report.eventsImported ?? 0) + 1;
  }
  for (const e of linked.events) {
    const id = eventIds.get(e.ref);
    if (!id) continue;
    for (const g of e.arguments) {
      const target = g.isEvent ? eventIds.get(g.ref) : d.idOfRef.get(g.ref);
      if (!target) losses.add(`an event's "${g.role}" argument points at ${g.isEvent ? 'an event' : 'an annotation'} that was not imported`);
      else addEventArgument(db, id, g.isEvent ? { role: g.role, eventId: target } : { role: g.role, annotationId: target }, stampOf(ctx));
    }
    const labelId = findLabelId(run.labels, e.type)!;
    for (const [name, value] of Object.entries(e.attributes)) {
      const attribute = run.attributeOf(labelId, name);
      const problem = attribute ? checkValue(attribute, value) : `the event type "${e.type}" has no attribute "${name}"`;
      if (problem || !attribute) losses.add(`an event's value was left out: ${problem}`);
      else {
        setEventAttribute(db, id, attribute.id, value);
        report.attributesImported += 1;
      }
    }
  }
  for (const q of linked.equivalences) {
    const members = q.members.map((m) => d.idOfRef.get(m)).filter((m): m is string => m !== undefined);
    if (members.length < q.members.length) losses.add(`an equivalence lost members that were not imported`);
    if (members.length < 2) continue;
    insertEquivalence(db, { id: ctx.newId(), documentId: d.stored.id, type: q.type, annotationIds: members, createdAt: run.now });
    report.equivalencesImported = (report.equivalencesImported ?? 0) + 1;
  }
  for (const n of linked.normalisations) {
    const annotationId = d.idOfRef.get(n.target);
    if (!annotationId) {
      losses.add(`a normalisation points at ${n.target}, which was not imported`);
      continue;
    }
    insertNormalisation(db, { id: ctx.newId(), annotationId, type: n.type, resource: n.resource, resourceId: n.resourceId, text: n.text, createdAt: run.now });
    report.normalisationsImported = (report.normalisationsImported ?? 0) + 1;
  }
  for (const note of linked.notes) importNote(run, d, note, { event: eventIds, relation: relationIds }, losses);
  losses.into(report);
}
