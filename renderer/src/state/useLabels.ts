// The labels of the schema. They change at run time (the schema screen): everything that
// shows them reads them here.
import { useCallback, useEffect, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';

export function useLabels() {
  const { notify } = useNotices();
  const [labels, setLabels] = useState<Label[]>([]);
  const refreshLabels = useCallback(async () => {
    try {
      setLabels(await call('labels.list', {}));
    } catch (error) {
      notify(messageOf(error), 'error');
    }
  }, [notify]);
  useEffect(() => void refreshLabels(), [refreshLabels]);
  return { labels, refreshLabels };
}
