// Short messages for the user: confirmations, and errors written to be read.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type NoticeKind = 'info' | 'error';
interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

interface NoticesApi {
  notify(text: string, kind?: NoticeKind): void;
}

const NoticesContext = createContext<NoticesApi>({ notify: () => undefined });
let nextId = 1;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, kind: NoticeKind = 'info') => {
      const id = nextId++;
      setNotices((list) => [...list.slice(-3), { id, kind, text }]);
      if (kind === 'info') setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticesContext.Provider value={api}>
      {children}
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  return useContext(NoticesContext);
}
