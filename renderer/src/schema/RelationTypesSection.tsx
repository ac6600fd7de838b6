import type { Label } from '../../../shared/schemas/schema';
import type { RelationType } from '../../../shared/schemas/schema';
import { NewRelationTypeForm, type NewRelationType } from './NewRelationTypeForm';

/** The types of relation between annotations, with the labels they join. */
export function RelationTypesSection({
  relationTypes,
  labels,
  commands,
}: {
  relationTypes: readonly RelationType[];
  labels: readonly Label[];
  commands: { add(input: NewRelationType): Promise<boolean>; remove(id: string, name: string): Promise<boolean> };
}) {
  const labelName = (id: string | null) => (id === null ? 'any label' : (labels.find((l) => l.id === id)?.name ?? id));
  return (
    <section className="schema-relations" aria-labelledby="relations-title">
      <h2 id="relations-title">Relation types</h2>
      <ul className="relation-types" aria-label="Relation types">
        {relationTypes.map((type) => (
          <li key={type.id}>
            <span className="relation-name">{type.name}</span>
            <span className="relation-ends">
              {labelName(type.fromLabelId)} → {labelName(type.toLabelId)}
            </span>
            <button type="button" className="icon-button" aria-label={`Delete relation type ${type.name}`} onClick={() => void commands.remove(type.id, type.name)}>
              🗑
            </button>
          </li>
        ))}
      </ul>
      <NewRelationTypeForm labels={labels} onAdd={commands.add} />
    </section>
  );
}
