// A long sync's progress, with Cancel: shown once a run has gone on for a moment, or at once for a
// large backlog (a quick sync only shows in the top bar). Not modal: the analyst keeps working
// while it runs.
import { useEffect, useState } from 'react';
import type { SyncActivity } from '../../../shared/schemas/team';
import { activityText } from './team-text';

const showAfterMs = 1_500;
/** Changes enough to take a while whatever the connection: the panel shows at once. */
const largeBacklog = 1_000;

export function SyncProgressPanel({ activity, onCancel }: { activity: SyncActivity | null; onCancel(): Promise<void> }) {
  const running = activity?.running ?? false;
  const [waited, setWaited] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    setCancelling(false);
    if (!running) return setWaited(false);
    const timer = setTimeout(() => setWaited(true), showAfterMs);
    return () => clearTimeout(timer);
  }, [running]);
  if (!running || !activity || !(waited || (activity.total ?? 0) >= largeBacklog)) return null;
  const known = activity.total !== null && activity.total > 0;
  return (
    <section className="sync-progress" aria-label="Team sync in progress">
      <strong>{cancelling ? 'Stopping the sync after this batch…' : activityText(activity)}</strong>
      <progress
        max={known ? activity.total! : undefined}
        value={known ? activity.done : undefined}
        aria-label="Team sync progress"
        aria-valuetext={known ? `${activity.done} of ${activity.total} changes` : `${activity.done} changes`}
      />
      <button
        type="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void onCancel();
        }}
      >
        Cancel sync
      </button>
    </section>
  );
}
