// The document's events above its annotations: one card each, in the order of their triggers.
import type { EventType, EventView } from '../../../shared/schemas/events';
import { EventCard } from './EventCard';
import type { ReaderCommands } from './reader-commands';
import './events.css';

interface EventListProps {
  events: readonly EventView[];
  eventTypes: readonly EventType[];
  selectedId: string | null;
  commands: ReaderCommands;
}

export function EventList({ events, eventTypes, selectedId, commands }: EventListProps) {
  if (events.length === 0) return null;
  return (
    <section className="event-list" aria-labelledby="event-list-title">
      <h3 id="event-list-title">
        Events <span className="total">{events.length}</span>
      </h3>
      <ul aria-label="Events">
        {events.map((event) => (
          <li key={event.id}>
            <EventCard event={event} eventTypes={eventTypes} selected={event.trigger.id === selectedId} commands={commands} />
          </li>
        ))}
      </ul>
    </section>
  );
}
