import { useEffect, useState } from 'react';
import type { LabelWithAttributes } from '../../../shared/schemas/schema';
import { CommitInput } from './CommitInput';

export type LabelPatch = { name?: string; color?: string; hotkey?: string | null };

/** One label: color, name, hotkey, usage, and buttons to move or delete it. */
export function LabelRow({
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
  onUpdate(patch: LabelPatch, what: string): Promise<boolean>;
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
