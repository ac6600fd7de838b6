// brat standoff: per document a .txt (the text, UTF-8) and an .ann with
//   T1<TAB>Claim 0 9<TAB>quote          text-bound annotation, offsets in code points
//   R1<TAB>attributed_to Arg1:T1 Arg2:T2  relation
//   A1<TAB>status T1 disputed            attribute (choice), or "A2<TAB>named T2" (boolean true)
//   #1<TAB>AnnotatorNotes T1<TAB>note    note
// plus annotation.conf declaring the entities, relations and attributes. brat names cannot hold
// spaces, so spaces become "_" (names are matched back against the schema on import). What
// brat cannot say (text, number, date and multi-choice values, places, Glossa ids) is kept in
// "#" notes of types GlossaAttributes, GlossaPlace and GlossaId, which brat shows as notes.
// documents.json beside them keeps each document's title and details.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AnalysisSchema, AttributeValue } from '../../../../shared/schemas/schema';
import { slug } from '../file-names';
import { placeOf } from './doccano';
import { decodeUtf8, maxImportBytes, readLimited } from '../files';
import { writeExportFolder } from '../../export-target/folder-export';
import { asFolderTarget } from '../../export-target/resolve';
import { datasetDocuments, importError, jsonProblem, type DsDocument, type InAnnotation, type InDataset, type InDocument, type InRelation } from '../model';
import { AppError } from '../../../../shared/errors';
import { getSchema } from '../../schema/schema-file';
import { chosenFolder } from '../../safe-read';
import { maxFilesPerImport } from '../../library/importers/limits';
import { countingDocs, type ImportableFormat } from './format';
import { clip } from './text-export';

const bratName = (name: string): string => name.trim().replace(/\s+/g, '_');
const oneLine = (text: string): string => text.replace(/\r\n|\r|\n|\t/g, ' ');

function bratBaseName(doc: DsDocument, used: Set<string>): string {
  let base = `${slug(doc.title) || 'document'}-${doc.id.slice(0, 8)}`;
  for (let n = 2; used.has(base); n++) base = `${slug(doc.title) || 'document'}-${doc.id.slice(0, 8)}-${n}`;
  used.add(base);
  return base;
}

function bratAnn(doc: DsDocument, schema: AnalysisSchema): string {
  const lines: string[] = [];
  const t = new Map<string, string>();
  let attributeN = 0;
  let noteN = 0;
  const typeOf = new Map<string, string>();
  for (const label of schema.labels) for (const attr of label.attributes) typeOf.set(`${label.name}\u0000${attr.name}`, attr.type);
  doc.annotations.forEach((a, i) => {
    const id = `T${i + 1}`;
    t.set(a.id, id);
    lines.push(`${id}\t${bratName(a.label)} ${a.cpStart} ${a.cpEnd}\t${oneLine(a.quote)}`);
  });
  doc.relations.forEach((r, i) => lines.push(`R${i + 1}\t${bratName(r.type)} Arg1:${t.get(r.from)} Arg2:${t.get(r.to)}`));
  for (const a of doc.annotations) {
    const id = t.get(a.id)!;
    for (const [name, value] of Object.entries(a.attributes)) {
      const type = typeOf.get(`${a.label}\u0000${name}`);
      if (type === 'choice' && typeof value === 'string') lines.push(`A${++attributeN}\t${bratName(name)} ${id} ${bratName(value)}`);
      else if (type === 'boolean' && value === true) lines.push(`A${++attributeN}\t${bratName(name)} ${id}`);
    }
    if (a.note) lines.push(`#${++noteN}\tAnnotatorNotes ${id}\t${oneLine(a.note)}`);
    if (Object.keys(a.attributes).length > 0) lines.push(`#${++noteN}\tGlossaAttributes ${id}\t${JSON.stringify(a.attributes)}`);
    if (a.place) lines.push(`#${++noteN}\tGlossaPlace ${id}\t${JSON.stringify(a.place)}`);
    lines.push(`#${++noteN}\tGlossaId ${id}\t${JSON.stringify({ id: a.id, note: a.note, created_at: a.createdAt, updated_at: a.updatedAt })}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** annotation.conf: entities, relations (with their argument types) and attributes. */
function bratConf(schema: AnalysisSchema): string {
  const name = new Map(schema.labels.map((l) => [l.id, bratName(l.name)]));
  const all = schema.labels.map((l) => bratName(l.name)).join('|') || '<ENTITY>';
  const out = ['[entities]', ...schema.labels.map((l) => bratName(l.name)), '', '[relations]'];
  for (const type of schema.relationTypes) {
    const from = type.fromLabelId ? (name.get(type.fromLabelId) ?? all) : all;
    const to = type.toLabelId ? (name.get(type.toLabelId) ?? all) : all;
    out.push(`${bratName(type.name)}\tArg1:${from}, Arg2:${to}`);
  }
  out.push('', '[events]', '', '[attributes]');
  for (const label of schema.labels) {
    for (const attr of label.attributes) {
      if (attr.type === 'choice') out.push(`${bratName(attr.name)}\tArg:${bratName(label.name)}, Value:${attr.options.map(bratName).join('|')}`);
      else if (attr.type === 'boolean') out.push(`${bratName(attr.name)}\tArg:${bratName(label.name)}`);
    }
  }
  return out.join('\n') + '\n';
}

interface BratMeta {
  id?: string;
  title?: string;
  outlet?: string | null;
  url?: string | null;
  published_at?: string | null;
  author?: string | null;
  tags?: string[];
}

function bratDocumentsJson(entries: [string, DsDocument][]): string {
  const out: Record<string, BratMeta> = {};
  for (const [base, d] of entries) {
    out[base] = { id: d.id, title: d.title, outlet: d.outlet, url: d.url, published_at: d.publishedAt, author: d.author, tags: d.tags };
  }
  return JSON.stringify(out, null, 1) + '\n';
}

/** Whether a name in the chosen folder exists (a link counts, even a broken one: reading it says why). */
async function present(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a brat folder (or one .ann file with its .txt beside it). Every file is read inside the
 * chosen folder: a .txt, .ann or documents.json that links outside it is refused.
 */
async function parseBrat(target: string, schema: AnalysisSchema): Promise<InDataset> {
  let files: string[];
  let folder: string;
  let isFolder: boolean;
  try {
    isFolder = (await fsp.stat(target)).isDirectory();
  } catch {
    throw new AppError('IMPORT_FAILED', `Could not read ${path.basename(target)}: it does not exist. Nothing was imported.`);
  }
  if (isFolder) {
    folder = await chosenFolder(target, path.basename(target));
    files = (await fsp.readdir(folder)).filter((f) => f.endsWith('.ann')).sort();
  } else {
    folder = await chosenFolder(path.dirname(target), path.basename(path.dirname(target)));
    files = [path.basename(target).replace(/\.txt$/, '.ann')];
  }
  if (files.length === 0) throw new AppError('IMPORT_FAILED', `${path.basename(target)} holds no .ann files: it is not a brat folder. Nothing was imported.`);
  if (files.length > maxFilesPerImport) {
    throw new AppError('IMPORT_FAILED', `${path.basename(target)} holds ${files.length.toLocaleString('en')} .ann files; Glossa imports at most ${maxFilesPerImport.toLocaleString('en')} documents at once. Split the folder. Nothing was imported.`);
  }
  let meta: Record<string, BratMeta> = {};
  const metaPath = path.join(folder, 'documents.json');
  if (await present(metaPath)) {
    const metaBytes = await readLimited(metaPath, maxImportBytes, folder);
    try {
      meta = JSON.parse(decodeUtf8(metaBytes, 'documents.json')) as Record<string, BratMeta>;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw importError('documents.json', null, `is not valid JSON (${jsonProblem(error)}).`);
    }
  }
  const dropped: NonNullable<InDataset['dropped']> = [];
  // Names in brat have "_" for spaces: map them back to the schema's names where they match.
  const labelNames = new Map<string, string>();
  for (const l of schema.labels) labelNames.set(bratName(l.name).toLowerCase(), l.name);
  const typeNames = new Map(schema.relationTypes.map((t) => [bratName(t.name).toLowerCase(), t.name]));
  const unbrat = (names: Map<string, string>, n: string) => names.get(n.toLowerCase()) ?? n.replace(/_/g, ' ');
  let total = 0;
  const documents: InDocument[] = [];
  for (const annFile of files) {
    const base = annFile.slice(0, -4);
    const txtFile = `${base}.txt`;
    const txtPath = path.join(folder, txtFile);
    if (!(await present(txtPath))) throw importError(annFile, null, `has no ${txtFile} beside it.`);
    const textBytes = await readLimited(txtPath, maxImportBytes, folder);
    const annBytes = await readLimited(path.join(folder, annFile), maxImportBytes, folder);
    total += textBytes.length + annBytes.length;
    if (total > maxImportBytes) throw new AppError('IMPORT_FAILED', `${target} holds more than ${maxImportBytes / 1024 ** 2} MB of brat files. Nothing was imported.`);
    // brat reads .txt files as UTF-8 without dropping a byte order mark: offsets count it.
    const text = decodeUtf8(textBytes, txtFile);
    const points = Array.from(text);
    const cpLength = points.length;
    const annotations = new Map<string, InAnnotation>();
    const relations: InRelation[] = [];
    const attributes = new Map<string, Record<string, AttributeValue>>();
    const lines = decodeUtf8(annBytes, annFile).replace(/^\uFEFF/, '').split(/\r?\n/);
    const pending: [string, number][] = [];
    const repeated: string[] = [];
    lines.forEach((line, i) => {
      const n = i + 1;
      if (line.trim() === '') return;
      const [id, body, rest] = line.split('\t');
      if (!id || body === undefined) throw importError(annFile, n, `is not a brat line (expected ID<TAB>annotation).`);
      const kind = id[0];
      if (kind === 'T') {
        const m = /^(\S+) (\d+) (\d+)((?:;\d+ \d+)*)$/.exec(body);
        if (!m) throw importError(annFile, n, 'the annotation is not "Type start end".');
        const start = Number(m[2]);
        const end = Number(m[4] ? m[4].split(' ').pop() : m[3]);
        if (end > cpLength || start >= end) {
          throw importError(annFile, n, `offsets ${start}–${end} are beyond the text of ${txtFile} (${cpLength} characters) or empty.`);
        }
        // brat writes line breaks and tabs inside a quote as spaces: the text at the offsets is the
        // quote when it reads the same that way; else the .ann's quote is looked for (re-anchoring).
        const actual = points.slice(start, end).join('');
        const quote = m[4] || rest === undefined || oneLine(actual) === rest ? actual : rest;
        // A repeated id: the first annotation keeps it, the others are reported as dropped.
        if (annotations.has(id)) {
          repeated.push(id);
          return;
        }
        annotations.set(id, { ref: id, label: unbrat(labelNames, m[1]!), start, end, unit: 'codepoint', quote, line: n });
      } else if (kind === 'R') {
        const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body);
        if (!m) throw importError(annFile, n, 'the relation is not "Type Arg1:T1 Arg2:T2".');
        relations.push({ type: unbrat(typeNames, m[1]!), from: m[2]!, to: m[3]! });
      } else if (kind === 'A' || kind === 'M') {
        const [name, target, value] = body.split(' ');
        if (!name || !target) throw importError(annFile, n, 'the attribute is not "Attribute T1 [value]".');
        const entry = attributes.get(target) ?? {};
        entry[name.replace(/_/g, ' ')] = value === undefined ? true : value.replace(/_/g, ' ');
        attributes.set(target, entry);
      } else if (kind === '#') {
        pending.push([line, n]);
      } else if (kind !== 'E' && kind !== 'N' && kind !== '*') {
        throw importError(annFile, n, 'the line does not start with a brat annotation id (T, R, A, M, #, E, N, *).');
      }
    });
    for (const [line, n] of pending) {
      const [, body, value = ''] = line.split('\t');
      const [type, target] = (body ?? '').split(' ');
      const a = target ? annotations.get(target) : undefined;
      if (!a) continue;
      try {
        if (type === 'AnnotatorNotes') a.note = a.note === undefined ? value : a.note;
        else if (type === 'GlossaAttributes') a.attributes = JSON.parse(value) as Record<string, AttributeValue>;
        else if (type === 'GlossaPlace') a.place = placeOf(JSON.parse(value));
        else if (type === 'GlossaId') {
          const g = JSON.parse(value) as { id?: string; note?: string; created_at?: string; updated_at?: string };
          a.id = g.id;
          if (g.note !== undefined) a.note = g.note;
          a.createdAt = g.created_at;
          a.updatedAt = g.updated_at;
        }
      } catch (error) {
        throw importError(annFile, n, `the ${type} note is not valid JSON (${jsonProblem(error)}).`);
      }
    }
    for (const [target, values] of attributes) {
      const a = annotations.get(target);
      if (a && a.attributes === undefined) a.attributes = values;
    }
    for (const r of relations) {
      for (const end of [r.from, r.to]) if (!annotations.has(end)) throw importError(annFile, null, `a relation points at ${end}, which is not in the file.`);
    }
    if (repeated.length > 0) {
      const ids = [...new Set(repeated)];
      dropped.push({
        file: annFile,
        count: repeated.length,
        reason: `${repeated.length === 1 ? 'an annotation repeats' : `${repeated.length} annotations repeat`} the id${ids.length === 1 ? '' : 's'} ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''} of an earlier one; only the first with each id was imported`,
      });
    }
    const m = meta[base] ?? {};
    documents.push({
      file: annFile,
      line: null,
      id: m.id,
      title: m.title ?? base,
      text,
      outlet: m.outlet ?? null,
      url: m.url ?? null,
      publishedAt: m.published_at ?? null,
      author: m.author ?? null,
      tags: m.tags,
      annotations: [...annotations.values()],
      relations,
    });
  }
  return { documents, unplaced: [], dropped };
}

export const bratFormat: ImportableFormat = {
  id: 'brat',
  write: (ctx, { scope, counts }, target) => {
    const schema = getSchema(ctx);
    writeExportFolder(asFolderTarget(target), { format: 'brat', appVersion: ctx.appVersion, writtenAt: ctx.now() }, (folder) => {
      const used = new Set<string>();
      const meta: [string, DsDocument][] = [];
      for (const d of countingDocs(datasetDocuments(ctx, scope), counts)) {
        const base = bratBaseName(d, used);
        fs.writeFileSync(path.join(folder, `${base}.txt`), d.text);
        fs.writeFileSync(path.join(folder, `${base}.ann`), bratAnn(d, schema));
        meta.push([base, { ...d, text: '', annotations: [], relations: [] }]);
      }
      fs.writeFileSync(path.join(folder, 'annotation.conf'), bratConf(schema));
      fs.writeFileSync(path.join(folder, 'documents.json'), bratDocumentsJson(meta));
    });
  },
  preview: (ctx, { first }) => {
    const schema = getSchema(ctx);
    const records = [...datasetDocuments(ctx, first)].map((d) => clip(`${d.title}.ann\n${bratAnn(d, schema) || '(no annotations)'}`));
    return [...records, clip(`annotation.conf\n${bratConf(schema)}`)];
  },
  read: async (ctx, target) => parseBrat(target, getSchema(ctx)),
};
