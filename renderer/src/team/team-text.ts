// How the team's state reads in the top bar, in announcements and in the status dialog.
import type { SyncActivity, SyncResult, TeamState } from '../../../shared/schemas/team';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function formatTime(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Sending 200 of 1,000 changes", "Receiving 300 changes", "Joining the team". */
export function activityText(activity: SyncActivity): string {
  const of = activity.total === null ? activity.done.toLocaleString() : `${activity.done.toLocaleString()} of ${activity.total.toLocaleString()}`;
  switch (activity.phase) {
    case 'join':
      return `Joining the team: ${of} changes`;
    case 'push':
      return `Sending ${of} changes`;
    case 'pull':
      return `Receiving ${of} changes`;
    default:
      return 'Syncing with the team';
  }
}

/** What a finished sync did, as a sentence. */
export function resultText(result: SyncResult): string {
  const parts = [`sent ${count(result.pushed, 'change')}`, `received ${count(result.pulled, 'change')}`];
  if (result.conflicts > 0) parts.push(`${count(result.conflicts, 'conflict')} to review`);
  if (result.rejected > 0) parts.push(`${count(result.rejected, 'change')} refused by the server`);
  return `Synced: ${parts.join(', ')}.`;
}

/** The top bar's short word on the team: what needs attention first. */
export function indicatorText(state: TeamState, activity: SyncActivity | null): string {
  if (activity?.running) return 'Syncing…';
  if (state.paused) return 'Sync paused (read-only)';
  if (state.lastError) return 'Sync failed';
  if (state.conflicts > 0) return count(state.conflicts, 'conflict');
  if (state.pending > 0) return `${count(state.pending, 'change')} to send`;
  return state.lastSyncedAt ? 'Synced' : 'Not synced yet';
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
