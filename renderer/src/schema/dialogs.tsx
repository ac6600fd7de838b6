// Decisions the schema editor asks for before it changes data: what happens to a label's
// annotations, to the values of removed options, and what a schema import did.
import { useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { InUseDetails } from '../../../shared/errors';
import type { SchemaImportOutcome } from '../../../shared/schemas/schema';
import { CloseActions, Modal } from '../components/Modal';
import { inUseText } from './in-use';

export type LabelDeletion = { annotations?: 'delete' | 'relabel'; relabelTo?: string };

export function DeleteLabelDialog({
  label,
  inUse,
  labels,
  onConfirm,
  onClose,
}: {
  label: Label;
  /** Annotations with this label. */
  inUse: number;
  labels: readonly Label[];
  onConfirm(choice: LabelDeletion): void;
  onClose(): void;
}) {
  const others = labels.filter((l) => l.id !== label.id);
  const [mode, setMode] = useState<'relabel' | 'delete'>(others.length > 0 ? 'relabel' : 'delete');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  return (
    <Modal title={`Delete the label “${label.name}”?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (inUse === 0) onConfirm({});
          else onConfirm(mode === 'relabel' ? { annotations: 'relabel', relabelTo: target } : { annotations: 'delete' });
        }}
      >
        {inUse === 0 ? (
          <p>No annotation uses it. Its attributes go with it.</p>
        ) : (
          <fieldset>
            <legend>
              {inUse} {inUse === 1 ? 'annotation uses' : 'annotations use'} it. What should happen to {inUse === 1 ? 'it' : 'them'}?
            </legend>
            <label className="choice">
              <input type="radio" name="label-delete" checked={mode === 'relabel'} disabled={others.length === 0} onChange={() => setMode('relabel')} />
              <span>
                <strong>Relabel them</strong>
                <small>Attribute values move along where the new label has an attribute of the same name and type.</small>
              </span>
            </label>
            <label className="choice-inline">
              <span>New label</span>
              <select value={target} onChange={(event) => setTarget(event.target.value)} disabled={mode !== 'relabel'} aria-label="New label">
                {others.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="choice">
              <input type="radio" name="label-delete" checked={mode === 'delete'} onChange={() => setMode('delete')} />
              <span>
                <strong>Delete them</strong>
                <small>The annotations, their notes, values, relations and places are removed.</small>
              </span>
            </label>
          </fieldset>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger">
            Delete label
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function RenameOptionsDialog({
  attributeName,
  removed,
  kept,
  inUse,
  onConfirm,
  onClose,
}: {
  attributeName: string;
  removed: readonly string[];
  kept: readonly string[];
  /** What still uses the removed options. */
  inUse: InUseDetails;
  onConfirm(renames: Record<string, string>): void;
  onClose(): void;
}) {
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(removed.map((o) => [o, kept[0] ?? ''])));
  return (
    <Modal title={`Options of “${attributeName}” in use`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(choice);
        }}
      >
        <p>{inUseText(inUse)}</p>
        {kept.length === 0 ? (
          <p>Keep at least one option to move the values to.</p>
        ) : (
          <fieldset className="fields">
            <legend>Move the values of each removed option to</legend>
            {removed.map((option) => (
              <label key={option}>
                “{option}” becomes
                <select value={choice[option]} onChange={(event) => setChoice((c) => ({ ...c, [option]: event.target.value }))}>
                  {kept.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={kept.length === 0}>
            Move values and save
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDialog({
  title,
  message,
  action,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  action: string;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <Modal title={title} onClose={onClose}>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {action}
        </button>
      </div>
    </Modal>
  );
}

export function ImportOutcomeDialog({ outcome, onClose }: { outcome: SchemaImportOutcome; onClose(): void }) {
  const sections: [string, string[]][] = [
    ['Labels added', outcome.labelsAdded],
    ['Attributes added', outcome.attributesAdded],
    ['Options added', outcome.optionsAdded],
    ['Relation types added', outcome.relationTypesAdded],
    ['Left as they are here', outcome.conflicts],
  ];
  const nothing = sections.every(([, items]) => items.length === 0);
  return (
    <Modal title="Schema imported" onClose={onClose} className="import-outcome">
      {nothing ? (
        <p>Everything in the file was already here; nothing changed.</p>
      ) : (
        sections
          .filter(([, items]) => items.length > 0)
          .map(([title, items]) => (
            <section key={title}>
              <h3>
                {title} ({items.length})
              </h3>
              <ul>
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ))
      )}
      <CloseActions onClose={onClose} />
    </Modal>
  );
}
