// Events as first-class annotations (issue 12): created from a trigger, with ordered role
// arguments, a type that changes, deletion undone by token, and what is refused; the default
// ACLED event types and their roles (migration 0010); the same calls through the dispatcher.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation, deleteAnnotation, getAnnotation, restoreAnnotation } from '../../electron/services/annotate/annotations';
import { listEventTypes, saveEventType } from '../../electron/services/events/event-types';
import {
  addEventArgument,
  changeEventType,
  createEvent,
  deleteEvent,
  listEventsForDocument,
  moveEventArgument,
  removeEventArgument,
  restoreEvent,
} from '../../electron/services/events/events';
import { createHandlers } from '../../electron/services/index';
import { deleteLabel } from '../../electron/services/schema/label-delete';
import type { ServiceContext } from '../../electron/services/context';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { addText, errorCodeOf, openTestContext, tempDir } from './helpers';

const text = 'Rebels shelled the market in Dorsk on Tuesday, killing four civilians, the Observatory said.';
const other = 'In Veskar, students marched on the ministry.';

function tag(ctx: ServiceContext, documentId: string, body: string, quote: string, labelId: string): string {
  const start = body.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function setup() {
  const t = openTestContext();
  const documentId = addText(t.ctx, text);
  const actor = tag(t.ctx, documentId, text, 'Rebels', 'source');
  const place = tag(t.ctx, documentId, text, 'Dorsk', 'location');
  const victims = tag(t.ctx, documentId, text, 'four civilians', 'claim');
  return { ...t, documentId, actor, place, victims };
}

const roles = (e: { arguments: { role: string; span: { quote: string } }[] }) => e.arguments.map((a) => `${a.role}: ${a.span.quote}`);
const shelled = { start: text.indexOf('shelled'), end: text.indexOf('shelled') + 'shelled'.length };

describe('events', () => {
  it('ships ACLED-style event types with the roles actor, target, location and time', () => {
    const { ctx } = openTestContext();
    expect(listEventTypes(ctx)).toEqual([
      { labelId: 'event-battle', name: 'Battle', color: '#7048e8', roles: ['actor', 'target', 'location', 'time'], usedRoles: [] },
      { labelId: 'event-violence-against-civilians', name: 'Violence against civilians', color: '#c2255c', roles: ['actor', 'target', 'location', 'time'], usedRoles: [] },
      { labelId: 'event-protest', name: 'Protest', color: '#0b7285', roles: ['actor', 'target', 'location', 'time'], usedRoles: [] },
    ]);
  });

  it('creates an event from a new span tagged with its type, adds, moves and removes roles, in order', () => {
    const { ctx, documentId, actor, place, victims } = setup();
    const event = createEvent(ctx, { documentId, labelId: 'event-violence-against-civilians', trigger: shelled });
    expect(event.trigger).toMatchObject({ quote: 'shelled', labelId: 'event-violence-against-civilians' });
    expect(getAnnotation(ctx, event.trigger.id).labelId).toBe('event-violence-against-civilians');

    addEventArgument(ctx, { eventId: event.id, role: 'actor', target: { annotationId: actor } });
    addEventArgument(ctx, { eventId: event.id, role: 'target', target: { annotationId: victims } });
    const withPlace = addEventArgument(ctx, { eventId: event.id, role: ' location ', target: { annotationId: place }, position: 1 });
    expect(roles(withPlace)).toEqual(['actor: Rebels', 'location: Dorsk', 'target: four civilians']);
    expect(withPlace.arguments.map((a) => a.position)).toEqual([0, 1, 2]);

    expect(roles(moveEventArgument(ctx, { eventId: event.id, from: 1, to: 2 }))).toEqual(['actor: Rebels', 'target: four civilians', 'location: Dorsk']);
    expect(roles(removeEventArgument(ctx, event.id, 0))).toEqual(['target: four civilians', 'location: Dorsk']);
    expect(listEventsForDocument(ctx, documentId).map(roles)).toEqual([['target: four civilians', 'location: Dorsk']]);
  });

  it('takes an existing annotation as trigger, and another event as an argument', () => {
    const { ctx, documentId, actor } = setup();
    const trigger = tag(ctx, documentId, text, 'killing', 'event-battle');
    const killing = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: { annotationId: trigger } });
    const shelling = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: shelled });
    const nested = addEventArgument(ctx, { eventId: shelling.id, role: 'Cause', target: { eventId: killing.id } });
    expect(nested.arguments[0]).toMatchObject({ role: 'Cause', eventId: killing.id, annotationId: null, span: { quote: 'killing' } });
    // Listed in the order of their triggers in the text.
    expect(listEventsForDocument(ctx, documentId).map((e) => e.trigger.quote)).toEqual(['shelled', 'killing']);
    // No event argues itself, directly or through another.
    expect(errorCodeOf(() => addEventArgument(ctx, { eventId: killing.id, role: 'Cause', target: { eventId: shelling.id } }))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => addEventArgument(ctx, { eventId: killing.id, role: 'Self', target: { eventId: killing.id } }))).toBe('INVALID_ARGS');
    // The same role on the same span twice is refused.
    addEventArgument(ctx, { eventId: killing.id, role: 'actor', target: { annotationId: actor } });
    expect(errorCodeOf(() => addEventArgument(ctx, { eventId: killing.id, role: 'Actor', target: { annotationId: actor } }))).toBe('DUPLICATE');
  });

  it('refuses a role pointing at another document’s span, a trigger elsewhere and a span label as type, with clear messages', () => {
    const { ctx, documentId } = setup();
    const elsewhere = addText(ctx, other, 'Student march');
    const students = tag(ctx, elsewhere, other, 'students', 'source');
    const event = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: shelled });
    expect(() => addEventArgument(ctx, { eventId: event.id, role: 'actor', target: { annotationId: students } })).toThrow(
      'The actor “students” is in another document (“Student march”); an event\'s roles point at spans of its own document.',
    );
    expect(() => createEvent(ctx, { documentId, labelId: 'event-protest', trigger: { annotationId: students } })).toThrow(/another document \(“Student march”\)/);
    expect(() => createEvent(ctx, { documentId, labelId: 'claim', trigger: shelled })).toThrow('"Claim" is a span label, not an event type; make it one on the Labels screen (Event type).');
    expect(errorCodeOf(() => removeEventArgument(ctx, event.id, 0))).toBe('NOT_FOUND');
    expect(listEventsForDocument(ctx, documentId)[0]!.arguments).toEqual([]);
  });

  it('changes the type, retagging a trigger of the old type, and changes it back', () => {
    const { ctx, documentId } = setup();
    const event = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: shelled });
    const changed = changeEventType(ctx, { id: event.id, labelId: 'event-violence-against-civilians' });
    expect(changed.labelId).toBe('event-violence-against-civilians');
    expect(changed.trigger.labelId).toBe('event-violence-against-civilians');
    expect(changeEventType(ctx, { id: event.id, labelId: 'event-battle' }).trigger.labelId).toBe('event-battle');
  });

  it('deletes an event with its arguments and the arguments pointing at it, and puts all back by token', () => {
    const { ctx, documentId, actor, place } = setup();
    const shelling = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: shelled });
    const killing = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: { annotationId: tag(ctx, documentId, text, 'killing', 'event-battle') } });
    addEventArgument(ctx, { eventId: shelling.id, role: 'actor', target: { annotationId: actor } });
    addEventArgument(ctx, { eventId: shelling.id, role: 'location', target: { annotationId: place } });
    addEventArgument(ctx, { eventId: killing.id, role: 'Cause', target: { eventId: shelling.id } });
    const before = listEventsForDocument(ctx, documentId);

    const deleted = deleteEvent(ctx, shelling.id);
    expect(roles(deleted)).toEqual(['actor: Rebels', 'location: Dorsk']);
    expect(listEventsForDocument(ctx, documentId).map((e) => [e.trigger.quote, e.arguments.length])).toEqual([['killing', 0]]);
    // The trigger stays: only the event goes.
    expect(getAnnotation(ctx, shelling.trigger.id).quote).toBe('shelled');

    restoreEvent(ctx, deleted.undoToken);
    expect(listEventsForDocument(ctx, documentId)).toEqual(before);
    // A token is spent once.
    expect(errorCodeOf(() => restoreEvent(ctx, deleted.undoToken))).toBe('NOT_FOUND');
  });

  it('goes and comes back with its trigger annotation (undo of the tagging or the deletion)', () => {
    const { ctx, documentId, actor } = setup();
    const event = createEvent(ctx, { documentId, labelId: 'event-battle', trigger: shelled });
    addEventArgument(ctx, { eventId: event.id, role: 'actor', target: { annotationId: actor } });
    const before = listEventsForDocument(ctx, documentId);
    const removed = deleteAnnotation(ctx, event.trigger.id);
    expect(listEventsForDocument(ctx, documentId)).toEqual([]);
    restoreAnnotation(ctx, removed.undoToken);
    expect(listEventsForDocument(ctx, documentId)).toEqual(before);
    // An event whose trigger is gone cannot be put back.
    const token = deleteEvent(ctx, event.id).undoToken;
    deleteAnnotation(ctx, event.trigger.id);
    expect(() => restoreEvent(ctx, token)).toThrow(/trigger or its type has been deleted/);
  });

  it('makes a label an event type with roles, and refuses to make it a span label while events use it', () => {
    const { ctx, documentId } = setup();
    const types = saveEventType(ctx, { labelId: 'claim', isEventType: true, roles: ['Speaker', 'speaker', 'Topic'] });
    expect(types.find((t) => t.labelId === 'claim')?.roles).toEqual(['Speaker', 'Topic']);
    const claim = createEvent(ctx, { documentId, labelId: 'claim', trigger: shelled });
    // Roles its events use beyond the declared ones are listed too (brat corpora declare none).
    addEventArgument(ctx, { eventId: claim.id, role: 'Theme2', target: { annotationId: tag(ctx, documentId, text, 'Rebels', 'source') } });
    addEventArgument(ctx, { eventId: claim.id, role: 'Topic', target: { annotationId: tag(ctx, documentId, text, 'Dorsk', 'source') } });
    expect(listEventTypes(ctx).find((t) => t.labelId === 'claim')).toMatchObject({ roles: ['Speaker', 'Topic'], usedRoles: ['Theme2'] });
    expect(errorCodeOf(() => saveEventType(ctx, { labelId: 'claim', isEventType: false, roles: [] }))).toBe('IN_USE');
    expect(saveEventType(ctx, { labelId: 'event-protest', isEventType: false, roles: [] }).map((t) => t.name)).toEqual(['Claim', 'Battle', 'Violence against civilians']);
  });

  it('deleting an event type takes the events whose triggers it tags, and refuses while other events have that type', () => {
    const { ctx, documentId } = setup();
    createEvent(ctx, { documentId, labelId: 'event-protest', trigger: shelled });
    expect(deleteLabel(ctx, { id: 'event-protest', annotations: 'delete' })).toMatchObject({ annotationsDeleted: 1 });
    expect(listEventsForDocument(ctx, documentId)).toEqual([]);
    const trigger = tag(ctx, documentId, text, 'killing', 'claim');
    createEvent(ctx, { documentId, labelId: 'event-battle', trigger: { annotationId: trigger } });
    expect(() => deleteLabel(ctx, { id: 'event-battle' })).toThrow('1 event is of type "Battle"; delete them or change their type first.');
    expect(listEventTypes(ctx).map((t) => t.name)).toEqual(['Battle', 'Violence against civilians']);
  });

  it('answers through the dispatcher, validating arguments', async () => {
    const { ctx, documentId, actor } = setup();
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    const created = await dispatch('events.create', { documentId, labelId: 'event-battle', trigger: shelled });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const bad = await dispatch('events.addArgument', { eventId: id, role: '', target: { annotationId: actor } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_ARGS');
    const both = await dispatch('events.addArgument', { eventId: id, role: 'actor', target: { annotationId: actor, eventId: id } });
    expect(both.ok ? 'ok' : both.error.code).toBe('INVALID_ARGS');
    const listed = await dispatch('events.listForDocument', { documentId });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
  });
});

describe('migration 0010 (event roles)', () => {
  it('gives an existing store the ACLED event types, except where a label of that name exists', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = openStore(file, { migrations: migrations.filter((m) => m.version <= 9) } as object);
    old.db.prepare("INSERT INTO labels (id, name, color, hotkey, position) VALUES ('mine', 'protest', '#000000', NULL, 9)").run();
    old.close();
    const store = openStore(file);
    try {
      const rows = store.db.prepare('SELECT id, name, kind FROM labels ORDER BY position').all();
      expect(rows).toEqual([
        { id: 'claim', name: 'Claim', kind: 'span' },
        { id: 'source', name: 'Source', kind: 'span' },
        { id: 'location', name: 'Location', kind: 'span' },
        { id: 'mine', name: 'protest', kind: 'span' },
        { id: 'event-battle', name: 'Battle', kind: 'event' },
        { id: 'event-violence-against-civilians', name: 'Violence against civilians', kind: 'event' },
      ]);
      expect(store.db.prepare("SELECT count(*) AS n FROM event_roles WHERE label_id = 'mine'").get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});
