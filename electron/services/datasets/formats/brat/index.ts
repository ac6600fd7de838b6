// brat standoff: per document a .txt (the text, UTF-8) and an .ann (parse.ts reads it, write.ts
// writes it: T, R, E, A/M, N, *, # lines; offsets in code points), plus annotation.conf
// (annotation-conf.ts) and documents.json beside them, which keeps each document's title and
// details. A folder is read with its subfolders; a document's name is its path in the folder.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AnalysisSchema } from '../../../../../shared/schemas/schema';
import { slug } from '../../file-names';
import { decodeUtf8, maxImportBytes, readLimited } from '../../files';
import { writeExportFolder } from '../../../export-target/folder-export';
import { asFolderTarget } from '../../../export-target/resolve';
import { datasetDocuments, importError, jsonProblem, type DsDocument, type InDataset, type InDocument } from '../../model';
import { AppError } from '../../../../../shared/errors';
import { getSchema } from '../../../schema/schema-file';
import { chosenFolder } from '../../../safe-read';
import { maxFilesPerImport } from '../../../library/importers/limits';
import { countingDocs, type ImportableFormat } from '../format';
import { clip } from '../text-export';
import { bratAnn } from './write';
import { bratConf, confAttributeValues, eventRoles } from './annotation-conf';
import { bratNames, parseAnn } from './parse';

function bratBaseName(doc: DsDocument, used: Set<string>): string {
  let base = `${slug(doc.title) || 'document'}-${doc.id.slice(0, 8)}`;
  for (let n = 2; used.has(base); n++) base = `${slug(doc.title) || 'document'}-${doc.id.slice(0, 8)}-${n}`;
  used.add(base);
  return base;
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

/** The .ann files of a folder and its subfolders (not followed through links), by relative path. */
async function annFiles(folder: string, target: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await fsp.readdir(path.join(folder, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.name.endsWith('.ann')) found.push(name);
      if (found.length > maxFilesPerImport) {
        throw new AppError('IMPORT_FAILED', `${path.basename(target)} holds more than ${maxFilesPerImport.toLocaleString('en')} .ann files; Glossa imports at most ${maxFilesPerImport.toLocaleString('en')} documents at once. Split the folder. Nothing was imported.`);
      }
    }
  };
  await walk('');
  return found.sort();
}

async function readMeta(folder: string): Promise<Record<string, BratMeta>> {
  const metaPath = path.join(folder, 'documents.json');
  if (!(await present(metaPath))) return {};
  const metaBytes = await readLimited(metaPath, maxImportBytes, folder);
  try {
    return JSON.parse(decodeUtf8(metaBytes, 'documents.json')) as Record<string, BratMeta>;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importError('documents.json', null, `is not valid JSON (${jsonProblem(error)}).`);
  }
}

/** The attribute values declared by every annotation.conf in the folder's tree that is read. */
async function declaredValues(folder: string, files: readonly string[]): Promise<Map<string, string[]>> {
  const values = new Map<string, string[]>();
  for (const dir of new Set(['', ...files.map((f) => path.posix.dirname(f)).filter((d) => d !== '.')])) {
    const conf = path.join(folder, dir, 'annotation.conf');
    if (!(await present(conf))) continue;
    for (const [name, options] of confAttributeValues(decodeUtf8(await readLimited(conf, maxImportBytes, folder), 'annotation.conf'))) values.set(name, options);
  }
  return values;
}

/**
 * Type names that differ only in case (brat's "N" and "n"): Glossa's label and relation type
 * names ignore case, so the later spellings are imported under the first; reported per spelling.
 */
function caseMerges(where: string, documents: readonly InDocument[]): NonNullable<InDataset['dropped']> {
  const out: NonNullable<InDataset['dropped']> = [];
  for (const [what, names] of [
    ['label', documents.flatMap((d) => [...d.annotations.map((a) => a.label), ...(d.linked?.events ?? []).map((e) => e.type)])],
    ['relation type', documents.flatMap((d) => d.relations.map((r) => r.type))],
  ] as const) {
    const first = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const name of names) {
      const key = name.toLowerCase();
      const kept = first.get(key) ?? (first.set(key, name), name);
      if (kept !== name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, count] of counts) {
      out.push({ file: where, count, reason: `the ${what} "${name}" differs from "${first.get(name.toLowerCase())}" only in case; Glossa's names ignore case, so it was imported as "${first.get(name.toLowerCase())}"` });
    }
  }
  return out;
}

/**
 * Reads a brat folder with its subfolders (or one .ann file with its .txt beside it). Every file
 * is read inside the chosen folder: a .txt, .ann or documents.json that links outside it is refused.
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
    files = await annFiles(folder, target);
  } else {
    folder = await chosenFolder(path.dirname(target), path.basename(path.dirname(target)));
    files = [path.basename(target).replace(/\.txt$/, '.ann')];
  }
  if (files.length === 0) throw new AppError('IMPORT_FAILED', `${path.basename(target)} holds no .ann files: it is not a brat folder. Nothing was imported.`);
  const meta = await readMeta(folder);
  const dropped: NonNullable<InDataset['dropped']> = [];
  const names = bratNames(schema);
  let total = 0;
  const documents: InDocument[] = [];
  for (const annFile of files) {
    const base = annFile.slice(0, -4);
    const txtFile = `${base}.txt`;
    const txtPath = path.join(folder, txtFile);
    if (!(await present(txtPath))) throw importError(annFile, null, `has no ${path.posix.basename(txtFile)} beside it.`);
    const textBytes = await readLimited(txtPath, maxImportBytes, folder);
    const annBytes = await readLimited(path.join(folder, annFile), maxImportBytes, folder);
    total += textBytes.length + annBytes.length;
    if (total > maxImportBytes) throw new AppError('IMPORT_FAILED', `${target} holds more than ${maxImportBytes / 1024 ** 2} MB of brat files. Nothing was imported.`);
    // brat reads .txt files as UTF-8 without dropping a byte order mark: offsets count it.
    const text = decodeUtf8(textBytes, txtFile);
    const parsed = parseAnn(annFile, decodeUtf8(annBytes, annFile), Array.from(text), names);
    for (const [reason, count] of parsed.losses) dropped.push({ file: annFile, count, reason });
    if (parsed.repeated.length > 0) {
      const ids = [...new Set(parsed.repeated)];
      const n = parsed.repeated.length;
      dropped.push({
        file: annFile,
        count: n,
        reason: `${n === 1 ? 'an annotation repeats' : `${n} annotations repeat`} the id${ids.length === 1 ? '' : 's'} ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''} of an earlier one; only the first with each id was imported`,
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
      annotations: parsed.annotations,
      relations: parsed.relations,
      linked: parsed.linked,
    });
  }
  dropped.push(...caseMerges(path.basename(target), documents));
  return { documents, unplaced: [], dropped, declaredAttributeValues: isFolder ? await declaredValues(folder, files) : undefined };
}

export const bratFormat: ImportableFormat = {
  id: 'brat',
  write: (ctx, { scope, counts }, target) => {
    const schema = getSchema(ctx);
    writeExportFolder(asFolderTarget(target), { format: 'brat', appVersion: ctx.appVersion, writtenAt: ctx.now() }, (folder) => {
      const used = new Set<string>();
      const meta: [string, DsDocument][] = [];
      const roles = new Map<string, Set<string>>();
      for (const d of countingDocs(datasetDocuments(ctx, scope), counts)) {
        const base = bratBaseName(d, used);
        fs.writeFileSync(path.join(folder, `${base}.txt`), d.text);
        fs.writeFileSync(path.join(folder, `${base}.ann`), bratAnn(d, schema));
        eventRoles([d], roles);
        meta.push([base, { ...d, text: '', annotations: [], relations: [], linked: undefined }]);
      }
      fs.writeFileSync(path.join(folder, 'annotation.conf'), bratConf(schema, roles));
      fs.writeFileSync(path.join(folder, 'documents.json'), bratDocumentsJson(meta));
    });
  },
  preview: (ctx, { first }) => {
    const schema = getSchema(ctx);
    const docs = [...datasetDocuments(ctx, first)];
    const records = docs.map((d) => clip(`${d.title}.ann\n${bratAnn(d, schema) || '(no annotations)'}`));
    return [...records, clip(`annotation.conf\n${bratConf(schema, eventRoles(docs))}`)];
  },
  read: async (ctx, target) => parseBrat(target, getSchema(ctx)),
};
