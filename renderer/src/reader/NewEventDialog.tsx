// New Event (Annotate ▸ New Event…, Shift+E): the selection or the selected span becomes the
// trigger of an event of the chosen type. Enter creates it; its roles are added from its card.
import { useState } from 'react';
import type { EventType } from '../../../shared/schemas/events';
import { CloseActions, Modal } from '../components/Modal';
import { shortQuote } from '../state/undo-messages';
import type { EventRequest } from './useReaderView';

interface NewEventDialogProps {
  request: EventRequest;
  eventTypes: readonly EventType[];
  onCreate(labelId: string): void;
  onClose(): void;
}

export function NewEventDialog({ request, eventTypes, onCreate, onClose }: NewEventDialogProps) {
  const [labelId, setLabelId] = useState(eventTypes[0]?.labelId ?? '');
  const title = `New event on ${shortQuote(request.quote, 50)}`;
  if (eventTypes.length === 0) {
    return (
      <Modal title={title} onClose={onClose}>
        <p>The schema has no event type. Make a label an event type on the Labels screen.</p>
        <CloseActions onClose={onClose} />
      </Modal>
    );
  }
  const type = eventTypes.find((t) => t.labelId === labelId);
  return (
    <Modal title={title} onClose={onClose} className="event-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (labelId) onCreate(labelId);
        }}
      >
        <div className="fields">
          <label>
            Event type
            <select
              value={labelId}
              data-autofocus
              aria-describedby="event-type-roles"
              onChange={(e) => setLabelId(e.target.value)}
              onKeyDown={(e) => {
                // A select does not submit its form on Enter; here Enter creates the event.
                if (e.key !== 'Enter' || !labelId) return;
                e.preventDefault();
                onCreate(labelId);
              }}
            >
              {eventTypes.map((t) => (
                <option key={t.labelId} value={t.labelId}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p id="event-type-roles" className="hint">
          {type && type.roles.length > 0 ? `Roles: ${type.roles.join(', ')}. Add them from the event's card.` : 'Add roles from the event’s card.'}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>{' '}
          <button type="submit" className="primary">
            Create event
          </button>
        </div>
      </form>
    </Modal>
  );
}
