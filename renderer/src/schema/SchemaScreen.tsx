// The label schema: labels (name, color, hotkey, order), each label's attributes with their
// types and allowed values, and the relation types. Changes that would touch data ask first;
// the schema can be exported to a file and merged from one.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type AnalysisSchema,
  type AttributeType,
  attributeTypes,
  type Label,
  type LabelAttribute,
  type LabelWithAttributes,
  type SchemaImportOutcome,
} from '../../../shared/schemas/schema';
import { ApiError, call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { ConfirmDialog, DeleteLabelDialog, ImportOutcomeDialog, RenameOptionsDialog, type LabelDeletion } from './dialogs';
import '../components/screens.css';
import './schema.css';

interface SchemaScreenProps {
  /** Called after every change to labels, so the rest of the app shows the new ones. */
  onLabelsChanged(): void;
}

const typeNames: Record<AttributeType, string> = {
  choice: 'One choice',
  multi: 'Several choices',
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
};

const palette = ['#e8590c', '#2f9e44', '#9c36b5', '#1098ad', '#f08c00', '#d6336c', '#5c940d', '#364fc7'];

type Pending =
  | { kind: 'delete-label'; label: Label; inUse: number }
  | { kind: 'rename-options'; attribute: LabelAttribute; options: string[]; renames: Record<string, string>; removed: string[]; message: string }
  | { kind: 'confirm'; title: string; message: string; action: string; run(): Promise<void> }
  | { kind: 'imported'; outcome: SchemaImportOutcome };

export function SchemaScreen({ onLabelsChanged }: SchemaScreenProps) {
  const { notify } = useNotices();
  const [schema, setSchema] = useState<AnalysisSchema | null>(null);
  const [usage, setUsage] = useState<Record<string, number>>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    const [next, docs] = await Promise.all([call('schema.get', {}), call('documents.list', {})]);
    const counts: Record<string, number> = {};
    for (const doc of docs) for (const [id, n] of Object.entries(doc.counts)) counts[id] = (counts[id] ?? 0) + n;
    setSchema(next);
    setUsage(counts);
    setSelectedId((id) => (next.labels.some((l) => l.id === id) ? id : (next.labels[0]?.id ?? null)));
  }, []);

  useEffect(() => {
    reload().catch((error) => notify(messageOf(error), 'error'));
  }, [reload, notify]);

  /** Runs a change, then reloads the schema; errors become notices. Returns whether it worked. */
  const change = useCallback(
    async (work: () => Promise<string | void>, labelsToo = true): Promise<boolean> => {
      try {
        const message = await work();
        if (message) notify(message);
        return true;
      } catch (error) {
        notify(messageOf(error), 'error');
        return false;
      } finally {
        await reload().catch((error) => notify(messageOf(error), 'error'));
        if (labelsToo) onLabelsChanged();
      }
    },
    [notify, reload, onLabelsChanged],
  );

  if (!schema) return <main className="schema-screen" aria-busy="true" />;
  const labels = schema.labels;
  const selected = labels.find((l) => l.id === selectedId) ?? null;
  const labelName = (id: string | null) => (id === null ? 'any label' : (labels.find((l) => l.id === id)?.name ?? id));

  const move = (index: number, by: -1 | 1) => {
    const ids = labels.map((l) => l.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void change(() => call('labels.reorder', { ids }).then(() => undefined)).then(() => {
      // Keep focus on the same arrow of the moved label, if it still has one.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move="${id}:${by}"]:not(:disabled)`)?.focus());
    });
  };

  const deleteLabel = (label: Label, choice: LabelDeletion) =>
    change(async () => {
      const outcome = await call('labels.delete', { id: label.id, ...choice });
      setPending(null);
      if (outcome.annotationsRelabeled) return `Deleted “${label.name}”; ${outcome.annotationsRelabeled} annotations relabeled.`;
      if (outcome.annotationsDeleted) return `Deleted “${label.name}” and ${outcome.annotationsDeleted} annotations.`;
      return `Deleted “${label.name}”.`;
    });

  const saveOptions = async (attribute: LabelAttribute, options: string[], renames: Record<string, string>) => {
    const removed = attribute.options.filter((o) => !options.includes(o) && !(o in renames));
    try {
      await call('attributes.update', { id: attribute.id, options, renameOptions: renames });
      setPending(null);
      notify(`Saved the options of “${attribute.name}”.`);
      await reload();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IN_USE' && removed.length > 0) {
        setPending({ kind: 'rename-options', attribute, options, renames, removed, message: error.message });
      } else {
        notify(messageOf(error), 'error');
      }
      return false;
    }
  };

  const deleteAttribute = (attribute: LabelAttribute) =>
    change(async () => {
      try {
        await call('attributes.delete', { id: attribute.id });
        return `Deleted the attribute “${attribute.name}”.`;
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'IN_USE') throw error;
        setPending({
          kind: 'confirm',
          title: `Delete “${attribute.name}”?`,
          message: error.message.replace(/ Pass discardValues.*$/, ' Deleting the attribute deletes those values.'),
          action: 'Delete attribute and values',
          run: () =>
            change(async () => {
              const outcome = await call('attributes.delete', { id: attribute.id, discardValues: true });
              setPending(null);
              return `Deleted the attribute “${attribute.name}” and ${outcome.valuesDeleted} values.`;
            }, false).then(() => undefined),
        });
      }
    }, false);

  const deleteRelationType = (id: string, name: string) =>
    change(async () => {
      try {
        await call('relationTypes.delete', { id });
        return `Deleted the relation type “${name}”.`;
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'IN_USE') throw error;
        setPending({
          kind: 'confirm',
          title: `Delete “${name}”?`,
          message: error.message.replace(/ Pass deleteRelations.*$/, ' Deleting the type deletes those relations.'),
          action: 'Delete type and relations',
          run: () =>
            change(async () => {
              const outcome = await call('relationTypes.delete', { id, deleteRelations: true });
              setPending(null);
              return `Deleted the relation type “${name}” and ${outcome.relationsDeleted} relations.`;
            }, false).then(() => undefined),
        });
      }
    }, false);

  const exportSchema = () =>
    change(async () => {
      const outcome = await call('schema.exportDialog', {});
      if (outcome.status === 'written') return `Schema saved to ${outcome.path}.`;
    }, false);

  const importSchema = async (file: File) => {
    let json: string;
    try {
      json = await file.text();
    } catch (error) {
      notify(`Could not read ${file.name}: ${messageOf(error)}`, 'error');
      return;
    }
    await change(async () => {
      const outcome = await call('schema.import', { json });
      setPending({ kind: 'imported', outcome });
    });
  };

  return (
    <main className="schema-screen" aria-labelledby="schema-title">
      <header className="screen-head schema-head">
        <div>
          <h1 id="schema-title">Labels &amp; schema</h1>
          <p className="hint">Labels, their hotkeys and attributes, and the types of relation between annotations. Changes apply at once.</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void exportSchema()} title="Save the schema as a JSON file to share with your team">
            Export schema…
          </button>
          <label className="button-like" title="Add the labels, attributes and relation types of a schema file; nothing here is deleted">
            Import schema…
            <input
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              aria-label="Import schema"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importSchema(file);
              }}
            />
          </label>
        </div>
      </header>
      <div className="schema-body">
        <div className="schema-column">
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
                  onSelect={() => setSelectedId(label.id)}
                  onUpdate={(patch, what) => change(() => call('labels.update', { id: label.id, ...patch }).then(() => what))}
                  onMove={(by) => move(index, by)}
                  onDelete={() => setPending({ kind: 'delete-label', label, inUse: usage[label.id] ?? 0 })}
                />
              ))}
            </ol>
            <NewLabelForm
              taken={labels.map((l) => l.hotkey).filter((k): k is string => k !== null)}
              color={palette[labels.length % palette.length]!}
              onAdd={(input) =>
                change(async () => {
                  const created = await call('labels.create', input);
                  setSelectedId(created.id);
                  return `Added the label “${created.name}”.`;
                })
              }
            />
          </section>
          <section className="schema-relations" aria-labelledby="relations-title">
            <h2 id="relations-title">Relation types</h2>
            <ul className="relation-types" aria-label="Relation types">
              {schema.relationTypes.map((type) => (
                <li key={type.id}>
                  <span className="relation-name">{type.name}</span>
                  <span className="relation-ends">
                    {labelName(type.fromLabelId)} → {labelName(type.toLabelId)}
                  </span>
                  <button type="button" className="icon-button" aria-label={`Delete relation type ${type.name}`} onClick={() => void deleteRelationType(type.id, type.name)}>
                    🗑
                  </button>
                </li>
              ))}
            </ul>
            <NewRelationTypeForm
              labels={labels}
              onAdd={(input) =>
                change(async () => {
                  const created = await call('relationTypes.create', input);
                  return `Added the relation type “${created.name}”.`;
                }, false)
              }
            />
          </section>
        </div>
        <section className="schema-attributes" aria-labelledby="attributes-title">
          {selected ? (
            <AttributesPanel
              key={selected.id}
              label={selected}
              onRename={(attribute, name) => change(() => call('attributes.update', { id: attribute.id, name }).then(() => undefined), false)}
              onRetype={(attribute, type) => change(() => call('attributes.update', { id: attribute.id, type }).then(() => undefined), false)}
              onSaveOptions={(attribute, options, renames) => saveOptions(attribute, options, renames)}
              onDelete={(attribute) => void deleteAttribute(attribute)}
              onAdd={(input) =>
                change(async () => {
                  const created = await call('attributes.create', { labelId: selected.id, ...input });
                  return `Added the attribute “${created.name}” to ${selected.name}.`;
                }, false)
              }
            />
          ) : (
            <p className="hint" id="attributes-title">
              Add a label to give it attributes.
            </p>
          )}
        </section>
      </div>
      {pending?.kind === 'delete-label' && (
        <DeleteLabelDialog
          label={pending.label}
          inUse={pending.inUse}
          labels={labels}
          onClose={() => setPending(null)}
          onConfirm={(choice) => void deleteLabel(pending.label, choice)}
        />
      )}
      {pending?.kind === 'rename-options' && (
        <RenameOptionsDialog
          attributeName={pending.attribute.name}
          removed={pending.removed}
          kept={pending.options}
          message={pending.message}
          onClose={() => setPending(null)}
          onConfirm={(renames) => void saveOptions(pending.attribute, pending.options, { ...pending.renames, ...renames })}
        />
      )}
      {pending?.kind === 'confirm' && (
        <ConfirmDialog title={pending.title} message={pending.message} action={pending.action} onClose={() => setPending(null)} onConfirm={() => void pending.run()} />
      )}
      {pending?.kind === 'imported' && <ImportOutcomeDialog outcome={pending.outcome} onClose={() => setPending(null)} />}
    </main>
  );
}

/** A text field that saves when it loses focus or on Enter, and goes back on Escape. */
function CommitInput({
  value,
  onCommit,
  label,
  className,
  maxLength,
}: {
  value: string;
  onCommit(next: string): Promise<unknown> | void;
  label: string;
  className?: string;
  maxLength?: number;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const next = draft.trim();
    if (next === value) return;
    if (!next) return setDraft(value);
    void onCommit(next);
  };
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      value={draft}
      maxLength={maxLength}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape' && draft !== value) {
          event.preventDefault();
          event.stopPropagation();
          setDraft(value);
        }
      }}
    />
  );
}

function LabelRow({
  label,
  index,
  count,
  inUse,
  selected,
  onSelect,
  onUpdate,
  onMove,
  onDelete,
}: {
  label: LabelWithAttributes;
  index: number;
  count: number;
  inUse: number;
  selected: boolean;
  onSelect(): void;
  onUpdate(patch: { name?: string; color?: string; hotkey?: string | null }, what: string): Promise<boolean>;
  onMove(by: -1 | 1): void;
  onDelete(): void;
}) {
  const [color, setColor] = useState(label.color);
  const [hotkey, setHotkey] = useState(label.hotkey ?? '');
  useEffect(() => setColor(label.color), [label.color]);
  useEffect(() => setHotkey(label.hotkey ?? ''), [label.hotkey]);
  // The color picker reports every step of a drag: save once it rests.
  const { id } = label;
  useEffect(() => {
    if (color.toLowerCase() === label.color.toLowerCase()) return;
    const timer = setTimeout(() => void onUpdate({ color }, ''), 350);
    return () => clearTimeout(timer);
  }, [color, label.color, id, onUpdate]);
  return (
    <li className={`label-row${selected ? ' selected' : ''}`} data-label-id={label.id} onFocus={onSelect} onClick={onSelect}>
      <input type="color" className="color-input" value={color} aria-label={`Color of ${label.name}`} onChange={(event) => setColor(event.target.value)} />
      <CommitInput
        className="label-name"
        value={label.name}
        label={`Name of ${label.name}`}
        maxLength={80}
        onCommit={(name) => onUpdate({ name }, `Renamed “${label.name}” to “${name}”.`)}
      />
      <label className="hotkey-field" title="Press this key in a report to tag the selection">
        <span>Key</span>
        <input
          type="text"
          className="hotkey-input"
          value={hotkey}
          maxLength={1}
          aria-label={`Hotkey of ${label.name}`}
          onChange={(event) => {
            const next = event.target.value.slice(-1);
            setHotkey(next);
            if (next !== (label.hotkey ?? '')) {
              void onUpdate({ hotkey: next || null }, next ? `“${label.name}” now has the key ${next}.` : `“${label.name}” has no key now.`).then((ok) => {
                if (!ok) setHotkey(label.hotkey ?? '');
              });
            }
          }}
        />
      </label>
      <span className="label-usage">
        {inUse} {inUse === 1 ? 'use' : 'uses'} · {label.attributes.length} {label.attributes.length === 1 ? 'attribute' : 'attributes'}
      </span>
      <span className="row-buttons">
        <button type="button" className="icon-button plain" aria-label={`Move ${label.name} up`} data-move={`${label.id}:-1`} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon-button plain" aria-label={`Move ${label.name} down`} data-move={`${label.id}:1`} disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="icon-button" aria-label={`Delete label ${label.name}`} onClick={onDelete}>
          🗑
        </button>
      </span>
    </li>
  );
}

function NewLabelForm({ taken, color: suggested, onAdd }: { taken: readonly string[]; color: string; onAdd(input: { name: string; color: string; hotkey: string | null }): Promise<boolean> }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<string | null>(null);
  const [hotkey, setHotkey] = useState('');
  const clash = hotkey !== '' && taken.includes(hotkey);
  return (
    <form
      className="new-row"
      aria-label="New label"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim() || clash) return;
        void onAdd({ name: name.trim(), color: color ?? suggested, hotkey: hotkey || null }).then((ok) => {
          if (!ok) return;
          setName('');
          setHotkey('');
          setColor(null);
        });
      }}
    >
      <input type="color" className="color-input" value={color ?? suggested} aria-label="Color of the new label" onChange={(event) => setColor(event.target.value)} />
      <input type="text" className="label-name" placeholder="New label name" aria-label="New label name" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      <label className="hotkey-field">
        <span>Key</span>
        <input
          type="text"
          className="hotkey-input"
          maxLength={1}
          aria-label="Hotkey of the new label"
          aria-invalid={clash || undefined}
          title={clash ? 'Another label has this key' : 'Optional: a key that tags the selection'}
          value={hotkey}
          onChange={(event) => setHotkey(event.target.value.slice(-1))}
        />
      </label>
      <button type="submit" className="primary" disabled={!name.trim() || clash}>
        Add label
      </button>
    </form>
  );
}

interface OptionDraft {
  /** The option this row started as; null for a new one. */
  original: string | null;
  text: string;
  key: number;
}

let nextOptionKey = 1;
const draftsOf = (options: readonly string[]): OptionDraft[] => options.map((o) => ({ original: o, text: o, key: nextOptionKey++ }));

function AttributesPanel({
  label,
  onRename,
  onRetype,
  onSaveOptions,
  onDelete,
  onAdd,
}: {
  label: LabelWithAttributes;
  onRename(attribute: LabelAttribute, name: string): Promise<boolean>;
  onRetype(attribute: LabelAttribute, type: AttributeType): Promise<boolean>;
  onSaveOptions(attribute: LabelAttribute, options: string[], renames: Record<string, string>): Promise<boolean>;
  onDelete(attribute: LabelAttribute): void;
  onAdd(input: { name: string; type: AttributeType; options?: string[] }): Promise<boolean>;
}) {
  return (
    <>
      <h2 id="attributes-title">
        <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
        Attributes of {label.name}
      </h2>
      {label.attributes.length === 0 && <p className="hint">No attributes yet: add one below, such as a status or a kind.</p>}
      <ul className="attribute-list" aria-label={`Attributes of ${label.name}`}>
        {label.attributes.map((attribute) => (
          <AttributeEditor key={attribute.id} attribute={attribute} onRename={onRename} onRetype={onRetype} onSaveOptions={onSaveOptions} onDelete={onDelete} />
        ))}
      </ul>
      <NewAttributeForm labelName={label.name} onAdd={onAdd} />
    </>
  );
}

function AttributeEditor({
  attribute,
  onRename,
  onRetype,
  onSaveOptions,
  onDelete,
}: {
  attribute: LabelAttribute;
  onRename(attribute: LabelAttribute, name: string): Promise<boolean>;
  onRetype(attribute: LabelAttribute, type: AttributeType): Promise<boolean>;
  onSaveOptions(attribute: LabelAttribute, options: string[], renames: Record<string, string>): Promise<boolean>;
  onDelete(attribute: LabelAttribute): void;
}) {
  const [drafts, setDrafts] = useState<OptionDraft[]>(() => draftsOf(attribute.options));
  const [adding, setAdding] = useState('');
  const optionsKey = attribute.options.join('\u0000');
  useEffect(() => setDrafts(draftsOf(optionsKey ? optionsKey.split('\u0000') : [])), [optionsKey]);
  const hasOptions = attribute.type === 'choice' || attribute.type === 'multi';
  const texts = drafts.map((d) => d.text.trim()).filter(Boolean);
  const changed = texts.join('\u0000') !== optionsKey;
  const duplicate = new Set(texts).size !== texts.length;

  const save = () => {
    const renames: Record<string, string> = {};
    for (const d of drafts) if (d.original !== null && d.text.trim() && d.text.trim() !== d.original) renames[d.original] = d.text.trim();
    void onSaveOptions(attribute, texts, renames);
  };
  const addOption = () => {
    const text = adding.trim();
    if (!text) return;
    setDrafts((list) => [...list, { original: null, text, key: nextOptionKey++ }]);
    setAdding('');
  };

  return (
    <li className="attribute" aria-label={attribute.name}>
      <div className="attribute-head">
        <CommitInput className="attribute-name" value={attribute.name} label={`Name of attribute ${attribute.name}`} maxLength={80} onCommit={(name) => onRename(attribute, name)} />
        <select aria-label={`Type of ${attribute.name}`} value={attribute.type} onChange={(event) => void onRetype(attribute, event.target.value as AttributeType)}>
          {attributeTypes.map((t) => (
            <option key={t} value={t}>
              {typeNames[t]}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={`Delete attribute ${attribute.name}`} onClick={() => onDelete(attribute)}>
          🗑
        </button>
      </div>
      {hasOptions && (
        <div className="options-editor" role="group" aria-label={`Options of ${attribute.name}`}>
          <ul className="option-list">
            {drafts.map((d, i) => (
              <li key={d.key}>
                <input
                  type="text"
                  value={d.text}
                  maxLength={80}
                  aria-label={`Option ${i + 1} of ${attribute.name}`}
                  onChange={(event) => setDrafts((list) => list.map((x) => (x.key === d.key ? { ...x, text: event.target.value } : x)))}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && changed && !duplicate) {
                      event.preventDefault();
                      save();
                    }
                  }}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove option ${d.text || i + 1}`}
                  onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="option-add">
            <input
              type="text"
              value={adding}
              maxLength={80}
              placeholder="New option"
              aria-label={`New option for ${attribute.name}`}
              onChange={(event) => setAdding(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addOption();
                }
              }}
            />
            <button type="button" onClick={addOption} disabled={!adding.trim()}>
              Add option
            </button>
            <span className="spacer" />
            {changed && (
              <button type="button" onClick={() => setDrafts(draftsOf(attribute.options))}>
                Revert
              </button>
            )}
            <button type="button" className="primary" disabled={!changed || duplicate || texts.length === 0} onClick={save} title={duplicate ? 'Two options have the same text' : undefined}>
              Save options
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function NewAttributeForm({ labelName, onAdd }: { labelName: string; onAdd(input: { name: string; type: AttributeType; options?: string[] }): Promise<boolean> }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('choice');
  const [options, setOptions] = useState('');
  const hasOptions = type === 'choice' || type === 'multi';
  const list = options
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const ready = name.trim() !== '' && (!hasOptions || list.length > 0);
  return (
    <form
      className="new-attribute"
      aria-label={`New attribute for ${labelName}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        void onAdd({ name: name.trim(), type, ...(hasOptions ? { options: list } : {}) }).then((ok) => {
          if (!ok) return;
          setName('');
          setOptions('');
        });
      }}
    >
      <h3>Add an attribute</h3>
      <div className="new-attribute-fields">
        <label className="filter-field">
          <span>Name</span>
          <input type="text" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} aria-label="Attribute name" />
        </label>
        <label className="filter-field">
          <span>Type</span>
          <select value={type} onChange={(event) => setType(event.target.value as AttributeType)} aria-label="Attribute type">
            {attributeTypes.map((t) => (
              <option key={t} value={t}>
                {typeNames[t]}
              </option>
            ))}
          </select>
        </label>
        {hasOptions && (
          <label className="filter-field wide">
            <span>Options, separated by commas</span>
            <input type="text" value={options} onChange={(event) => setOptions(event.target.value)} aria-label="Attribute options" placeholder="e.g. low, medium, high" />
          </label>
        )}
        <button type="submit" className="primary" disabled={!ready}>
          Add attribute
        </button>
      </div>
    </form>
  );
}

function NewRelationTypeForm({
  labels,
  onAdd,
}: {
  labels: readonly Label[];
  onAdd(input: { name: string; fromLabelId: string | null; toLabelId: string | null }): Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const options = (
    <>
      <option value="">Any label</option>
      {labels.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </>
  );
  return (
    <form
      className="new-relation"
      aria-label="New relation type"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void onAdd({ name: name.trim(), fromLabelId: from || null, toLabelId: to || null }).then((ok) => {
          if (ok) setName('');
        });
      }}
    >
      <label className="filter-field wide">
        <span>Name</span>
        <input type="text" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} aria-label="Relation type name" placeholder="e.g. contradicts" />
      </label>
      <label className="filter-field">
        <span>From</span>
        <select value={from} onChange={(event) => setFrom(event.target.value)} aria-label="From label">
          {options}
        </select>
      </label>
      <label className="filter-field">
        <span>To</span>
        <select value={to} onChange={(event) => setTo(event.target.value)} aria-label="To label">
          {options}
        </select>
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Add relation type
      </button>
    </form>
  );
}
