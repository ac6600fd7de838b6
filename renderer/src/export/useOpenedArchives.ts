// Archives handed to Glossa from outside the page (opened from the OS, or dropped on the window),
// each shown in turn in the import dialog with its plan. Main holds their paths; the window
// holds only the tokens it was given.
import { useCallback, useEffect, useState } from 'react';
import { call, messageOf, onAppEvent } from '../api';
import { useNotices } from '../components/Notices';

export function useOpenedArchives() {
  const { notify } = useNotices();
  const [tokens, setTokens] = useState<string[]>([]);

  useEffect(() => {
    // Once at start (the OS may have opened one before the window listened), then on each event.
    const take = () =>
      void call('datasets.takeOpenedArchives', {})
        .then((taken) => taken.length > 0 && setTokens((queued) => [...queued, ...taken]))
        .catch((error) => notify(messageOf(error), 'error'));
    take();
    return onAppEvent((event) => {
      if (event.name === 'archive-opened') take();
    });
  }, [notify]);

  /** A .glossa file dropped on the window: main granted it this token when it was dropped. */
  const openDropped = useCallback((token: string) => setTokens((queued) => [...queued, token]), []);

  return {
    /** The archive whose import dialog is shown; null when none is waiting. */
    current: tokens[0] ?? null,
    closeCurrent: useCallback(() => setTokens((queued) => queued.slice(1)), []),
    openDropped,
  };
}
