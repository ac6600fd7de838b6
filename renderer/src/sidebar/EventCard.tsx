// One event in the sidebar: its type (a select that changes it), the trigger's quote, and its
// roles as chips "actor: “Rebels”" in order, each a button that shows its span in the text
// (Alt+↑/↓ moves it), with × to remove it; Add role… opens the role dialog.
import { memo } from 'react';
import type { EventType, EventView } from '../../../shared/schemas/events';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderCommands } from './reader-commands';

interface EventCardProps {
  event: EventView;
  eventTypes: readonly EventType[];
  selected: boolean;
  commands: ReaderCommands;
}

const readerAnnotation = (event: EventView, span: EventView['trigger']): ReaderAnnotation => ({ ...span, documentId: event.documentId, note: '' });

export const EventCard = memo(function EventCard({ event, eventTypes, selected, commands }: EventCardProps) {
  const type = eventTypes.find((t) => t.labelId === event.labelId);
  const typeName = type?.name ?? 'Event';
  return (
    <article
      className={`event-card${selected ? ' selected' : ''}`}
      aria-label={`${typeName} event: ${event.trigger.quote}`}
      data-event-id={event.id}
      style={{ borderInlineStartColor: type?.color }}
    >
      <div className="card-head">
        <span className="swatch" style={{ background: type?.color }} aria-hidden="true" />
        <select aria-label="Event type" value={event.labelId} onChange={(e) => commands.changeEventType(event, e.target.value)}>
          {!type && <option value={event.labelId}>{typeName}</option>}
          {eventTypes.map((t) => (
            <option key={t.labelId} value={t.labelId}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="button" className="quote" onClick={() => commands.reveal(readerAnnotation(event, event.trigger))} title="Show the trigger in the text">
          “{event.trigger.quote}”
        </button>
        <button type="button" className="small" onClick={() => commands.startRole(event)} aria-label={`Add role to the ${typeName} event`} title="Add a role: actor, target, location, time…">
          Add role…
        </button>
        <button type="button" className="icon-button" aria-label="Delete event" title="Delete the event (its trigger stays)" onClick={() => commands.removeEvent(event)}>
          🗑
        </button>
      </div>
      {event.arguments.length === 0 ? (
        <p className="event-hint">No roles yet: Add role… names the actor, target, location or time.</p>
      ) : (
        <ul className="role-chips" aria-label="Roles">
          {event.arguments.map((argument) => (
            <li key={`${argument.position} ${argument.role}`} className="role-chip">
              <button
                type="button"
                className="role-target"
                title="Show in the text (Alt+↑ or Alt+↓ moves the role)"
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onClick={() => commands.reveal(readerAnnotation(event, argument.span))}
                onKeyDown={(e) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  commands.moveRole(event, argument, e.key === 'ArrowUp' ? -1 : 1);
                }}
              >
                <span className="role-name">{argument.role}:</span> “{argument.span.quote}”{argument.eventId ? ' (event)' : ''}
              </button>
              <button type="button" className="icon-button" aria-label={`Remove the ${argument.role} “${argument.span.quote}”`} onClick={() => commands.removeRole(event, argument)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
});
