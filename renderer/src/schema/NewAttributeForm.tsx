import { useState } from 'react';
import { attributeTypes, type AttributeType } from '../../../shared/schemas/schema';
import { attributeTypeNames, hasOptions as typeHasOptions } from './attribute-types';

export type NewAttribute = { name: string; type: AttributeType; options?: string[] };

export function NewAttributeForm({ labelName, onAdd }: { labelName: string; onAdd(input: NewAttribute): Promise<boolean> }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('choice');
  const [options, setOptions] = useState('');
  const hasOptions = typeHasOptions(type);
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
                {attributeTypeNames[t]}
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
