// Relation types: the kinds of link between two annotations ("attributed to", "located at",
// and types the analyst adds), each optionally limited to a label at either end.
import { AppError } from '../../../shared/errors';
import type { NewRelationType, RelationType } from '../../../shared/schemas/schema';
import * as typeRows from '../../store/writers/relation-types';
import * as relationRows from '../../store/writers/relations';
import type { ServiceContext } from '../context';
import { getLabel } from './labels';

const typeColumns = 'id, name, from_label_id AS fromLabelId, to_label_id AS toLabelId, position';

export function listRelationTypes(ctx: ServiceContext): RelationType[] {
  return ctx.store.db.prepare(`SELECT ${typeColumns} FROM relation_types ORDER BY position, name`).all() as RelationType[];
}

/** By id, or by name (case-insensitive), as the CLI lets users type either. */
export function findRelationType(ctx: ServiceContext, idOrName: string): RelationType | undefined {
  return ctx.store.db
    .prepare(`SELECT ${typeColumns} FROM relation_types WHERE id = ? OR name = ? COLLATE NOCASE ORDER BY id = ? DESC`)
    .get(idOrName, idOrName.trim(), idOrName) as RelationType | undefined;
}

export function requireRelationType(ctx: ServiceContext, idOrName: string): RelationType {
  const type = findRelationType(ctx, idOrName);
  if (!type) {
    const known = listRelationTypes(ctx).map((t) => `"${t.name}"`).join(', ') || 'none';
    throw new AppError('NOT_FOUND', `No relation type "${idOrName}" (types: ${known}).`);
  }
  return type;
}

export function createRelationType(ctx: ServiceContext, input: NewRelationType): RelationType {
  return ctx.store.transaction(() => {
    const name = input.name.trim();
    const other = ctx.store.db.prepare('SELECT name FROM relation_types WHERE name = ? COLLATE NOCASE').get(name) as
      | { name: string }
      | undefined;
    if (other) throw new AppError('DUPLICATE', `There is already a relation type "${other.name}".`, { name: other.name });
    if (input.fromLabelId) getLabel(ctx, input.fromLabelId);
    if (input.toLabelId) getLabel(ctx, input.toLabelId);
    const id = ctx.newId();
    const db = ctx.store.db;
    typeRows.insertRelationType(db, {
      id,
      name,
      fromLabelId: input.fromLabelId ?? null,
      toLabelId: input.toLabelId ?? null,
      position: typeRows.nextRelationTypePosition(db),
    });
    return requireRelationType(ctx, id);
  });
}

export function deleteRelationType(
  ctx: ServiceContext,
  id: string,
  deleteRelations: boolean,
): { deleted: RelationType; relationsDeleted: number } {
  return ctx.store.transaction(() => {
    const type = ctx.store.db.prepare(`SELECT ${typeColumns} FROM relation_types WHERE id = ?`).get(id) as
      | RelationType
      | undefined;
    if (!type) throw new AppError('NOT_FOUND', `No relation type with id ${id}.`);
    const { n } = ctx.store.db.prepare('SELECT count(*) AS n FROM relations WHERE type_id = ?').get(id) as { n: number };
    if (n > 0 && !deleteRelations) {
      throw new AppError(
        'IN_USE',
        `${n} relation${n === 1 ? ' is' : 's are'} of type "${type.name}". Pass deleteRelations: true to delete the type and them.`,
        { count: n, what: 'type-relations', name: type.name },
      );
    }
    relationRows.deleteRelationsOfType(ctx.store.db, id);
    typeRows.deleteRelationType(ctx.store.db, id);
    return { deleted: type, relationsDeleted: n };
  });
}
