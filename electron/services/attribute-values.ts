// Attribute values on annotations: checked against the label's schema before they are stored
// (as JSON), and read back only for attributes of the annotation's current label, so that a
// relabel and its undo keep the values of both labels.
import { AppError } from '../../shared/errors';
import type { AttributeValue, AttributeValues, LabelAttribute } from '../../shared/schemas-analysis';
import type { ServiceContext } from './context';

export function decodeValue(json: string): AttributeValue {
  return JSON.parse(json) as AttributeValue;
}

function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const quoteList = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(', ');

/** Why the value does not fit the attribute, or null when it does. */
export function checkValue(attribute: LabelAttribute, value: unknown): string | null {
  const name = `"${attribute.name}"`;
  switch (attribute.type) {
    case 'choice':
      if (typeof value !== 'string' || !attribute.options.includes(value)) {
        return `${name} must be one of ${quoteList(attribute.options)} (got ${JSON.stringify(value)}).`;
      }
      return null;
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return `${name} takes a list of options from ${quoteList(attribute.options)} (got ${JSON.stringify(value)}).`;
      }
      const bad = (value as string[]).find((v) => !attribute.options.includes(v));
      if (bad !== undefined) return `"${bad}" is not an option of ${name}; options: ${quoteList(attribute.options)}.`;
      if (new Set(value).size !== value.length) return `${name} lists an option twice.`;
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return `${name} takes text (got ${JSON.stringify(value)}).`;
      if (value.length > 10_000) return `${name} takes at most 10,000 characters.`;
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} takes a number (got ${JSON.stringify(value)}).`;
      return null;
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) {
        return `${name} takes a date as YYYY-MM-DD (got ${JSON.stringify(value)}).`;
      }
      return null;
    case 'boolean':
      if (typeof value !== 'boolean') return `${name} takes true or false (got ${JSON.stringify(value)}).`;
      return null;
  }
}

/** Reads a value typed on the command line ("disputed", "a,b", "12", "true") for the attribute. */
export function parseTypedValue(attribute: LabelAttribute, raw: string): AttributeValue | null {
  if (raw === '') return null;
  switch (attribute.type) {
    case 'multi':
      return raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new AppError('INVALID_ARGS', `"${attribute.name}" takes a number (got "${raw}").`);
      return n;
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      throw new AppError('INVALID_ARGS', `"${attribute.name}" takes true or false (got "${raw}").`);
    }
    default:
      return raw;
  }
}

interface AnnotationLabel {
  id: string;
  labelId: string;
}

function annotationLabel(ctx: ServiceContext, annotationId: string): AnnotationLabel {
  const row = ctx.store.db.prepare('SELECT id, label_id AS labelId FROM annotations WHERE id = ?').get(annotationId) as
    | AnnotationLabel
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${annotationId}.`);
  return row;
}

/** The annotation's values for attributes of its current label, keyed by attribute id. */
export function getValues(ctx: ServiceContext, annotationId: string): AttributeValues {
  annotationLabel(ctx, annotationId);
  const rows = ctx.store.db
    .prepare(
      `SELECT aa.attribute_id AS attributeId, aa.value FROM annotation_attributes aa
       JOIN annotations a ON a.id = aa.annotation_id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
       WHERE aa.annotation_id = ? ORDER BY la.position`,
    )
    .all(annotationId) as { attributeId: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.attributeId, decodeValue(r.value)]));
}

/** Every stored value of the annotation, whatever label the attribute belongs to (for undo). */
export function allStoredValues(ctx: ServiceContext, annotationId: string): AttributeValues {
  const rows = ctx.store.db
    .prepare('SELECT attribute_id AS attributeId, value FROM annotation_attributes WHERE annotation_id = ?')
    .all(annotationId) as { attributeId: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.attributeId, decodeValue(r.value)]));
}

/** { annotationId: { attributeId: value } } for the annotations of a document that have values. */
export function valuesForDocument(ctx: ServiceContext, documentId: string): Record<string, AttributeValues> {
  if (!ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
  const rows = ctx.store.db
    .prepare(
      `SELECT aa.annotation_id AS annotationId, aa.attribute_id AS attributeId, aa.value
       FROM annotations a
       JOIN annotation_attributes aa ON aa.annotation_id = a.id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
       WHERE a.document_id = ? ORDER BY a.start, la.position`,
    )
    .all(documentId) as { annotationId: string; attributeId: string; value: string }[];
  const out: Record<string, AttributeValues> = {};
  for (const r of rows) (out[r.annotationId] ??= {})[r.attributeId] = decodeValue(r.value);
  return out;
}

function attributesOfLabel(ctx: ServiceContext, labelId: string): LabelAttribute[] {
  return (
    ctx.store.db
      .prepare('SELECT id, label_id AS labelId, name, type, options, position FROM label_attributes WHERE label_id = ? ORDER BY position, name')
      .all(labelId) as (Omit<LabelAttribute, 'options'> & { options: string })[]
  ).map((r) => ({ ...r, options: JSON.parse(r.options) as string[] }));
}

/**
 * Sets (or with null clears) values keyed by attribute id or name. Every value is checked first;
 * one that does not fit fails the whole call with INVALID_ARGS and nothing is written.
 */
export function setValues(
  ctx: ServiceContext,
  annotationId: string,
  values: Readonly<Record<string, AttributeValue | null>>,
): AttributeValues {
  return ctx.store.transaction(() => {
    const annotation = annotationLabel(ctx, annotationId);
    const attributes = attributesOfLabel(ctx, annotation.labelId);
    const labelName = (ctx.store.db.prepare('SELECT name FROM labels WHERE id = ?').get(annotation.labelId) as { name: string }).name;
    const writes: [LabelAttribute, AttributeValue | null][] = [];
    for (const [key, value] of Object.entries(values)) {
      const attribute =
        attributes.find((a) => a.id === key) ?? attributes.find((a) => a.name.toLowerCase() === key.trim().toLowerCase());
      if (!attribute) {
        const known = attributes.map((a) => `"${a.name}"`).join(', ') || 'none';
        throw new AppError('INVALID_ARGS', `The label "${labelName}" has no attribute "${key}" (its attributes: ${known}).`);
      }
      if (value !== null) {
        const problem = checkValue(attribute, value);
        if (problem) throw new AppError('INVALID_ARGS', problem);
      }
      writes.push([attribute, value]);
    }
    const upsert = ctx.store.db.prepare(
      `INSERT INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT (annotation_id, attribute_id) DO UPDATE SET value = excluded.value`,
    );
    const clear = ctx.store.db.prepare('DELETE FROM annotation_attributes WHERE annotation_id = ? AND attribute_id = ?');
    for (const [attribute, value] of writes) {
      if (value === null) clear.run(annotationId, attribute.id);
      else upsert.run(annotationId, attribute.id, JSON.stringify(value));
    }
    return getValues(ctx, annotationId);
  });
}
