// Label Studio JSON: an array of tasks, each {"data": {"text": …}, "annotations": [{"result": […]}]}
// with one `labels` region per span,
//   {"id": "g1", "from_name": "label", "to_name": "text", "type": "labels",
//    "value": {"start": 0, "end": 9, "text": "…", "labels": ["Claim"]}}
// and one `relation` item per relation,
//   {"type": "relation", "from_id": "g1", "to_id": "g2", "direction": "right", "labels": ["attributed to"]}.
// from_name/to_name match the labeling config written beside the file (labelStudioConfig).
// Glossa's note, attribute values, place and ids ride along in each region's "meta" and in a
// "glossa" object Label Studio ignores. Tasks of an HTML config (hypertextlabels) are read as the
// library reads HTML, their regions placed by text (labelstudio-html.ts). An event is written as
// relation results from its trigger region to each argument, labelled with the role, and in full
// under data.glossa_events; a discontinuous span is its covering region (fragments under "glossa").
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AnalysisSchema } from '../../../../shared/schemas/schema';
import { fragmentsOf, placeOf, unitOf } from './json-records';
import { asObject, jsonProblem, detailsRecord, type DsDocument, glossaId, importError, type InAnnotation, type InDataset, type InDocument, type InRelation, offsetsOf, optNumber, optString, recordDetails } from '../model';
import path from 'node:path';
import { writeFileAtomic } from '../../atomic-write';
import { resolveFileTarget } from '../../export-target/resolve';
import { getSchema } from '../../schema/schema-file';
import { readText } from '../files';
import { eventRecords, eventRelations, eventsFromRecords } from './event-relations';
import { HtmlReader, htmlRegion, htmlTextContent } from './labelstudio-html';
import type { ImportableFormat } from './format';
import { readable, textExport, writeChunks, type ChunkWriter } from './text-export';

const lsFromName = 'label';
const lsToName = 'text';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The labeling config the tasks match: Labels over Text, and Relations with the relation types. */
function labelStudioConfig(schema: AnalysisSchema): string {
  const labels = schema.labels.map((l) => `    <Label value="${xml(l.name)}" background="${l.color}"/>`).join('\n');
  const relations = schema.relationTypes.map((t) => `    <Relation value="${xml(t.name)}"/>`).join('\n');
  return `<View>
  <Relations>
${relations}
  </Relations>
  <Labels name="${lsFromName}" toName="${lsToName}">
${labels}
  </Labels>
  <Text name="${lsToName}" value="$text" granularity="symbol"/>
</View>
`;
}

/** One Label Studio annotation per analyst (completed_by: the analyst's name), each with its spans and relations. */
function labelStudioTask(doc: DsDocument, unit: OffsetUnit, n: number): string {
  const analysts = [...new Set(doc.annotations.map((a) => a.analyst))];
  const layerOf = new Map(doc.annotations.map((a) => [a.id, a.analyst]));
  const sets = (analysts.length ? analysts : [undefined]).map((analyst, k) => ({
    id: analysts.length > 1 ? n * 100 + k : n,
    ...(analyst !== undefined ? { completed_by: analyst } : {}),
    result: labelStudioResults(
      { ...doc, annotations: doc.annotations.filter((a) => a.analyst === analyst), relations: doc.relations.filter((r) => layerOf.get(r.from) === analyst) },
      unit,
    ),
  }));
  const kept = new Set(doc.annotations.map((a) => a.id));
  const events = eventRecords(doc, (id) => (kept.has(id) ? id : undefined));
  return JSON.stringify({
    id: n,
    data: {
      text: doc.text,
      title: doc.title,
      ...detailsRecord(doc),
      glossa_document_id: doc.id,
      offset_unit: unit,
      ...(events.length > 0 ? { glossa_events: events } : {}),
    },
    annotations: sets,
  });
}

function labelStudioResults(doc: Pick<DsDocument, 'annotations' | 'relations' | 'linked'>, unit: OffsetUnit): unknown[] {
  const result: unknown[] = doc.annotations.map((a) => {
    const [start, end] = offsetsOf(a, unit);
    return {
      id: a.id,
      from_name: lsFromName,
      to_name: lsToName,
      type: 'labels',
      origin: 'manual',
      value: { start, end, text: a.quote, labels: [a.label] },
      ...(a.note ? { meta: { text: [a.note] } } : {}),
      glossa: {
        codepoint_start: a.cpStart,
        codepoint_end: a.cpEnd,
        note: a.note,
        attributes: a.attributes,
        place: a.place,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        // Label Studio has no discontinuous regions: the region is the covering span.
        ...(a.fragments ? { fragments: a.fragments.map((f) => (unit === 'utf16' ? [f.start, f.end] : [f.cpStart, f.cpEnd])) } : {}),
      },
    };
  });
  for (const r of doc.relations) {
    result.push({ type: 'relation', from_id: r.from, to_id: r.to, direction: 'right', labels: [r.type], glossa: { id: r.id, created_at: r.createdAt } });
  }
  // An event's arguments as relations from its trigger, in the layer of its trigger.
  const shown = new Set(doc.annotations.map((a) => a.id));
  for (const r of eventRelations(doc)) {
    if (!shown.has(r.from)) continue;
    result.push({ type: 'relation', from_id: r.from, to_id: r.to, direction: 'right', labels: [r.role], glossa: { event: r.eventId } });
  }
  return result;
}

/** Label Studio's completed_by: a name (ours), or a user object (its own exports: email). */
function annotatorOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80);
  if (typeof value === 'object' && value !== null) {
    const user = value as Record<string, unknown>;
    return optString(user.email) ?? optString(user.username);
  }
  return undefined;
}

async function parseLabelStudio(text: string, file: string): Promise<InDataset> {
  const htmlReader = new HtmlReader();
  try {
    return await parseTasks(text, file, htmlReader);
  } finally {
    htmlReader.close();
  }
}

async function parseTasks(text: string, file: string, htmlReader: HtmlReader): Promise<InDataset> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw importError(file, null, `is not valid JSON (${jsonProblem(error)}).`);
  }
  const tasks = Array.isArray(raw) ? raw : [raw];
  const documents: InDocument[] = [];
  /** Results of other kinds beside text spans (choices, text areas…), which Glossa has no place for. */
  const otherResults = new Map<string, number>();
  let badEvents = 0;
  for (const [index, rawTask] of tasks.entries()) {
    const where = `task ${index + 1}`;
    const task = asObject(rawTask, file, null, `${where}`);
    const data = asObject(task.data, file, null, `${where}: "data"`);
    const annotationSets = (Array.isArray(task.annotations) ? task.annotations : Array.isArray(task.completions) ? task.completions : []) as unknown[];
    const results: Record<string, unknown>[] = [];
    const annotatorOfResult = new Map<Record<string, unknown>, string>();
    for (const set of annotationSets) {
      const s = asObject(set, file, null, `${where}: an annotation`);
      if (s.was_cancelled === true) continue;
      const annotator = annotatorOf(s.completed_by);
      if (Array.isArray(s.result)) {
        for (const r of s.result) {
          const result = asObject(r, file, null, `${where}: a result`);
          results.push(result);
          if (annotator !== undefined) annotatorOfResult.set(result, annotator);
        }
      }
    }
    // Which data field holds the text: the one the results point at (to_name → $field is in the
    // config, not the task), else "text"; for an HTML config, the field holding the HTML.
    const html = results.some((r) => r.type === 'hypertextlabels' || r.type === 'htmllabels');
    const textKey = typeof data.text === 'string' ? 'text' : html ? Object.keys(data).find((k) => typeof data[k] === 'string' && /<[a-z!]/i.test(data[k] as string)) : undefined;
    const spanResults = results.filter((r) => r.type === 'labels' || r.type === 'hypertextlabels' || r.type === 'htmllabels');
    if (textKey === undefined) {
      const kinds = [...new Set(results.map((r) => String(r.type)))].join(', ') || 'none';
      const fields = Object.keys(data).join(', ') || 'none';
      throw importError(
        file,
        null,
        `${where} was made with another labeling config: its data has no "text" field (fields: ${fields}; result types: ${kinds}). ` +
          `Glossa reads tasks of a config with <Text name="text" value="$text"/> and <Labels>.`,
      );
    }
    const others = results.filter((r) => !spanResults.includes(r) && r.type !== 'relation');
    if (others.length > 0 && spanResults.length === 0) {
      throw importError(
        file,
        null,
        `${where} was made with another labeling config: it has ${[...new Set(others.map((r) => String(r.type)))].join(', ')} results and no text Labels.`,
      );
    }
    for (const r of others) otherResults.set(String(r.type), (otherResults.get(String(r.type)) ?? 0) + 1);
    const unit = unitOf(data.offset_unit, 'utf16');
    const page = html ? { text: await htmlReader.text(`${file} ${where}`, data[textKey] as string) } : undefined;
    const textContent = html ? htmlTextContent(data[textKey] as string) : '';
    const annotations: InAnnotation[] = [];
    const relations: InRelation[] = [];
    spanResults.forEach((r, i) => {
      const value = asObject(r.value, file, null, `${where}: result ${i + 1} "value"`);
      const labels = [value.labels, value.hypertextlabels, value.htmllabels].find(Array.isArray) ?? [];
      const label = optString(labels[0]);
      if (label === undefined) throw importError(file, null, `${where}: result ${i + 1} has no label.`);
      const glossa = (typeof r.glossa === 'object' && r.glossa !== null ? r.glossa : {}) as Record<string, unknown>;
      const meta = (typeof r.meta === 'object' && r.meta !== null ? r.meta : {}) as Record<string, unknown>;
      // An HTML region is placed by its text and context in the page (its offsets are XPaths).
      const region = page ? htmlRegion(value, textContent) : undefined;
      const quote = region?.quote !== undefined && page && !page.text.includes(region.quote) ? region.quote.replace(/\s+/g, ' ') : region?.quote;
      annotations.push({
        ref: String(r.id ?? `r${i}`),
        id: glossaId(r.id),
        label,
        start: page ? undefined : optNumber(value.start),
        end: page ? undefined : optNumber(value.end),
        unit,
        quote: page ? quote : optString(value.text),
        prefix: region?.prefix,
        suffix: region?.suffix,
        note: optString(glossa.note) ?? (Array.isArray(meta.text) ? meta.text.filter((t) => typeof t === 'string').join('\n') : undefined),
        attributes: typeof glossa.attributes === 'object' && glossa.attributes !== null ? (glossa.attributes as InAnnotation['attributes']) : undefined,
        place: placeOf(glossa.place),
        createdAt: optString(glossa.created_at),
        updatedAt: optString(glossa.updated_at),
        ...(page ? {} : fragmentsOf(glossa.fragments)),
        analyst: annotatorOfResult.get(r),
        line: null,
      });
    });
    const events = eventsFromRecords(data.glossa_events, null);
    if (events) {
      badEvents += events.bad;
      for (const e of events.linked.events) e.id = glossaId(e.id);
    }
    for (const r of results.filter((x) => x.type === 'relation')) {
      const labels = Array.isArray(r.labels) ? r.labels : [];
      const glossa = (typeof r.glossa === 'object' && r.glossa !== null ? r.glossa : {}) as Record<string, unknown>;
      // An event's argument, written as a relation for Label Studio: the event itself is read.
      if (events && events.linked.events.length > 0 && glossa.event !== undefined) continue;
      const from = String(r.direction === 'left' ? r.to_id : r.from_id);
      const to = String(r.direction === 'left' ? r.from_id : r.to_id);
      relations.push({ id: glossaId(glossa.id), type: optString(labels[0]) ?? 'related to', from, to, createdAt: optString(glossa.created_at) });
    }
    documents.push({
      file,
      line: null,
      id: glossaId(data.glossa_document_id),
      title: optString(data.title) ?? `${file} ${where}`,
      text: page ? page.text : (data[textKey] as string),
      ...recordDetails(data),
      ...(page ? { sourceFormat: 'html' } : {}),
      annotations,
      relations,
      ...(events && events.linked.events.length > 0 ? { linked: events.linked } : {}),
    });
  }
  const dropped = [...otherResults].map(([type, count]) => ({ file, count, reason: `"${type}" results, which Glossa has no place for (it imports text spans and relations)` }));
  if (badEvents > 0) dropped.push({ file, count: badEvents, reason: 'events in "glossa_events" lack what they need (an id, type, trigger or role)' });
  return { documents, unplaced: [], dropped };
}

/** The labeling config is written beside the tasks: tasks.json and tasks.label_config.xml. */
export function labelStudioConfigPath(target: string): string {
  return target.replace(/(\.json)?$/i, '.label_config.xml');
}

const tasks: ChunkWriter = function* (_ctx, docs, unit) {
  yield { text: '[\n', record: false };
  let n = 0;
  for (const d of docs) yield { text: (n++ > 0 ? ',\n' : '') + labelStudioTask(d, unit, n), record: true };
  yield { text: '\n]\n', record: false };
};

export const labelStudioFormat: ImportableFormat = {
  id: 'labelstudio',
  ...textExport(tasks, readable),
  write: (ctx, job, target) => {
    writeChunks(ctx, tasks, job, target);
    // The config goes beside the tasks, checked like them; standard output gets the tasks only.
    if (target.kind === 'file') writeFileAtomic(resolveFileTarget(target.storePath, labelStudioConfigPath(target.named)), [labelStudioConfig(getSchema(ctx))]);
  },
  read: async (_ctx, target) => parseLabelStudio(await readText(target), path.basename(target)),
};
