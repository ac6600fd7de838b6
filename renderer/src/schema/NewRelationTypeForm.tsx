import { useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';

export type NewRelationType = { name: string; fromLabelId: string | null; toLabelId: string | null };

export function NewRelationTypeForm({
  labels,
  onAdd,
}: {
  labels: readonly Label[];
  onAdd(input: NewRelationType): Promise<boolean>;
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
      {(
        [
          ['From', from, setFrom],
          ['To', to, setTo],
        ] as const
      ).map(([end, value, setValue]) => (
        <label key={end} className="filter-field">
          <span>{end}</span>
          <select value={value} onChange={(event) => setValue(event.target.value)} aria-label={`${end} label`}>
            {options}
          </select>
        </label>
      ))}
      <button type="submit" className="primary" disabled={!name.trim()}>
        Add relation type
      </button>
    </form>
  );
}
