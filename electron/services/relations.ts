// Typed, directed relations between two annotations of the same document ("attributed to",
// "located at", and types the analyst adds). Deleting an annotation removes its relations
// (foreign key cascade); annotations.delete returns them so that undo puts them back.
import { AppError } from '../../shared/errors';
import type { NewRelation, NewRelationType, Relation, RelationType } from '../../shared/schemas-analysis';
import type { ServiceContext } from './context';

const typeColumns = 'id, name, from_label_id AS fromLabelId, to_label_id AS toLabelId, position';
const relationColumns = 'id, type_id AS typeId, from_id AS fromId, to_id AS toId, created_at AS createdAt';

export function listRelationTypes(ctx: ServiceContext): RelationType[] {
  return ctx.store.db.prepare(`SELECT ${typeColumns} FROM relation_types ORDER BY position, name`).all() as RelationType[];
}

/** By id, or by name (case-insensitive), as the CLI lets users type either. */
export function findRelationType(ctx: ServiceContext, idOrName: string): RelationType | undefined {
  return ctx.store.db
    .prepare(`SELECT ${typeColumns} FROM relation_types WHERE id = ? OR name = ? COLLATE NOCASE ORDER BY id = ? DESC`)
    .get(idOrName, idOrName.trim(), idOrName) as RelationType | undefined;
}

function requireRelationType(ctx: ServiceContext, idOrName: string): RelationType {
  const type = findRelationType(ctx, idOrName);
  if (!type) {
    const known = listRelationTypes(ctx).map((t) => `"${t.name}"`).join(', ') || 'none';
    throw new AppError('NOT_FOUND', `No relation type "${idOrName}" (types: ${known}).`);
  }
  return type;
}

function assertLabel(ctx: ServiceContext, labelId: string | null | undefined): void {
  if (labelId && !ctx.store.db.prepare('SELECT 1 FROM labels WHERE id = ?').get(labelId)) {
    throw new AppError('NOT_FOUND', `No label with id ${labelId}.`);
  }
}

export function createRelationType(ctx: ServiceContext, input: NewRelationType): RelationType {
  return ctx.store.transaction(() => {
    const name = input.name.trim();
    const other = ctx.store.db.prepare('SELECT name FROM relation_types WHERE name = ? COLLATE NOCASE').get(name) as
      | { name: string }
      | undefined;
    if (other) throw new AppError('DUPLICATE', `There is already a relation type "${other.name}".`, { name: other.name });
    assertLabel(ctx, input.fromLabelId);
    assertLabel(ctx, input.toLabelId);
    const { next } = ctx.store.db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM relation_types').get() as {
      next: number;
    };
    const id = ctx.newId();
    ctx.store.db
      .prepare('INSERT INTO relation_types (id, name, from_label_id, to_label_id, position) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, input.fromLabelId ?? null, input.toLabelId ?? null, next);
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
    ctx.store.db.prepare('DELETE FROM relations WHERE type_id = ?').run(id);
    ctx.store.db.prepare('DELETE FROM relation_types WHERE id = ?').run(id);
    return { deleted: type, relationsDeleted: n };
  });
}

export function getRelation(ctx: ServiceContext, id: string): Relation {
  const row = ctx.store.db.prepare(`SELECT ${relationColumns} FROM relations WHERE id = ?`).get(id) as Relation | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No relation with id ${id}.`);
  return row;
}

export function listRelationsForDocument(ctx: ServiceContext, documentId: string): Relation[] {
  if (!ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
  return ctx.store.db
    .prepare(
      `SELECT r.id, r.type_id AS typeId, r.from_id AS fromId, r.to_id AS toId, r.created_at AS createdAt
       FROM relations r JOIN annotations a ON a.id = r.from_id
       WHERE a.document_id = ? ORDER BY r.created_at, r.rowid`,
    )
    .all(documentId) as Relation[];
}

/** Relations from or to the annotation. */
export function relationsOf(ctx: ServiceContext, annotationId: string): Relation[] {
  return ctx.store.db
    .prepare(`SELECT ${relationColumns} FROM relations WHERE from_id = ? OR to_id = ? ORDER BY created_at, rowid`)
    .all(annotationId, annotationId) as Relation[];
}

interface Endpoint {
  id: string;
  documentId: string;
  labelId: string;
  labelName: string;
  quote: string;
}

function endpoint(ctx: ServiceContext, id: string): Endpoint {
  const row = ctx.store.db
    .prepare(
      `SELECT a.id, a.document_id AS documentId, a.label_id AS labelId, l.name AS labelName, a.quote
       FROM annotations a JOIN labels l ON l.id = a.label_id WHERE a.id = ?`,
    )
    .get(id) as Endpoint | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${id}.`);
  return row;
}

function labelName(ctx: ServiceContext, id: string): string {
  return (ctx.store.db.prepare('SELECT name FROM labels WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id;
}

/** Checks a relation before it is written; returns its type. */
function checkRelation(ctx: ServiceContext, input: NewRelation): RelationType {
  const type = requireRelationType(ctx, input.typeId);
  if (input.fromId === input.toId) throw new AppError('INVALID_ARGS', 'A relation links two different annotations, not one to itself.');
  const from = endpoint(ctx, input.fromId);
  const to = endpoint(ctx, input.toId);
  if (from.documentId !== to.documentId) {
    throw new AppError(
      'INVALID_ARGS',
      `Relations link annotations of the same document; "${from.quote.slice(0, 40)}" and "${to.quote.slice(0, 40)}" are in different documents.`,
    );
  }
  if (type.fromLabelId && from.labelId !== type.fromLabelId) {
    throw new AppError(
      'INVALID_ARGS',
      `"${type.name}" goes from a ${labelName(ctx, type.fromLabelId)} annotation; "${from.quote.slice(0, 40)}" is a ${from.labelName}.`,
    );
  }
  if (type.toLabelId && to.labelId !== type.toLabelId) {
    throw new AppError(
      'INVALID_ARGS',
      `"${type.name}" goes to a ${labelName(ctx, type.toLabelId)} annotation; "${to.quote.slice(0, 40)}" is a ${to.labelName}.`,
    );
  }
  const existing = ctx.store.db
    .prepare('SELECT id FROM relations WHERE type_id = ? AND from_id = ? AND to_id = ?')
    .get(type.id, input.fromId, input.toId) as { id: string } | undefined;
  if (existing) throw new AppError('DUPLICATE', `These annotations are already linked by "${type.name}" (relation ${existing.id}).`);
  return type;
}

export function createRelation(ctx: ServiceContext, input: NewRelation): Relation {
  return ctx.store.transaction(() => {
    const type = checkRelation(ctx, input);
    const id = ctx.newId();
    ctx.store.db
      .prepare('INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, type.id, input.fromId, input.toId, ctx.now());
    return getRelation(ctx, id);
  });
}

export function deleteRelation(ctx: ServiceContext, id: string): Relation {
  return ctx.store.transaction(() => {
    const relation = getRelation(ctx, id);
    ctx.store.db.prepare('DELETE FROM relations WHERE id = ?').run(id);
    return relation;
  });
}

/** Puts back a relation deleted earlier (undo), with its id and time. */
export function restoreRelation(ctx: ServiceContext, relation: Relation): Relation {
  return ctx.store.transaction(() => {
    if (ctx.store.db.prepare('SELECT 1 FROM relations WHERE id = ?').get(relation.id)) {
      throw new AppError('DUPLICATE', `Relation ${relation.id} already exists.`);
    }
    const type = checkRelation(ctx, relation);
    ctx.store.db
      .prepare('INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(relation.id, type.id, relation.fromId, relation.toId, relation.createdAt);
    return getRelation(ctx, relation.id);
  });
}
