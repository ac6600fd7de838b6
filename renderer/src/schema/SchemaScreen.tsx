// The label schema: labels (name, color, hotkey, order), each label's attributes with their
// types and allowed values, and the relation types. Changes that would touch data ask first;
// the schema can be exported to a file and merged from one.
import type { LabelWithAttributes } from '../../../shared/schemas/schema';
import { AttributesPanel } from './AttributesPanel';
import { ConfirmDialog, DeleteLabelDialog, ImportOutcomeDialog, RenameOptionsDialog } from './dialogs';
import { LabelsSection } from './LabelsSection';
import { RelationTypesSection } from './RelationTypesSection';
import { EventTypesSection } from './EventTypesSection';
import { useSchemaEditor } from './useSchemaEditor';
import '../components/screens.css';
import './schema.css';

interface SchemaScreenProps {
  /** Called after every change to labels, so the rest of the app shows the new ones. */
  onLabelsChanged(): void;
}

export function SchemaScreen({ onLabelsChanged }: SchemaScreenProps) {
  const editor = useSchemaEditor(onLabelsChanged);
  const { schema, selectedId } = editor;
  if (!schema) return <main className="schema-screen" aria-busy="true" />;
  const labels = schema.labels;
  const selected = labels.find((l) => l.id === selectedId) ?? null;

  return (
    <main className="schema-screen" aria-labelledby="schema-title">
      <SchemaHead onExport={() => void editor.exportSchema()} onImport={(file) => void editor.importSchema(file)} />
      <div className="schema-body">
        <div className="schema-column">
          <LabelsSection
            labels={labels}
            usage={editor.usage}
            selectedId={selectedId}
            onSelect={editor.select}
            onAskDelete={(label, inUse) => editor.ask({ kind: 'delete-label', label, inUse })}
            commands={editor.labelCommands}
          />
          <RelationTypesSection relationTypes={schema.relationTypes} labels={labels} commands={editor.relationTypeCommands} />
          <EventTypesSection labels={labels} />
        </div>
        <section className="schema-attributes" aria-labelledby="attributes-title">
          {selected ? (
            <AttributesPanel key={selected.id} label={selected} commands={editor.attributeCommands} onAdd={(input) => editor.addAttribute(selected, input)} />
          ) : (
            <p className="hint" id="attributes-title">
              Add a label to give it attributes.
            </p>
          )}
        </section>
      </div>
      <PendingDialog editor={editor} labels={labels} />
    </main>
  );
}

function SchemaHead({ onExport, onImport }: { onExport(): void; onImport(file: File): void }) {
  return (
    <header className="screen-head schema-head">
      <div>
        <h1 id="schema-title">Labels &amp; schema</h1>
        <p className="hint">Labels, their hotkeys and attributes, and the types of relation between annotations. Changes apply at once.</p>
      </div>
      <div className="actions">
        <button type="button" onClick={onExport} title="Save the schema as a JSON file to share with your team">
          Export schema…
        </button>
        <label className="button-like" title="Add the labels, attributes and relation types of a schema file; nothing here is deleted">
          Import schema…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label="Import schema"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
      </div>
    </header>
  );
}

/** The question or report the editor is waiting on, if any. */
function PendingDialog({ editor, labels }: { editor: ReturnType<typeof useSchemaEditor>; labels: readonly LabelWithAttributes[] }) {
  const { pending, closePending } = editor;
  switch (pending?.kind) {
    case 'delete-label':
      return (
        <DeleteLabelDialog
          label={pending.label}
          inUse={pending.inUse}
          labels={labels}
          onClose={closePending}
          onConfirm={(choice) => void editor.labelCommands.remove(pending.label, choice)}
        />
      );
    case 'rename-options':
      return (
        <RenameOptionsDialog
          attributeName={pending.attribute.name}
          removed={pending.removed}
          kept={pending.options}
          inUse={pending.inUse}
          onClose={closePending}
          onConfirm={(renames) => void editor.attributeCommands.saveOptions(pending.attribute, pending.options, { ...pending.renames, ...renames })}
        />
      );
    case 'confirm':
      return <ConfirmDialog title={pending.title} message={pending.message} action={pending.action} onClose={closePending} onConfirm={() => void pending.run()} />;
    case 'imported':
      return <ImportOutcomeDialog outcome={pending.outcome} onClose={closePending} />;
    default:
      return null;
  }
}
