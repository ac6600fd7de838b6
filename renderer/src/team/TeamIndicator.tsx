// The top bar's sync indicator: a word on the team's state (opens Team Status), and a live
// region that announces each sync's end to screen readers.
import { useEffect, useState } from 'react';
import type { SyncActivity, TeamState } from '../../../shared/schemas/team';
import { activityText, formatTime, indicatorText, resultText } from './team-text';
import './team.css';

export function TeamIndicator({ state, activity, onOpen }: { state: TeamState | null; activity: SyncActivity | null; onOpen(): void }) {
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!activity || activity.running) return;
    setAnnouncement(activity.cancelled ? 'Sync cancelled; what was sent or received is kept.' : activity.error ? `Sync failed: ${activity.error}` : activity.result ? resultText(activity.result) : '');
  }, [activity]);

  const joined = state?.joined ?? false;
  const attention = state !== null && (state.lastError !== null || state.conflicts > 0);
  const title = !state
    ? ''
    : activity?.running
      ? activityText(activity)
      : state.lastError ?? `Last synced ${formatTime(state.lastSyncedAt)}; ${state.pending.toLocaleString()} to send, ${state.conflicts.toLocaleString()} conflicts (Team Status…)`;
  return (
    <div className="team-indicator">
      {joined && state && (
        <button
          type="button"
          className={`team-state${attention ? ' attention' : ''}${activity?.running ? ' syncing' : ''}`}
          onClick={onOpen}
          title={title}
          aria-label={`Team sync: ${indicatorText(state, activity)}. Team status`}
        >
          <span className="team-dot" aria-hidden="true" />
          {indicatorText(state, activity)}
        </button>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
