// Asked after the save dialog when the export cannot simply be written: the chosen folder holds a
// previous Glossa export (replace it, removing only the files it wrote?), or the target was
// refused (the store, a device, a read-only file…), said in plain words.
import { Modal } from '../components/Modal';

/** What the export dialog asks or tells after the save dialog. */
export type ExportQuestion =
  | { kind: 'replace'; path: string; format: string; files: number; writtenAt: string; token: string }
  | { kind: 'refused'; message: string };

interface ExportTargetDialogProps {
  question: ExportQuestion;
  onReplace(token: string): void;
  onClose(): void;
}

export function ExportTargetDialog({ question, onReplace, onClose }: ExportTargetDialogProps) {
  if (question.kind === 'refused') {
    return (
      <Modal title="Export not written" onClose={onClose} className="export-target-dialog">
        <p role="alert" dir="auto">
          {question.message}
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Modal>
    );
  }
  const when = question.writtenAt ? ` on ${question.writtenAt.slice(0, 10)}` : '';
  return (
    <Modal title="Replace the previous export?" onClose={onClose} className="export-target-dialog">
      <p id="export-replace-text" dir="auto">
        The folder <strong>{question.path}</strong> holds a {question.format} export Glossa wrote{when} ({question.files}{' '}
        {question.files === 1 ? 'file' : 'files'}). Replacing it removes only those files; anything else in the folder stays.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" aria-describedby="export-replace-text" onClick={() => onReplace(question.token)}>
          Replace
        </button>
      </div>
    </Modal>
  );
}
