import { useEffect, useState } from 'react';
import type { LabelAttribute } from '../../../shared/schemas/schema';

interface OptionDraft {
  /** The option this row started as; null for a new one. */
  original: string | null;
  text: string;
  key: number;
}

let nextOptionKey = 1;
const draftsOf = (options: readonly string[]): OptionDraft[] => options.map((o) => ({ original: o, text: o, key: nextOptionKey++ }));

/** Rows whose text changed from the option they started as: the values follow them. */
function renamesOf(drafts: readonly OptionDraft[]): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const d of drafts) if (d.original !== null && d.text.trim() && d.text.trim() !== d.original) renames[d.original] = d.text.trim();
  return renames;
}

/** The options of a choice attribute, edited as drafts and saved together. */
export function OptionsEditor({ attribute, onSave }: { attribute: LabelAttribute; onSave(options: string[], renames: Record<string, string>): void }) {
  const [drafts, setDrafts] = useState<OptionDraft[]>(() => draftsOf(attribute.options));
  const [adding, setAdding] = useState('');
  const optionsKey = attribute.options.join('\u0000');
  useEffect(() => setDrafts(draftsOf(optionsKey ? optionsKey.split('\u0000') : [])), [optionsKey]);
  const texts = drafts.map((d) => d.text.trim()).filter(Boolean);
  const changed = texts.join('\u0000') !== optionsKey;
  const duplicate = new Set(texts).size !== texts.length;

  const save = () => onSave(texts, renamesOf(drafts));
  const addOption = () => {
    const text = adding.trim();
    if (!text) return;
    setDrafts((list) => [...list, { original: null, text, key: nextOptionKey++ }]);
    setAdding('');
  };

  return (
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
            <button type="button" className="icon-button" aria-label={`Remove option ${d.text || i + 1}`} onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}>
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
  );
}
