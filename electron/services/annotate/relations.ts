// Typed, directed relations between two annotations of the same document (their types are
// the schema's: ../schema/relation-types.ts). Deleting an annotation removes its relations
// (foreign key cascade); annotations.delete returns them so that undo puts them back.
import { AppError } from '../../../shared/errors';
import type { DeletedRelation, NewRelation, Relation } from '../../../shared/schemas/annotate';
import type { RelationType } from '../../../shared/schemas/schema';
import * as relationRows from '../../store/writers/relations';
import { checkSameLayer, checkWritableLayer, layerOf } from '../analysts/layers';
import type { ServiceContext } from '../context';
import { requireRelationType } from '../schema/relation-types';
import { undoSnapshots } from '../undo-snapshots';

const relationColumns = 'id, type_id AS typeId, from_id AS fromId, to_id AS toId, created_at AS createdAt';

function getRelation(ctx: ServiceContext, id: string): Relation {
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

/** Checks a relation before it is written, new or restored; returns its type. */
export function checkRelation(ctx: ServiceContext, input: NewRelation): RelationType {
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
  checkSameLayer(ctx.store.db, input.fromId, input.toId);
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
  if (existing) {
    throw new AppError('DUPLICATE', `"${from.quote.slice(0, 40)}" is already linked to "${to.quote.slice(0, 40)}" by "${type.name}".`);
  }
  return type;
}

export function createRelation(ctx: ServiceContext, input: NewRelation): Relation {
  return ctx.store.transaction(() => {
    const type = checkRelation(ctx, input);
    const id = ctx.newId();
    const layer = layerOf(ctx.store.db, input.fromId);
    if (layer !== null) checkWritableLayer(ctx, layer);
    relationRows.insertRelation(ctx.store.db, { id, typeId: type.id, fromId: input.fromId, toId: input.toId, createdAt: ctx.now() }, ctx.analyst.id);
    return getRelation(ctx, id);
  });
}

/** Deletes the relation; main keeps it, and the token returned puts it back. */
export function deleteRelation(ctx: ServiceContext, id: string): DeletedRelation {
  return ctx.store.transaction(() => {
    const relation = getRelation(ctx, id);
    const layer = layerOf(ctx.store.db, relation.fromId);
    if (layer !== null) checkWritableLayer(ctx, layer);
    relationRows.deleteRelation(ctx.store.db, id);
    return { ...relation, undoToken: undoSnapshots(ctx.store).remember('relation', relation) };
  });
}

/** Undo of a relation's deletion, by token: puts it back with its id and time, checked as a new one. */
export function restoreRelation(ctx: ServiceContext, token: string): Relation {
  const snapshots = undoSnapshots(ctx.store);
  const relation = snapshots.get('relation', token);
  return ctx.store.transaction(() => {
    if (ctx.store.db.prepare('SELECT 1 FROM relations WHERE id = ?').get(relation.id)) {
      throw new AppError('DUPLICATE', `Relation ${relation.id} already exists.`);
    }
    const type = checkRelation(ctx, relation);
    relationRows.insertRelation(ctx.store.db, { ...relation, typeId: type.id }, ctx.analyst.id);
    snapshots.spend(token);
    return getRelation(ctx, relation.id);
  });
}
