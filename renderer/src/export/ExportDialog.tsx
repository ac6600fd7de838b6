import { useState } from 'react';
import type { ExportFormat } from '../../../shared/schemas';
import { Modal } from '../components/Modal';

export interface ExportChoice {
  format: ExportFormat;
  documentId?: string;
}

interface ExportDialogProps {
  initialFormat: ExportFormat;
  /** The open document, when there is one: offered as a scope. */
  openDocument: { id: string; title: string } | null;
  onExport(choice: ExportChoice): void;
  onClose(): void;
}

const formats: { id: ExportFormat; name: string; description: string }[] = [
  {
    id: 'jsonl',
    name: 'JSONL (doccano)',
    description: 'One line per report with its text and labels as [start, end, label]. Offsets in Unicode code points, as Python counts them.',
  },
  {
    id: 'csv',
    name: 'CSV',
    description: 'One row per annotation: report, label, start, end, quote and note. UTF-8, opens in spreadsheets. Offsets in code points.',
  },
];

export function ExportDialog({ initialFormat, openDocument, onExport, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [scope, setScope] = useState<'corpus' | 'document'>(openDocument ? 'document' : 'corpus');
  return (
    <Modal title="Export annotations" onClose={onClose} className="export-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onExport({ format, documentId: scope === 'document' && openDocument ? openDocument.id : undefined });
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f.id} className="choice">
              <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                <strong>{f.name}</strong>
                <small>{f.description}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What to export</legend>
          <label className="choice">
            <input type="radio" name="scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} />
            <span>
              <strong>The whole library</strong>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="scope"
              disabled={!openDocument}
              checked={scope === 'document'}
              onChange={() => setScope('document')}
            />
            <span>
              <strong>This report only</strong>
              <small>{openDocument ? openDocument.title : 'Open a report to export it alone.'}</small>
            </span>
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Choose file and export…
          </button>
        </div>
      </form>
    </Modal>
  );
}
