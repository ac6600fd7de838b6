// Team ▸ Team Status…: the server, who this library syncs as, when it last synced, and what
// waits: changes to send, conflicts to review, changes held back until what they need arrives.
import type { TeamState } from '../../../shared/schemas/team';
import { Modal } from '../components/Modal';
import { formatTime } from './team-text';

interface StatusDialogProps {
  state: TeamState | null;
  syncing: boolean;
  onSyncNow(): void;
  onAutomatic(automatic: boolean): void;
  onReview(): void;
  onConnect(): void;
  onClose(): void;
}

export function StatusDialog({ state, syncing, onSyncNow, onAutomatic, onReview, onConnect, onClose }: StatusDialogProps) {
  if (!state?.joined) {
    return (
      <Modal title="Team status" onClose={onClose}>
        <p>This library is not in a team. Everything stays on this computer.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" data-autofocus onClick={onConnect}>
            Connect to a team server…
          </button>
        </div>
      </Modal>
    );
  }
  const rows: [string, string][] = [
    ['Server', state.serverUrl ?? '—'],
    ['Analyst', state.analyst?.name ?? '—'],
    ['Last synced', syncing ? 'syncing now…' : formatTime(state.lastSyncedAt)],
    ['Changes to send', state.pending.toLocaleString()],
    ['Conflicts to review', state.conflicts.toLocaleString()],
    ['Held back', state.deferred === 0 ? 'none' : `${state.deferred.toLocaleString()} (waiting for what they refer to)`],
    ['Token', state.tokenProtection === 'encrypted' ? 'encrypted by the system keychain' : 'kept in a file only you can read (not encrypted)'],
  ];
  return (
    <Modal title="Team status" onClose={onClose}>
      <dl className="team-status-list">
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {state.paused && <p>The library is open for viewing only, so syncing waits until it can be changed.</p>}
      {state.lastError && (
        <p className="form-error" role="alert">
          The last sync failed: {state.lastError}
        </p>
      )}
      <label className="choice">
        <input type="checkbox" checked={state.automatic} onChange={(e) => onAutomatic(e.target.checked)} />
        <span>Sync automatically (every minute, and shortly after each change)</span>
      </label>
      <div className="dialog-actions">
        {state.conflicts > 0 && (
          <button type="button" onClick={onReview}>
            Review conflicts…
          </button>
        )}
        <button type="button" onClick={onSyncNow} disabled={syncing || state.paused}>
          Sync now
        </button>
        <button type="button" className="primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
