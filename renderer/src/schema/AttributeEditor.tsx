import { attributeTypes, type AttributeType, type LabelAttribute } from '../../../shared/schemas/schema';
import { attributeTypeNames, hasOptions } from './attribute-types';
import { CommitInput } from './CommitInput';
import { OptionsEditor } from './OptionsEditor';

/** What the schema editor can do to an existing attribute; each resolves to whether it worked. */
export interface AttributeCommands {
  rename(attribute: LabelAttribute, name: string): Promise<boolean>;
  retype(attribute: LabelAttribute, type: AttributeType): Promise<boolean>;
  saveOptions(attribute: LabelAttribute, options: string[], renames: Record<string, string>): Promise<boolean>;
  remove(attribute: LabelAttribute): void;
}

export function AttributeEditor({ attribute, commands }: { attribute: LabelAttribute; commands: AttributeCommands }) {
  return (
    <li className="attribute" aria-label={attribute.name}>
      <div className="attribute-head">
        <CommitInput
          className="attribute-name"
          value={attribute.name}
          label={`Name of attribute ${attribute.name}`}
          maxLength={80}
          onCommit={(name) => commands.rename(attribute, name)}
        />
        <select aria-label={`Type of ${attribute.name}`} value={attribute.type} onChange={(event) => void commands.retype(attribute, event.target.value as AttributeType)}>
          {attributeTypes.map((t) => (
            <option key={t} value={t}>
              {attributeTypeNames[t]}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={`Delete attribute ${attribute.name}`} onClick={() => commands.remove(attribute)}>
          🗑
        </button>
      </div>
      {hasOptions(attribute.type) && (
        <OptionsEditor attribute={attribute} onSave={(options, renames) => void commands.saveOptions(attribute, options, renames)} />
      )}
    </li>
  );
}
