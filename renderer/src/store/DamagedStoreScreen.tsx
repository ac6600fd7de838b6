// The store is damaged or unreadable: say so, and offer the two ways out main supports,
// restoring the latest good backup or moving the damaged store aside to start a new one.
// Neither deletes the damaged store.
import { useState } from 'react';
import type { StoreStatus } from '../../../shared/schemas/store';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';

interface Props {
  status: StoreStatus;
  onRecovered(status: StoreStatus): void;
}

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function DamagedStoreScreen({ status, onRecovered }: Props) {
  const { notify } = useNotices();
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingNew, setConfirmingNew] = useState(false);

  const run = async (work: () => Promise<{ status: StoreStatus; movedAsideTo: string | null }>, done: string) => {
    setWorking(true);
    setFailure(null);
    try {
      const result = await work();
      // This screen goes away with the damage, so the outcome is told as a notice.
      notify(`${done}${result.movedAsideTo ? ` The damaged store was kept at ${result.movedAsideTo}.` : ''}`);
      onRecovered(result.status);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setWorking(false);
    }
  };

  const [latest, ...older] = status.backups;
  return (
    <main className="store-problem" aria-labelledby="store-problem-title">
      <h1 id="store-problem-title">The Glossa store is damaged or unreadable</h1>
      <p role="alert">{status.problem}</p>
      <p className="hint">Store: {status.storePath}</p>
      {latest ? (
        <section aria-labelledby="backups-title">
          <h2 id="backups-title">Good backups</h2>
          <ul className="backup-list">
            {[latest, ...older].map((backup, index) => (
              <li key={backup.path}>
                <span>
                  {index === 0 ? 'Latest: ' : ''}taken {new Date(backup.takenAt).toLocaleString()} (schema {backup.version}, {sizeOf(backup.bytes)})
                </span>
                <button
                  type="button"
                  className={index === 0 ? 'primary' : undefined}
                  disabled={working}
                  onClick={() => void run(() => call('store.restoreBackup', { path: backup.path }), 'Restored the backup.')}
                >
                  Restore this backup
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>There is no backup of this store. You can move it aside and start a new one; the damaged file is kept.</p>
      )}
      <section className="start-new">
        {confirmingNew ? (
          <p>
            Move the damaged store aside (it is kept, renamed) and start a new, empty library?{' '}
            <button type="button" className="danger" disabled={working} onClick={() => void run(() => call('store.startNew', {}), 'Started a new store.')}>
              Move aside and start new
            </button>{' '}
            <button type="button" onClick={() => setConfirmingNew(false)}>
              Cancel
            </button>
          </p>
        ) : (
          <button type="button" disabled={working} onClick={() => setConfirmingNew(true)}>
            Start a new store…
          </button>
        )}
      </section>
      <p className="hint">From a terminal: glossa backups, then glossa restore --from FILE.</p>
      <div aria-live="assertive">{failure}</div>
    </main>
  );
}
