// The whole schema, and the file a team shares: labels with their attributes, and relation types, by name.
// Importing merges by name and never deletes or changes what is there: missing labels,
// attributes, options and relation types are added; differences are reported as conflicts.
import { AppError } from '../../../shared/errors';
import {
  SchemaFile,
  schemaFileVersion,
  type AnalysisSchema,
  type SchemaExportOutcome,
  type SchemaImportOutcome,
} from '../../../shared/schemas/schema';
import * as attributeRows from '../../store/writers/label-attributes';
import * as labelRows from '../../store/writers/labels';
import * as typeRows from '../../store/writers/relation-types';
import { writeFileAtomic } from '../atomic-write';
import { resolveFileTarget } from '../export-target/resolve';
import type { ServiceContext } from '../context';
import { listAttributes } from './attributes';
import { findLabelByName, labelWithHotkey, listLabels } from './labels';
import { listRelationTypes } from './relation-types';

/** Labels with their attributes, and the relation types: everything a schema editor shows. */
export function getSchema(ctx: ServiceContext): AnalysisSchema {
  const attributes = listAttributes(ctx);
  return {
    labels: listLabels(ctx).map((l) => ({ ...l, attributes: attributes.filter((a) => a.labelId === l.id) })),
    relationTypes: listRelationTypes(ctx),
  };
}

export function exportSchema(ctx: ServiceContext): SchemaFile {
  const labels = listLabels(ctx);
  const attributes = listAttributes(ctx);
  const labelName = new Map(labels.map((l) => [l.id, l.name]));
  return {
    glossaSchema: schemaFileVersion,
    exportedAt: ctx.now(),
    labels: labels.map((l) => ({
      name: l.name,
      color: l.color,
      hotkey: l.hotkey,
      attributes: attributes
        .filter((a) => a.labelId === l.id)
        .map((a) => (a.type === 'choice' || a.type === 'multi' ? { name: a.name, type: a.type, options: a.options } : { name: a.name, type: a.type })),
    })),
    relationTypes: listRelationTypes(ctx).map((t) => ({
      name: t.name,
      from: t.fromLabelId ? (labelName.get(t.fromLabelId) ?? null) : null,
      to: t.toLabelId ? (labelName.get(t.toLabelId) ?? null) : null,
    })),
  };
}

export function schemaJson(ctx: ServiceContext): string {
  return JSON.stringify(exportSchema(ctx), null, 2) + '\n';
}

export async function exportSchemaWithDialog(ctx: ServiceContext): Promise<SchemaExportOutcome> {
  const target = await ctx.dialogs.chooseExportPath(`glossa-schema-${ctx.now().slice(0, 10)}.json`, 'json');
  if (target === null) return { status: 'cancelled' };
  writeFileAtomic(resolveFileTarget(ctx.store.path, target), [schemaJson(ctx)]);
  return { status: 'written', path: target };
}

/** Reads and checks a schema file's text; throws INVALID_ARGS or SCHEMA_TOO_NEW saying why. */
function parseSchemaFile(json: string): SchemaFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('INVALID_ARGS', `The schema file is not valid JSON (${(error as Error).message}). Nothing was changed.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AppError('INVALID_ARGS', 'The schema file must hold a JSON object with "glossaSchema" and "labels". Nothing was changed.');
  }
  const version = (raw as { glossaSchema?: unknown }).glossaSchema;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      'INVALID_ARGS',
      'This is not a Glossa schema file: it has no "glossaSchema" version number. Nothing was changed.',
    );
  }
  if (version > schemaFileVersion) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This schema file was written by a newer version of Glossa (schema file version ${version}; ` +
        `this version reads up to ${schemaFileVersion}). Update Glossa to import it. Nothing was changed.`,
    );
  }
  const parsed = SchemaFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : 'file'}: ${i.message}`)
      .join('; ');
    throw new AppError('INVALID_ARGS', `The schema file is malformed (${issues}). Nothing was changed.`);
  }
  const file = parsed.data;
  const seen = new Set<string>();
  for (const label of file.labels) {
    const key = label.name.trim().toLowerCase();
    if (seen.has(key)) throw new AppError('INVALID_ARGS', `The schema file lists the label "${label.name}" twice. Nothing was changed.`);
    seen.add(key);
    const attributeNames = new Set<string>();
    for (const attribute of label.attributes ?? []) {
      const name = attribute.name.trim().toLowerCase();
      if (attributeNames.has(name)) {
        throw new AppError('INVALID_ARGS', `The schema file lists the attribute "${attribute.name}" of "${label.name}" twice. Nothing was changed.`);
      }
      attributeNames.add(name);
      const many = attribute.type === 'choice' || attribute.type === 'multi';
      if (many && (attribute.options ?? []).length === 0) {
        throw new AppError('INVALID_ARGS', `The ${attribute.type} attribute "${attribute.name}" of "${label.name}" has no options. Nothing was changed.`);
      }
      if (!many && (attribute.options ?? []).length > 0) {
        throw new AppError('INVALID_ARGS', `The ${attribute.type} attribute "${attribute.name}" of "${label.name}" cannot have options. Nothing was changed.`);
      }
    }
  }
  return file;
}

export function importSchema(ctx: ServiceContext, json: string): SchemaImportOutcome {
  const file = parseSchemaFile(json);
  return ctx.store.transaction(() => {
    const db = ctx.store.db;
    const outcome: SchemaImportOutcome = {
      labelsAdded: [],
      attributesAdded: [],
      optionsAdded: [],
      relationTypesAdded: [],
      conflicts: [],
    };
    const labelByName = (name: string) => findLabelByName(ctx, name);
    for (const label of file.labels) {
      let existing = labelByName(label.name);
      if (!existing) {
        let hotkey = label.hotkey ?? null;
        if (hotkey !== null && labelWithHotkey(ctx, hotkey)) {
          outcome.conflicts.push(`The hotkey "${hotkey}" of "${label.name}" already tags another label; "${label.name}" has none.`);
          hotkey = null;
        }
        labelRows.insertLabel(db, {
          id: ctx.newId(),
          name: label.name.trim(),
          color: label.color.toLowerCase(),
          hotkey,
          position: labelRows.nextLabelPosition(db),
        });
        outcome.labelsAdded.push(label.name.trim());
        existing = labelByName(label.name)!;
      }
      const have = listAttributes(ctx, existing.id);
      for (const attribute of label.attributes ?? []) {
        const name = attribute.name.trim();
        const current = have.find((a) => a.name.toLowerCase() === name.toLowerCase());
        const options = (attribute.options ?? []).map((o) => o.trim());
        if (!current) {
          attributeRows.insertLabelAttribute(db, {
            id: ctx.newId(),
            labelId: existing.id,
            name,
            type: attribute.type,
            options: [...new Set(options)],
            position: attributeRows.nextAttributePosition(db, existing.id),
          });
          outcome.attributesAdded.push(`${existing.name}.${name}`);
          continue;
        }
        if (current.type !== attribute.type) {
          outcome.conflicts.push(
            `"${existing.name}.${current.name}" is ${current.type} here and ${attribute.type} in the file; it was left as it is.`,
          );
          continue;
        }
        const missing = options.filter((o) => !current.options.some((c) => c.toLowerCase() === o.toLowerCase()));
        if (missing.length > 0) {
          attributeRows.setAttributeOptions(db, current.id, [...current.options, ...new Set(missing)]);
          for (const o of new Set(missing)) outcome.optionsAdded.push(`${existing.name}.${current.name}: ${o}`);
        }
      }
    }
    const types = listRelationTypes(ctx);
    for (const type of file.relationTypes ?? []) {
      const name = type.name.trim();
      const from = type.from ? labelByName(type.from) : undefined;
      const to = type.to ? labelByName(type.to) : undefined;
      const current = types.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (current) {
        if ((current.fromLabelId ?? null) !== (from?.id ?? null) || (current.toLabelId ?? null) !== (to?.id ?? null)) {
          outcome.conflicts.push(`The relation type "${current.name}" links other labels here; it was left as it is.`);
        }
        continue;
      }
      if (type.from && !from) outcome.conflicts.push(`"${name}" starts at the label "${type.from}", which is not here; it starts at any label.`);
      if (type.to && !to) outcome.conflicts.push(`"${name}" ends at the label "${type.to}", which is not here; it ends at any label.`);
      typeRows.insertRelationType(db, {
        id: ctx.newId(),
        name,
        fromLabelId: from?.id ?? null,
        toLabelId: to?.id ?? null,
        position: typeRows.nextRelationTypePosition(db),
      });
      outcome.relationTypesAdded.push(name);
    }
    return outcome;
  });
}
