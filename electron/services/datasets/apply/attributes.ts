// With "create labels": the attributes a file's annotations and events use that their labels
// lack, created before anything is written (a boolean when every value is true, else a choice
// of the values the file uses). Values that still do not fit are reported where they are read.
import type { AttributeValue } from '../../../../shared/schemas/schema';
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import type { ServiceContext } from '../../context';
import type { InDataset } from '../model';
import { insertLabelAttribute, nextAttributePosition } from '../../../store/writers/label-attributes';
import { attributeLookup, findLabelId, type LabelIds } from './schema';

/** Most options a created choice attribute keeps (the schema editor's limit). */
const maxOptions = 100;

/**
 * createLabel makes a label the file names but the schema lacks; only labels whose annotations
 * carry values are made here (ahead of placing), the rest as their first annotation is placed.
 */
export function createMissingAttributes(
  ctx: ServiceContext,
  dataset: InDataset,
  labels: LabelIds,
  report: AnnotationImportReport,
  createLabel: (name: string) => string,
): void {
  const existing = attributeLookup(ctx);
  const wanted = new Map<string, { labelId: string; name: string; values: AttributeValue[] }>();
  const want = (label: string, values: Record<string, AttributeValue> | undefined) => {
    if (!values || Object.keys(values).length === 0) return;
    const labelId = findLabelId(labels, label) ?? createLabel(label);
    for (const [name, value] of Object.entries(values)) {
      if (existing(labelId, name)) continue;
      const key = `${labelId}\u0000${name.toLowerCase()}`;
      const entry = wanted.get(key) ?? { labelId, name, values: [] };
      entry.values.push(value);
      wanted.set(key, entry);
    }
  };
  for (const d of dataset.documents) {
    for (const a of d.annotations) want(a.label, a.attributes);
    for (const e of d.linked?.events ?? []) want(e.type, e.attributes);
  }
  for (const { labelId, name, values } of wanted.values()) {
    const declared = dataset.declaredAttributeValues?.get(name) ?? [];
    const boolean = values.every((v) => v === true) && declared.length === 0;
    const options = boolean ? [] : [...new Set([...declared, ...values.filter((v): v is string => typeof v === 'string')])].slice(0, maxOptions);
    insertLabelAttribute(ctx.store.db, { id: ctx.newId(), labelId, name: name.slice(0, 80), type: boolean ? 'boolean' : 'choice', options, position: nextAttributePosition(ctx.store.db, labelId) });
    report.labelsCreated.push(`attribute "${name}"`);
  }
}
