// The team dialog open now (Connect, Status, Review Conflicts, Leave) and the progress panel of
// a long sync.
import { useNotices } from '../components/Notices';
import { reloadAnalystNames } from '../analysts/analyst-names';
import { ConflictsDialog } from './ConflictsDialog';
import { ConnectDialog } from './ConnectDialog';
import { LeaveDialog } from './LeaveDialog';
import { StatusDialog } from './StatusDialog';
import { SyncProgressPanel } from './SyncProgressPanel';
import { resultText } from './team-text';
import type { TeamApi } from './useTeam';

export function TeamDialogs({ team, onReceived }: { team: TeamApi; onReceived(): void }) {
  const { notify } = useNotices();
  const { state, dialog, setDialog } = team;
  const close = () => setDialog(null);
  const changed = () => {
    void team.refresh();
    onReceived();
  };
  return (
    <>
      <SyncProgressPanel activity={dialog === 'connect' ? null : team.activity} onCancel={team.cancel} />
      {dialog === 'connect' && (
        <ConnectDialog
          serverUrl={state?.serverUrl ?? null}
          onCancelSync={team.cancel}
          onClose={close}
          onJoined={(joined) => {
            close();
            void reloadAnalystNames();
            changed();
            notify(`Joined the team as ${joined.analyst.name}. ${resultText(joined)}`);
          }}
        />
      )}
      {dialog === 'status' && (
        <StatusDialog
          state={state}
          syncing={team.activity?.running ?? false}
          onSyncNow={() => void team.syncNow()}
          onAutomatic={(automatic) => void team.setAutomatic(automatic)}
          onReview={() => setDialog('conflicts')}
          onConnect={() => setDialog('connect')}
          onClose={close}
        />
      )}
      {dialog === 'conflicts' && <ConflictsDialog onResolved={changed} onClose={close} />}
      {dialog === 'leave' && (
        <LeaveDialog
          state={state}
          onClose={close}
          onLeft={() => {
            close();
            void team.refresh();
            notify('You left the team. Everything stays in this library.');
          }}
        />
      )}
    </>
  );
}
