// Event types: labels of kind 'event' (their spans are event triggers) and the roles each offers
// in the reader's Add role dialog (a role may still be any name: brat writes Theme2 and the like).
import { useCallback, useEffect, useState } from 'react';
import type { EventType } from '../../../shared/schemas/events';
import type { Label } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { CommitInput } from './CommitInput';

const rolesOf = (text: string) => text.split(',').map((r) => r.trim()).filter(Boolean);

export function EventTypesSection({ labels }: { labels: readonly Label[] }) {
  const { notify } = useNotices();
  const [types, setTypes] = useState<readonly EventType[]>([]);
  const [candidate, setCandidate] = useState('');
  useEffect(() => {
    call('eventTypes.list', {}).then(setTypes, (error) => notify(messageOf(error), 'error'));
    // Again when labels come or go (a new label may be made an event type).
  }, [labels, notify]);
  const save = useCallback(
    async (labelId: string, isEventType: boolean, roles: string[], message: string) => {
      try {
        setTypes(await call('eventTypes.save', { labelId, isEventType, roles }));
        notify(message);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [notify],
  );
  const spanLabels = labels.filter((l) => !types.some((t) => t.labelId === l.id));
  return (
    <section className="schema-event-types" aria-labelledby="event-types-title">
      <h2 id="event-types-title">Event types</h2>
      <p className="hint">Their spans are event triggers (New Event, Shift+E, in the reader); the roles are offered first when adding a role.</p>
      <ul className="event-types" aria-label="Event types">
        {types.map((type) => (
          <li key={type.labelId}>
            <span className="swatch" style={{ background: type.color }} aria-hidden="true" />
            <span className="relation-name">{type.name}</span>
            <CommitInput
              className="event-roles"
              label={`Roles of ${type.name}, separated by commas`}
              value={type.roles.join(', ')}
              onCommit={(text) => save(type.labelId, true, rolesOf(text), `Roles of ${type.name}: ${rolesOf(text).join(', ')}.`)}
            />
            <button type="button" className="small" onClick={() => void save(type.labelId, false, [], `${type.name} is a span label now.`)}>
              Make span label
            </button>
          </li>
        ))}
      </ul>
      {spanLabels.length > 0 && (
        <form
          className="new-event-type"
          onSubmit={(event) => {
            event.preventDefault();
            const label = spanLabels.find((l) => l.id === candidate);
            if (label) void save(label.id, true, ['actor', 'target', 'location', 'time'], `${label.name} is an event type now.`);
          }}
        >
          <label>
            Make an event type
            <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
              <option value="">Choose a label…</option>
              {spanLabels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" disabled={!candidate}>
            Make event type
          </button>
        </form>
      )}
    </section>
  );
}
