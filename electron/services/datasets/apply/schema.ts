// The schema an import needs: the archive's schema merged first, labels found by id or name
// (the missing ones created when asked), attributes by label and name, relation types by id or
// name (created when asked).
import type { LabelAttribute } from '../../../../shared/schemas/schema';
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import type { ServiceContext } from '../../context';
import { importSchema } from '../../schema/schema-file';
import type { InDataset } from '../model';
import { insertLabel, nextLabelPosition } from '../../../store/writers/labels';
import { insertRelationType, nextRelationTypePosition } from '../../../store/writers/relation-types';

const palette = ['#7048e8', '#c2255c', '#0c8599', '#e67700', '#5c940d', '#862e9c', '#1864ab', '#a61e4d'];

function labelRows(ctx: ServiceContext): { id: string; name: string }[] {
  return ctx.store.db.prepare('SELECT id, name FROM labels').all() as { id: string; name: string }[];
}

/** The labels the file uses that the schema lacks, as the file spells them. */
export function missingLabels(ctx: ServiceContext, dataset: InDataset): string[] {
  const known = new Set(labelRows(ctx).flatMap((r) => [r.id, r.name.toLowerCase()]));
  const missing = new Map<string, string>();
  const names = (d: InDataset['documents'][number]) => [...d.annotations.map((a) => a.label), ...(d.linked?.events ?? []).map((e) => e.type)];
  for (const d of dataset.documents) for (const label of names(d)) {
    const key = label.trim().toLowerCase();
    if (!known.has(label) && !known.has(key) && !missing.has(key)) missing.set(key, label.trim());
  }
  return [...missing.values()];
}

/** Merges the archive's schema file, reporting the labels it added and its conflicts. */
export function mergeSchemaFile(ctx: ServiceContext, schemaJson: string | undefined, report: AnnotationImportReport): void {
  if (!schemaJson) return;
  const merged = importSchema(ctx, schemaJson);
  report.labelsCreated.push(...merged.labelsAdded);
  for (const conflict of merged.conflicts) report.conflicts.push(conflict);
}

/** Label ids by id and by lower-case name. */
export type LabelIds = Map<string, string>;

function labelIds(ctx: ServiceContext): LabelIds {
  const ids: LabelIds = new Map();
  for (const l of labelRows(ctx)) {
    ids.set(l.id, l.id);
    ids.set(l.name.toLowerCase(), l.id);
  }
  return ids;
}

/**
 * Every label by id and name, the missing ones reported when they may not be created. When
 * they may, they are created one by one as their first annotation is placed (labelCreator), so
 * an import that places nothing of a label does not add it.
 */
export function resolveLabels(ctx: ServiceContext, dataset: InDataset, createLabels: boolean, report: AnnotationImportReport): LabelIds {
  const missing = missingLabels(ctx, dataset);
  if (missing.length > 0 && !createLabels) report.missingLabels.push(...missing);
  return labelIds(ctx);
}

/** Creates a missing label when its first annotation is placed: adds it to labels, reports it. */
export function labelCreator(ctx: ServiceContext, labels: LabelIds, report: AnnotationImportReport): (name: string) => string {
  let created = 0;
  return (name) => {
    const id = ctx.newId();
    const trimmed = name.trim().slice(0, 80);
    insertLabel(ctx.store.db, { id, name: trimmed, color: palette[created % palette.length]!, hotkey: null, position: nextLabelPosition(ctx.store.db) });
    created += 1;
    labels.set(id, id);
    labels.set(trimmed.toLowerCase(), id);
    labels.set(name.trim().toLowerCase(), id);
    report.labelsCreated.push(trimmed);
    return id;
  };
}

export function findLabelId(labels: LabelIds, name: string): string | undefined {
  return labels.get(name) ?? labels.get(name.trim().toLowerCase());
}

/** Attributes by label id and lower-case name. */
export type AttributeLookup = (labelId: string, name: string) => LabelAttribute | undefined;

export function attributeLookup(ctx: ServiceContext): AttributeLookup {
  const attributes = (
    ctx.store.db.prepare('SELECT id, label_id AS labelId, name, type, options, position FROM label_attributes').all() as (Omit<LabelAttribute, 'options'> & { options: string })[]
  ).map((r) => ({ ...r, options: JSON.parse(r.options) as string[] }));
  const byKey = new Map(attributes.map((a) => [`${a.labelId}\u0000${a.name.toLowerCase()}`, a]));
  return (labelId, name) => byKey.get(`${labelId}\u0000${name.toLowerCase()}`);
}

interface RelationTypeRef {
  id: string;
  name: string;
  fromLabelId: string | null;
  toLabelId: string | null;
}

/** Relation types by id and lower-case name; types created during the import join them. */
export class RelationTypes {
  private readonly byKey = new Map<string, RelationTypeRef>();

  constructor(private readonly ctx: ServiceContext) {
    const rows = ctx.store.db.prepare('SELECT id, name, from_label_id AS fromLabelId, to_label_id AS toLabelId FROM relation_types').all() as RelationTypeRef[];
    for (const t of rows) this.add(t);
  }

  private add(type: RelationTypeRef): void {
    this.byKey.set(type.id, type);
    this.byKey.set(type.name.toLowerCase(), type);
  }

  find(name: string): RelationTypeRef | undefined {
    return this.byKey.get(name) ?? this.byKey.get(name.trim().toLowerCase());
  }

  /** A new type without label constraints, reported as created. */
  create(name: string, report: AnnotationImportReport): RelationTypeRef {
    const type = { id: this.ctx.newId(), name: name.trim().slice(0, 80), fromLabelId: null, toLabelId: null };
    insertRelationType(this.ctx.store.db, { ...type, position: nextRelationTypePosition(this.ctx.store.db) });
    this.add(type);
    report.labelsCreated.push(`relation type "${type.name}"`);
    return type;
  }
}
