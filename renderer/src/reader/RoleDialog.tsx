// Add a role to an event: the role (the type's roles first, or another name), then the span, from
// a list ranked as the Link dialog ranks its targets (near the trigger first), or picked in the text.
import { useMemo, useState } from 'react';
import type { EventType, EventView } from '../../../shared/schemas/events';
import type { Label } from '../../../shared/schemas/schema';
import { Modal } from '../components/Modal';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { shortQuote } from '../state/undo-messages';
import { useLinkTargets } from './LinkDialog';
import { TargetFilter, TargetList } from './TargetPicker';
import './desk.css';

interface RoleDialogProps {
  event: EventView;
  type: EventType | undefined;
  labels: readonly Label[];
  window: DocumentWindow;
  onAdd(role: string, target: ReaderAnnotation): void;
  /** Closes the dialog and lets the analyst click the span in the text. */
  onPickInText(role: string): void;
  onClose(): void;
}

const otherRole = '\u0000other';

export function RoleDialog({ event, type, labels, window, onAdd, onPickInText, onClose }: RoleDialogProps) {
  // The type's roles first, then the others its events use (an imported corpus declares none).
  const roles = useMemo(() => [...(type?.roles ?? []), ...(type?.usedRoles ?? [])], [type]);
  const used = new Set(event.arguments.map((a) => a.role.toLowerCase()));
  const [choice, setChoice] = useState(() => roles.find((r) => !used.has(r.toLowerCase())) ?? roles[0] ?? otherRole);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const role = (choice === otherRole ? typed : choice).trim();
  const trigger: ReaderAnnotation = { ...event.trigger, documentId: event.documentId, note: '' };
  const targets = useLinkTargets(trigger, null, query, window);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const taken = (target: ReaderAnnotation) => event.arguments.some((a) => a.annotationId === target.id && a.role.toLowerCase() === role.toLowerCase());
  const choose = (target: ReaderAnnotation | undefined) => target && role && !taken(target) && onAdd(role, target);

  return (
    <Modal title={`Add a role to the ${type?.name ?? "event"} event ${shortQuote(event.trigger.quote, 40)}`} onClose={onClose} className="link-dialog role-dialog">
      <div className="fields">
        <label>
          Role
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
                {used.has(r.toLowerCase()) ? ' (has one)' : ''}
              </option>
            ))}
            <option value={otherRole}>Another role…</option>
          </select>
        </label>
        {choice === otherRole && (
          <label>
            Role name
            <input type="text" value={typed} maxLength={80} onChange={(e) => setTyped(e.target.value)} />
          </label>
        )}
        <TargetFilter label="Span" query={query} onQuery={setQuery} listId="role-targets" targets={targets} active={active} setActive={setActive} onChoose={choose} />
      </div>
      <TargetList
        listId="role-targets"
        name="Spans for the role"
        empty="No annotations match. Tag the span first, or pick it in the text."
        targets={targets}
        active={active}
        setActive={setActive}
        onChoose={choose}
        labelName={labelName}
        taken={taken}
        takenNote="already this role"
      />
      <div className="dialog-actions spread">
        <button type="button" disabled={!role} onClick={() => onPickInText(role)}>
          Pick in the text…
        </button>
        <span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>{' '}
          <button type="button" className="primary" disabled={!role || !targets[active] || taken(targets[active].target)} onClick={() => choose(targets[active]?.target)}>
            Add role
          </button>
        </span>
      </div>
    </Modal>
  );
}
