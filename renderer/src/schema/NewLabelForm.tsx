import { useState } from 'react';

export type NewLabel = { name: string; color: string; hotkey: string | null };

export function NewLabelForm({ taken, color: suggested, onAdd }: { taken: readonly string[]; color: string; onAdd(input: NewLabel): Promise<boolean> }) {
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
