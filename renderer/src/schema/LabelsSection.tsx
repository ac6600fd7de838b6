import type { Label } from '../../../shared/schemas/schema';
import type { LabelWithAttributes } from '../../../shared/schemas/schema';
import type { LabelDeletion } from './dialogs';
import { LabelRow, type LabelPatch } from './LabelRow';
import { NewLabelForm, type NewLabel } from './NewLabelForm';

const palette = ['#e8590c', '#2f9e44', '#9c36b5', '#1098ad', '#f08c00', '#d6336c', '#5c940d', '#364fc7'];

export interface LabelCommands {
  move(index: number, by: -1 | 1): void;
  update(id: string, patch: LabelPatch, what: string): Promise<boolean>;
  add(input: NewLabel): Promise<boolean>;
  remove(label: Label, choice: LabelDeletion): Promise<boolean>;
}

/** The labels in order, each editable in place, and a form to add one. */
export function LabelsSection({
  labels,
  usage,
  selectedId,
  onSelect,
  onAskDelete,
  commands,
}: {
  labels: readonly LabelWithAttributes[];
  usage: Record<string, number>;
  selectedId: string | null;
  onSelect(id: string): void;
  onAskDelete(label: Label, inUse: number): void;
  commands: LabelCommands;
}) {
  return (
    <section className="schema-labels" aria-labelledby="labels-title">
      <h2 id="labels-title">Labels</h2>
      <ol className="label-rows" aria-label="Labels">
        {labels.map((label, index) => (
          <LabelRow
            key={label.id}
            label={label}
            index={index}
            count={labels.length}
            inUse={usage[label.id] ?? 0}
            selected={label.id === selectedId}
            onSelect={() => onSelect(label.id)}
            onUpdate={(patch, what) => commands.update(label.id, patch, what)}
            onMove={(by) => commands.move(index, by)}
            onDelete={() => onAskDelete(label, usage[label.id] ?? 0)}
          />
        ))}
      </ol>
      <NewLabelForm taken={labels.map((l) => l.hotkey).filter((k): k is string => k !== null)} color={palette[labels.length % palette.length]!} onAdd={commands.add} />
    </section>
  );
}
