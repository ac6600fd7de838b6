// Shows the app only over a store that opened: a damaged or unreadable store gets the
// damaged-store screen instead (also when the check after opening finds damage later), and a
// read-only store gets a banner above the app. A recovered store remounts the app afresh.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StoreStatus } from '../../../shared/schemas/store';
import { call, messageOf, onAppEvent } from '../api';
import { DamagedStoreScreen } from './DamagedStoreScreen';
import './store.css';

export function StoreGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('store.status', {}));
    } catch (error) {
      setFailure(messageOf(error));
    }
  }, []);

  useEffect(() => {
    // Subscribed before asking, so damage found in between is not missed.
    const off = onAppEvent((event) => {
      if (event.name === 'store-damaged') void refresh();
    });
    void refresh();
    return off;
  }, [refresh]);

  const recovered = (next: StoreStatus) => {
    setStatus(next);
    setGeneration((g) => g + 1);
  };

  if (failure) {
    return (
      <main className="store-problem" role="alert">
        <h1>Glossa cannot reach its store</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!status) return null;
  if (status.state === 'damaged') return <DamagedStoreScreen status={status} onRecovered={recovered} />;
  return (
    <div className="store-layout">
      {status.state === 'read-only' && (
        <div className="read-only-banner" role="status" aria-label="Read-only store">
          <strong>Read-only:</strong> {status.problem}
        </div>
      )}
      <div key={generation} className="store-gate-app">
        {children}
      </div>
    </div>
  );
}
