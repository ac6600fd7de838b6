// The event commands of the CLI (issue 12): `event` creates an event from a trigger annotation
// with role arguments, `events` lists a document's events. cli.ts parses the command line.
import { AppError } from '../shared/errors';
import type { EventView } from '../shared/schemas/events';
import type { Core } from './core';
import { listEventTypes } from './services/events/event-types';
import { addEventArgument, createEvent, listEventsForDocument } from './services/events/events';

export const eventCommandUsage: Readonly<Record<string, string>> = {
  event: `  event --doc ID --type NAME --trigger ANNOTATION_ID [--arg ROLE=ANNOTATION_ID ...]
                                          Create an event of the type (Battle, Protest…) on the
                                          trigger span, with role arguments in order (actor,
                                          target, location, time or any role). All or nothing.`,
  events: `  events --doc ID                         List the document's events: type, trigger and
                                          roles with their quotes, in the order of the text.`,
};

export const eventOptions = {
  trigger: { type: 'string' },
  arg: { type: 'string', multiple: true },
} as const;

export const eventOptionsByCommand = {
  event: ['doc', 'type', 'trigger', 'arg'],
  events: ['doc'],
} as const;

export class EventUsageError extends Error {}

interface EventInvocation {
  command: string;
  args: string[];
  values: { doc?: string; type?: string; trigger?: string; arg?: string | string[] };
}

function argumentPairs(raw: string | string[] | undefined): { role: string; annotationId: string }[] {
  const pairs = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new EventUsageError(`--arg takes ROLE=ANNOTATION_ID (got "${pair}").`);
    return { role: pair.slice(0, eq).trim(), annotationId: pair.slice(eq + 1).trim() };
  });
}

/** Usage errors found without a store. */
export function checkEventUsage(invocation: EventInvocation): void {
  if (invocation.command !== 'event' && invocation.command !== 'events') return;
  if (invocation.args.length > 0) throw new EventUsageError(`${invocation.command} takes no positional arguments (got "${invocation.args[0]}").`);
  if (!invocation.values.doc) throw new EventUsageError('--doc is required.');
  if (invocation.command === 'event') {
    if (!invocation.values.type) throw new EventUsageError('--type is required.');
    if (!invocation.values.trigger) throw new EventUsageError('--trigger is required.');
    argumentPairs(invocation.values.arg);
  }
}

/** An event as the CLI prints it: names instead of label ids. */
function printable(core: Core, event: EventView) {
  const names = new Map((core.store.db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]));
  return {
    id: event.id,
    type: names.get(event.labelId) ?? event.labelId,
    trigger: { annotationId: event.trigger.id, quote: event.trigger.quote, start: event.trigger.start, end: event.trigger.end },
    arguments: event.arguments.map((a) => ({
      role: a.role,
      ...(a.annotationId !== null ? { annotationId: a.annotationId } : { eventId: a.eventId }),
      quote: a.span.quote,
    })),
  };
}

function runEvent(core: Core, invocation: EventInvocation): unknown {
  const { doc, type: typeName, trigger } = invocation.values;
  const types = listEventTypes(core.ctx);
  const type = types.find((t) => t.labelId === typeName || t.name.toLowerCase() === typeName!.trim().toLowerCase());
  if (!type) throw new AppError('NOT_FOUND', `No event type "${typeName}". Event types: ${types.map((t) => `"${t.name}"`).join(', ')}.`);
  const pairs = argumentPairs(invocation.values.arg);
  const event = core.store.transaction(() => {
    const created = createEvent(core.ctx, { documentId: doc!, labelId: type.labelId, trigger: { annotationId: trigger! } });
    let last = created;
    for (const { role, annotationId } of pairs) last = addEventArgument(core.ctx, { eventId: created.id, role, target: { annotationId } });
    return last;
  });
  return printable(core, event);
}

/** Runs an event command; undefined when the command is not one of them. */
export function runEventCommand(core: Core, invocation: EventInvocation): unknown {
  checkEventUsage(invocation);
  if (invocation.command === 'event') return runEvent(core, invocation);
  if (invocation.command === 'events') return listEventsForDocument(core.ctx, invocation.values.doc!).map((e) => printable(core, e));
  return undefined;
}
