import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { DocumentFull, DocumentMeta, DocumentProvenance, DocumentSummary, DocumentUpdate, ImportNotice, PageStart } from '../../../shared/schemas/library';
import { insertDocumentNotices } from '../../store/writers/document-notices';
import * as documentRows from '../../store/writers/documents';
import type { ServiceContext } from '../context';

export interface NewDocument {
  title: string;
  text: string;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  sourceName?: string | null;
  author?: string | null;
  /** txt, md, html, mhtml, pdf, docx, clipboard. */
  sourceFormat?: string | null;
  encoding?: string | null;
  pageMap?: PageStart[] | null;
  /** What the import dropped or read badly: kept with the document (document_notices). */
  notices?: readonly ImportNotice[];
  /** Set when the encoding was guessed from the bytes: kept as a notice too. */
  encodingGuess?: { confidence: number; alternatives: readonly string[] } | null;
}

type AddResult =
  | { status: 'added'; document: DocumentFull }
  | { status: 'duplicate'; existingId: string; title: string };

const metaColumns = `id, title, outlet, url, published_at AS publishedAt, imported_at AS importedAt,
  source_name AS sourceName, text_length AS length, author, source_format AS sourceFormat, encoding`;

type MetaRow = Omit<DocumentMeta, 'tags'>;

/**
 * The text as duplicates are judged: Unicode NFC, white space collapsed to single spaces. The
 * same report saved as .txt and as .docx, or re-wrapped, hashes the same. Case is kept: two
 * texts that differ only in case (short records of a historical newspaper set) are different
 * reports. Migration 0007 hashed the stored texts again this way.
 */
export function normalisedForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalisedForHash(text), 'utf8').digest('hex');
}

/** The id and title of a stored document with the same normalised text, if there is one. */
function findDuplicate(ctx: ServiceContext, hash: string): { id: string; title: string } | undefined {
  return ctx.store.db.prepare('SELECT id, title FROM documents WHERE content_hash = ?').get(hash) as
    | { id: string; title: string }
    | undefined;
}

/** Adds a document unless one with the same normalised text is already stored. */
export function addDocument(ctx: ServiceContext, input: NewDocument): AddResult {
  const hash = contentHash(input.text);
  const existing = findDuplicate(ctx, hash);
  if (existing) return { status: 'duplicate', existingId: existing.id, title: existing.title };
  const id = ctx.newId();
  documentRows.insertDocument(ctx.store.db, {
    id,
    title: input.title,
    outlet: input.outlet ?? null,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
    importedAt: ctx.now(),
    sourceName: input.sourceName ?? null,
    text: input.text,
    contentHash: hash,
    author: input.author ?? null,
    sourceFormat: input.sourceFormat ?? null,
    encoding: input.encoding ?? null,
    pageMap: input.pageMap ?? null,
  });
  insertDocumentNotices(ctx.store.db, id, storedNotices(input));
  return { status: 'added', document: getDocument(ctx, id) };
}

/** The notices kept with a new document: the import's, and a guessed encoding's. */
function storedNotices(input: NewDocument): ImportNotice[] {
  const notices = [...(input.notices ?? [])];
  if (input.encodingGuess && input.encoding) {
    const others = input.encodingGuess.alternatives.length > 0 ? `; also possible: ${input.encodingGuess.alternatives.join(', ')}` : '';
    notices.push({
      kind: 'warning',
      code: 'encoding-guessed',
      count: 0,
      pages: [],
      message: `The encoding was guessed from the bytes: ${input.encoding} (${Math.round(input.encodingGuess.confidence)} % sure${others}). If letters look wrong, import the file again in another encoding.`,
    });
  }
  return notices;
}

/** What the import said about a stored document and what its dataset record said about itself. */
export function getDocumentProvenance(ctx: ServiceContext, id: string): DocumentProvenance {
  const row = ctx.store.db.prepare('SELECT source_record AS sourceRecord FROM documents WHERE id = ?').get(id) as { sourceRecord: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return { notices: documentNotices(ctx, id), sourceRecord: parseRecord(row.sourceRecord) };
}

export function documentNotices(ctx: ServiceContext, id: string): ImportNotice[] {
  const rows = ctx.store.db.prepare('SELECT kind, code, count, pages, message FROM document_notices WHERE document_id = ? ORDER BY position').all(id) as (Omit<ImportNotice, 'pages'> & { pages: string })[];
  return rows.map((r) => ({ ...r, pages: parsePages(r.pages) }));
}

function parsePages(raw: string): number[] {
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter((p): p is number => Number.isInteger(p) && p > 0) : [];
  } catch {
    return [];
  }
}

function parseRecord(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function tagsOf(ctx: ServiceContext, id: string): string[] {
  const rows = ctx.store.db
    .prepare('SELECT tag FROM document_tags WHERE document_id = ? ORDER BY tag COLLATE NOCASE')
    .all(id) as { tag: string }[];
  return rows.map((r) => r.tag);
}

function parsePageMap(raw: string | null): PageStart[] | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (Array.isArray(value)) return value as PageStart[];
  } catch {
    // A damaged map must not hide the document; it just has no pages.
  }
  return null;
}

export function getDocumentMeta(ctx: ServiceContext, id: string): DocumentMeta {
  const row = ctx.store.db.prepare(`SELECT ${metaColumns} FROM documents WHERE id = ?`).get(id) as MetaRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return { ...row, tags: tagsOf(ctx, id) };
}

/** The document in full; with `text` given (already read and checked), its text is not read again. */
export function getDocument(ctx: ServiceContext, id: string, text?: string): DocumentFull {
  const row = ctx.store.db
    .prepare(`SELECT ${metaColumns}, ${text === undefined ? 'text' : "'' AS text"}, content_hash AS contentHash, page_map AS pageMap FROM documents WHERE id = ?`)
    .get(id) as (MetaRow & { text: string; contentHash: string; pageMap: string | null }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return { ...row, text: text ?? row.text, tags: tagsOf(ctx, id), pageMap: parsePageMap(row.pageMap) };
}

function countsByDocument(ctx: ServiceContext, id?: string): Map<string, Record<string, number>> {
  const counts = ctx.store.db
    .prepare(
      `SELECT document_id AS documentId, label_id AS labelId, count(*) AS n FROM annotations
       ${id === undefined ? '' : 'WHERE document_id = ?'} GROUP BY 1, 2`,
    )
    .all(...(id === undefined ? [] : [id])) as { documentId: string; labelId: string; n: number }[];
  const byDoc = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const entry = byDoc.get(c.documentId) ?? {};
    entry[c.labelId] = c.n;
    byDoc.set(c.documentId, entry);
  }
  return byDoc;
}

export function listDocuments(ctx: ServiceContext): DocumentSummary[] {
  const docs = ctx.store.db
    .prepare(`SELECT ${metaColumns} FROM documents ORDER BY imported_at DESC, title`)
    .all() as MetaRow[];
  const byDoc = countsByDocument(ctx);
  const tags = new Map<string, string[]>();
  const tagRows = ctx.store.db
    .prepare('SELECT document_id AS documentId, tag FROM document_tags ORDER BY tag COLLATE NOCASE')
    .all() as { documentId: string; tag: string }[];
  for (const t of tagRows) {
    const list = tags.get(t.documentId);
    if (list) list.push(t.tag);
    else tags.set(t.documentId, [t.tag]);
  }
  return docs.map((d) => ({ ...d, tags: tags.get(d.id) ?? [], counts: byDoc.get(d.id) ?? {} }));
}

export function getDocumentSummary(ctx: ServiceContext, id: string): DocumentSummary {
  return { ...getDocumentMeta(ctx, id), counts: countsByDocument(ctx, id).get(id) ?? {} };
}

/** '' and null clear a detail; undefined leaves it. */
function cleared(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();
}

/** Merges tags that differ only in case, keeping the first spelling. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().normalize('NFC');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Edits a document's details; its text never changes (annotations point into it). */
export function updateDocument(ctx: ServiceContext, patch: DocumentUpdate): DocumentFull {
  return ctx.store.transaction(() => {
    const current = getDocumentMeta(ctx, patch.id);
    const keep = <T>(value: T | undefined, was: T): T => (value === undefined ? was : value);
    documentRows.updateDocumentDetails(ctx.store.db, {
      id: patch.id,
      title: keep(patch.title?.trim(), current.title),
      outlet: keep(cleared(patch.outlet), current.outlet),
      author: keep(cleared(patch.author), current.author),
      publishedAt: keep(cleared(patch.publishedAt), current.publishedAt),
      url: keep(cleared(patch.url), current.url),
    });
    if (patch.tags !== undefined) documentRows.setDocumentTags(ctx.store.db, patch.id, uniqueTags(patch.tags));
    return getDocument(ctx, patch.id);
  });
}
