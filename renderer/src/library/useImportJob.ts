// Runs one import at a time: picks the job id (so it can be cancelled while the call is
// under way), follows its progress events, and returns the final report.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportReport, importTask } from '../../../shared/schemas/library';
import { call, onAppEvent } from '../api';

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  cancelling: boolean;
}

export type ImportStarter = (jobId: string) => Promise<ImportReport>;

export function useImportJob() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const running = useRef<string | null>(null);

  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.name !== 'progress' || !running.current || event.payload.task !== importTask(running.current)) return;
        const { done, total, current } = event.payload;
        setProgress((p) => (p ? { ...p, done, total, current: current ?? null } : p));
      }),
    [],
  );

  const run = useCallback(async (start: ImportStarter): Promise<ImportReport> => {
    const jobId = crypto.randomUUID();
    running.current = jobId;
    setProgress({ jobId, done: 0, total: 0, current: null, cancelling: false });
    try {
      return await start(jobId);
    } finally {
      running.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(async () => {
    const jobId = running.current;
    if (!jobId) return;
    setProgress((p) => (p ? { ...p, cancelling: true } : p));
    await call('import.cancel', { jobId });
  }, []);

  return { progress, run, cancel };
}
