import type { ImportProgress } from './useImportJob';

/** "Importing 3 of 40", the file being read, and a way to stop. */
export function ImportProgressPanel({ progress, onCancel }: { progress: ImportProgress; onCancel(): void }) {
  const { done, total, current, cancelling } = progress;
  const known = total > 0;
  return (
    <div className="busy" role="dialog" aria-modal="true" aria-label="Import in progress">
      <div className="busy-card import-progress">
        <strong>{cancelling ? 'Stopping the import…' : known ? `Importing ${Math.min(done + 1, total)} of ${total}` : 'Looking for reports…'}</strong>
        <progress
          max={known ? total : undefined}
          value={known ? done : undefined}
          aria-label="Import progress"
          aria-valuetext={known ? `${done} of ${total} files` : 'starting'}
        />
        <span className="current-file" title={current ?? undefined}>
          {current ?? '\u00a0'}
        </span>
        <button type="button" onClick={onCancel} disabled={cancelling}>
          Cancel import
        </button>
      </div>
    </div>
  );
}
