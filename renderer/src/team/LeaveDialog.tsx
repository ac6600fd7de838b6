// Team ▸ Leave Team…: syncing stops and the server and token are forgotten; every report and
// annotation stays in this library.
import { useState } from 'react';
import type { TeamState } from '../../../shared/schemas/team';
import { call, messageOf } from '../api';
import { Modal } from '../components/Modal';

export function LeaveDialog({ state, onLeft, onClose }: { state: TeamState | null; onLeft(state: TeamState): void; onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    try {
      onLeft(await call('team.leave', {}));
    } catch (failure) {
      setError(messageOf(failure));
      setLeaving(false);
    }
  };
  const pending = state?.pending ?? 0;
  return (
    <Modal title="Leave the team?" onClose={onClose}>
      <p>
        Glossa stops syncing with {state?.serverUrl ?? 'the team server'} and forgets its token. Every report and annotation stays in this
        library, yours and your colleagues&rsquo; alike.
      </p>
      {pending > 0 && (
        <p>
          <strong>{pending === 1 ? 'One change has' : `${pending.toLocaleString()} changes have`} not reached the team yet.</strong> They stay
          here, but will not be sent.
        </p>
      )}
      {(state?.conflicts ?? 0) > 0 && (
        <p>
          {state!.conflicts === 1 ? 'The conflict' : `The ${state!.conflicts.toLocaleString()} conflicts`} still to review will be closed,
          keeping the values this library has now.
        </p>
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          Stay in the team
        </button>
        <button type="button" className="danger" onClick={() => void leave()} disabled={leaving}>
          Leave team
        </button>
      </div>
    </Modal>
  );
}
