import type { LabelWithAttributes } from '../../../shared/schemas/schema';
import { AttributeEditor, type AttributeCommands } from './AttributeEditor';
import { NewAttributeForm, type NewAttribute } from './NewAttributeForm';

/** The selected label's attributes, each editable, and a form to add one. */
export function AttributesPanel({ label, commands, onAdd }: { label: LabelWithAttributes; commands: AttributeCommands; onAdd(input: NewAttribute): Promise<boolean> }) {
  return (
    <>
      <h2 id="attributes-title">
        <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
        Attributes of {label.name}
      </h2>
      {label.attributes.length === 0 && <p className="hint">No attributes yet: add one below, such as a status or a kind.</p>}
      <ul className="attribute-list" aria-label={`Attributes of ${label.name}`}>
        {label.attributes.map((attribute) => (
          <AttributeEditor key={attribute.id} attribute={attribute} commands={commands} />
        ))}
      </ul>
      <NewAttributeForm labelName={label.name} onAdd={onAdd} />
    </>
  );
}
