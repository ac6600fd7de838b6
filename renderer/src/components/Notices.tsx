// Short messages for the user: confirmations, and errors written to be read. One at a time, in
// the corner over the sidebar, never over the report's text.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type NoticeKind = 'info' | 'error';
/** A button on a notice, such as Undo. */
interface NoticeAction {
  label: string;
  run(): void;
}
interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  action?: NoticeAction;
}

interface NoticesApi {
  notify(text: string, kind?: NoticeKind, action?: NoticeAction): void;
}

const NoticesContext = createContext<NoticesApi>({ notify: () => undefined });
let nextId = 1;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, kind: NoticeKind = 'info', action?: NoticeAction) => {
      const id = nextId++;
      // One notice at a time: a new one replaces the last, so they never pile up over the work.
      setNotices([{ id, kind, text, action }]);
      if (kind === 'info') setTimeout(() => dismiss(id), action ? 10000 : 4000);
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
            {n.action && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  dismiss(n.id);
                  n.action!.run();
                }}
              >
                {n.action.label}
              </button>
            )}
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
