// What a simulated analyst does between syncs: one random write through the real services, the way
// the app makes it (so the writers capture it into the outbox as they would for a person). Writes
// that the store refuses (a span on a report deleted meanwhile, a label name taken) are part of the
// simulation too: they must change nothing, on any replica.
import type { AttributeValue, LabelAttribute } from '../../../../shared/schemas/schema';
import type { ServiceContext } from '../../../../electron/services/context';
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from '../../../../electron/services/annotate/annotations';
import { setValues } from '../../../../electron/services/annotate/attribute-values';
import { createRelation, deleteRelation } from '../../../../electron/services/annotate/relations';
import { decide } from '../../../../electron/services/curation/curation';
import { addDocument, updateDocument } from '../../../../electron/services/library/documents';
import { createLabel, listLabels, updateLabel } from '../../../../electron/services/schema/labels';
import { listRelationTypes } from '../../../../electron/services/schema/relation-types';
import { listAttributes } from '../../../../electron/services/schema/attributes';

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);

/** A few short reports: two analysts importing the same one must end with one report. */
const reportTexts = [
  'Rebel commanders said on Friday that they had seized Daraa, a claim the ministry denied. Residents could not independently confirm it.',
  'The ministry said its forces held the bridge at Dorsk. Local sources reported shelling near the market overnight.',
  'According to a hospital official in Kestrava, eleven people were wounded. The army said the figure was exaggerated.',
  'Aid agencies said convoys reached Veskar on Tuesday; officials in the capital disputed how many trucks crossed.',
];
const titles = ['Offensive in the south', 'Bridge at Dorsk', 'Kestrava hospital', 'Convoys to Veskar', 'Untitled'];
const outlets = ['Reuters', 'AFP', 'AP', 'Local radio', null];
const colors = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#8c564b'];
const labelNames = ['Claim', 'Source', 'Location', 'Event', 'Actor', 'Weapon', 'Casualty'];
const notes = ['', 'check the figure', 'unverified', 'second source needed'];

interface Row {
  id: string;
}

function rows(ctx: ServiceContext, sql: string, ...params: unknown[]): Row[] {
  return ctx.store.db.prepare(sql).all(...params) as Row[];
}

/** The kinds of write, with their weights. */
const writes: [weight: number, name: string, write: (ctx: ServiceContext, random: Random, undo: string[]) => void][] = [
  [2, 'import a report', (ctx, random) => {
    addDocument(ctx, { title: pick(random, titles)!, text: pick(random, reportTexts)! });
  }],
  [2, 'edit report details', (ctx, random) => {
    const doc = pick(random, rows(ctx, 'SELECT id FROM documents ORDER BY id'));
    if (!doc) return;
    const field = random();
    if (field < 0.4) updateDocument(ctx, { id: doc.id, title: pick(random, titles)! });
    else if (field < 0.8) updateDocument(ctx, { id: doc.id, outlet: pick(random, outlets)! });
    else updateDocument(ctx, { id: doc.id, publishedAt: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` });
  }],
  [1, 'add or rename a label', (ctx, random) => {
    const labels = listLabels(ctx);
    const name = pick(random, labelNames)!;
    if (random() < 0.5 || labels.length === 0) createLabel(ctx, { name, color: pick(random, colors)! });
    else updateLabel(ctx, { id: pick(random, labels)!.id, ...(random() < 0.5 ? { name } : { color: pick(random, colors)! }) });
  }],
  [8, 'tag a span', (ctx, random) => {
    const doc = ctx.store.db.prepare('SELECT id, text_length AS length FROM documents ORDER BY id LIMIT 1 OFFSET ?').get(Math.floor(random() * 4)) as { id: string; length: number } | undefined;
    const label = pick(random, listLabels(ctx));
    if (!doc || !label) return;
    const start = Math.floor(random() * (doc.length - 12));
    createAnnotation(ctx, { documentId: doc.id, labelId: label.id, start, end: start + 4 + Math.floor(random() * 30) });
  }],
  [3, 'change a span', (ctx, random) => {
    const span = pick(random, rows(ctx, 'SELECT id FROM annotations WHERE layer = ? ORDER BY id', ctx.analyst.id));
    const label = pick(random, listLabels(ctx));
    if (!span || !label) return;
    updateAnnotation(ctx, random() < 0.5 ? { id: span.id, labelId: label.id } : { id: span.id, note: pick(random, notes)! });
  }],
  [2, 'delete a span', (ctx, random, undo) => {
    const span = pick(random, rows(ctx, 'SELECT id FROM annotations WHERE layer = ? ORDER BY id', ctx.analyst.id));
    if (span) undo.push(deleteAnnotation(ctx, span.id).undoToken);
  }],
  [1, 'undo a delete', (ctx, random, undo) => {
    const token = undo.splice(Math.floor(random() * undo.length), 1)[0];
    if (token) restoreAnnotation(ctx, token);
  }],
  [2, 'link two spans', (ctx, random) => {
    const type = pick(random, listRelationTypes(ctx));
    if (!type) return;
    const from = pick(random, rows(ctx, 'SELECT id FROM annotations WHERE layer = ? AND label_id = ? ORDER BY id', ctx.analyst.id, type.fromLabelId));
    const to = from && pick(random, rows(ctx, 'SELECT a.id FROM annotations a JOIN annotations f ON f.id = ? WHERE a.layer = ? AND a.label_id = ? AND a.document_id = f.document_id ORDER BY a.id', from.id, ctx.analyst.id, type.toLabelId));
    if (from && to) createRelation(ctx, { typeId: type.id, fromId: from.id, toId: to.id });
  }],
  [1, 'unlink', (ctx, random) => {
    const relation = pick(random, rows(ctx, 'SELECT r.id FROM relations r JOIN annotations a ON a.id = r.from_id WHERE a.layer = ? ORDER BY r.id', ctx.analyst.id));
    if (relation) deleteRelation(ctx, relation.id);
  }],
  [2, 'set a value', (ctx, random) => {
    const span = pick(random, rows(ctx, 'SELECT id, label_id AS labelId FROM annotations WHERE layer = ? ORDER BY id', ctx.analyst.id)) as (Row & { labelId: string }) | undefined;
    const attribute = span && pick(random, listAttributes(ctx, span.labelId));
    if (!span || !attribute) return;
    setValues(ctx, span.id, { [attribute.id]: random() < 0.15 ? null : valueOf(attribute, random) });
  }],
  [1, 'adjudicate a span into gold', (ctx, random) => {
    const span = ctx.store.db.prepare('SELECT document_id AS documentId, start, "end", label_id AS labelId FROM annotations WHERE layer NOT IN (?, ?) ORDER BY id LIMIT 1 OFFSET ?').get('gold', ctx.analyst.id, Math.floor(random() * 20)) as
      | { documentId: string; start: number; end: number; labelId: string }
      | undefined;
    const analysts = rows(ctx, "SELECT id FROM analysts ORDER BY id").map((a) => a.id);
    if (!span) return;
    decide(ctx, { ...span, action: random() < 0.7 ? 'accept' : 'reject', analysts, note: pick(random, notes) || undefined });
  }],
];

/** A value of the attribute's type. */
function valueOf(attribute: LabelAttribute, random: Random): AttributeValue {
  switch (attribute.type) {
    case 'choice':
      return pick(random, attribute.options) ?? 'x';
    case 'multi':
      return attribute.options.filter(() => random() < 0.5);
    case 'number':
      return Math.floor(random() * 5) + 1;
    case 'boolean':
      return random() < 0.5;
    case 'date':
      return `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    case 'text':
      return pick(random, notes) || 'seen';
  }
}

const totalWeight = writes.reduce((sum, [weight]) => sum + weight, 0);

/** Makes one write; returns what it tried and whether the store refused it. */
export function randomWrite(ctx: ServiceContext, random: Random, undo: string[]): { write: string; refused: string | null } {
  let draw = random() * totalWeight;
  const chosen = writes.find(([weight]) => (draw -= weight) < 0) ?? writes[writes.length - 1]!;
  try {
    chosen[2](ctx, random, undo);
    return { write: chosen[1], refused: null };
  } catch (error) {
    const code = (error as { code?: string }).code;
    // A refusal by the services is an outcome; anything else is a bug the simulation must show.
    if (!code) throw error;
    return { write: chosen[1], refused: code };
  }
}
