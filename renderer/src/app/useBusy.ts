import { useCallback, useState } from 'react';
import { messageOf } from '../api';
import { useNotices } from '../components/Notices';

/** Work the user waits on, shown by its text while it runs; a failure becomes a notice. */
export function useBusy() {
  const { notify } = useNotices();
  const [busy, setBusy] = useState<string | null>(null);
  const withBusy = useCallback(
    async (text: string, work: () => Promise<void>) => {
      setBusy(text);
      try {
        await work();
      } catch (error) {
        notify(messageOf(error), 'error');
      } finally {
        setBusy(null);
      }
    },
    [notify],
  );
  return { busy, withBusy };
}
