// Events: a document's events (event-views.ts), their edits with undo (events.ts) and the
// schema's event types with their roles (event-types.ts). Channels: shared/channels/events.ts.
import type { eventChannels } from '../../../shared/channels/events';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { listEventTypes, saveEventType } from './event-types';
import {
  addEventArgument,
  changeEventType,
  createEvent,
  deleteEvent,
  listEventsForDocument,
  moveEventArgument,
  removeEventArgument,
  restoreEvent,
} from './events';

export function eventHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof eventChannels> {
  return {
    'events.listForDocument': ({ documentId }) => listEventsForDocument(ctx, documentId),
    'events.create': (input) => createEvent(ctx, input),
    'events.addArgument': (input) => addEventArgument(ctx, input),
    'events.removeArgument': ({ eventId, position }) => removeEventArgument(ctx, eventId, position),
    'events.moveArgument': (move) => moveEventArgument(ctx, move),
    'events.changeType': (change) => changeEventType(ctx, change),
    'events.delete': ({ id }) => deleteEvent(ctx, id),
    'events.restore': ({ token }) => restoreEvent(ctx, token),
    'eventTypes.list': () => listEventTypes(ctx),
    'eventTypes.save': (input) => saveEventType(ctx, input),
  };
}
