import type { AttributeValue, AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';

interface AttributeFieldsProps {
  attributes: readonly LabelAttribute[];
  values: AttributeValues | undefined;
  disabled: boolean;
  onChange(attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null): void;
}

/** One control per attribute of the annotation's label, typed as the schema says. */
export function AttributeFields({ attributes, values, disabled, onChange }: AttributeFieldsProps) {
  if (attributes.length === 0) return null;
  return (
    <div className="card-attrs">
      {attributes.map((attribute) => (
        <AttributeField
          // Remounted when the stored value changes (an undo), so uncontrolled fields show it.
          key={`${attribute.id}:${JSON.stringify(values?.[attribute.id] ?? null)}`}
          attribute={attribute}
          value={values?.[attribute.id] ?? null}
          disabled={disabled}
          onChange={(value) => onChange(attribute, value, values?.[attribute.id] ?? null)}
        />
      ))}
    </div>
  );
}

function AttributeField({
  attribute,
  value,
  disabled,
  onChange,
}: {
  attribute: LabelAttribute;
  value: AttributeValue | null;
  disabled: boolean;
  onChange(value: AttributeValue | null): void;
}) {
  const label = <span className="card-attr-name">{attribute.name}</span>;
  switch (attribute.type) {
    case 'choice':
      return (
        <label className="card-attr">
          {label}
          <select disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">—</option>
            {attribute.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="card-attr multi">
          <legend className="card-attr-name">{attribute.name}</legend>
          {attribute.options.map((option) => (
            <label key={option} className="chip-check">
              <input
                type="checkbox"
                disabled={disabled}
                checked={chosen.includes(option)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option);
                  onChange(next.length ? attribute.options.filter((o) => next.includes(o)) : null);
                }}
              />
              {option}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <label className="card-attr inline">
          <input type="checkbox" disabled={disabled} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
      );
    case 'number':
      return (
        <label className="card-attr">
          {label}
          <input
            type="number"
            disabled={disabled}
            defaultValue={typeof value === 'number' ? value : ''}
            onBlur={(e) => {
              const next = e.target.value === '' ? null : Number(e.target.value);
              if (next !== value && (next === null || Number.isFinite(next))) onChange(next);
            }}
          />
        </label>
      );
    case 'date':
      return (
        <label className="card-attr">
          {label}
          <input type="date" disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)} />
        </label>
      );
    case 'text':
      return (
        <label className="card-attr">
          {label}
          <input
            type="text"
            disabled={disabled}
            defaultValue={typeof value === 'string' ? value : ''}
            onBlur={(e) => {
              const next = e.target.value.trim() || null;
              if (next !== value) onChange(next);
            }}
          />
        </label>
      );
  }
}
