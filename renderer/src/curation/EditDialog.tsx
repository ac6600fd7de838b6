// Edit a candidate into gold: its start, end and label as the adjudicator corrects them, with a
// note saying why.
import { useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import { Modal } from '../components/Modal';

export interface EditedSpan {
  start: number;
  end: number;
  labelId: string;
  note: string;
}

interface EditDialogProps {
  candidate: { start: number; end: number; labelId: string; quote: string };
  labels: readonly Label[];
  onSave(edited: EditedSpan): void;
  onClose(): void;
}

export function EditDialog({ candidate, labels, onSave, onClose }: EditDialogProps) {
  const [start, setStart] = useState(candidate.start);
  const [end, setEnd] = useState(candidate.end);
  const [labelId, setLabelId] = useState(candidate.labelId);
  const [note, setNote] = useState('');
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start;
  return (
    <Modal title={`Edit “${candidate.quote}” into gold`} onClose={onClose} className="curation-edit">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onSave({ start, end, labelId, note });
        }}
      >
        <label className="filter-field">
          Start (UTF-16 offset)
          <input type="number" min={0} value={start} onChange={(e) => setStart(Number(e.target.value))} />
        </label>
        <label className="filter-field">
          End
          <input type="number" min={1} value={end} onChange={(e) => setEnd(Number(e.target.value))} />
        </label>
        <label className="filter-field">
          Label
          <select value={labelId} onChange={(e) => setLabelId(e.target.value)}>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field wide">
          Note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            Save into gold
          </button>
        </div>
      </form>
    </Modal>
  );
}
