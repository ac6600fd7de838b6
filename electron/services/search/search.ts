// Corpus search: ranks reports in SQL (FTS5 bm25 over the folded index, filters as conditions
// on the documents), then places the hits of the one page asked for by folding those reports'
// texts again (hits.ts). Takes a plain connection, so it runs the same on the main thread (the
// CLI) and in the search worker (search-worker.ts) over a read-only connection.
import { AppError } from '../../../shared/errors';
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { SearchHit, SearchQuery, SearchReport, SearchResults } from '../../../shared/schemas/search';
import type { Db } from '../../store/store';
import { findInText, snippetOf } from './hits';
import { supersededError } from './superseded';
import { parseQuery, toFts, wantedMatches, type AttributeFilter, type MatchNode, type ParsedQuery } from './query';
import type { z } from 'zod';

type Args = z.output<typeof SearchQuery>;
type Param = string | number;

/**
 * Candidate rows (reports' text, or annotations) a query ranks per source. A very common word
 * matches nearly every report, and ranking (bm25) costs per match: past the cap the query ranks
 * the first candidates only, every hit shown is still exact, and the total says "at least".
 */
export const candidateCap = 2_000;

interface Scope {
  parsed: ParsedQuery;
  labelIds: string[];
  attributes: { attributeId: string; labelId: string; value: string }[];
}

function resolveScope(db: Db, args: Args): Scope {
  const parsed = parseQuery(args.query);
  const labels = [...parsed.filters.labels, ...(args.label ? [args.label] : [])];
  const labelIds = labels.map((name) => {
    const id = db.prepare('SELECT id FROM labels WHERE name = ? COLLATE NOCASE OR id = ?').pluck().get(name, name) as string | undefined;
    if (!id) throw new AppError('INVALID_ARGS', `Search: there is no label named "${name}".`);
    return id;
  });
  const attributes = parsed.filters.attributes.map((filter: AttributeFilter) => {
    const row = db
      .prepare(
        `SELECT la.id AS attributeId, la.label_id AS labelId FROM label_attributes la JOIN labels l ON l.id = la.label_id
         WHERE (l.name = ? COLLATE NOCASE OR l.id = ?) AND la.name = ? COLLATE NOCASE`,
      )
      .get(filter.label, filter.label, filter.attribute) as { attributeId: string; labelId: string } | undefined;
    if (!row) throw new AppError('INVALID_ARGS', `Search: the label "${filter.label}" has no attribute "${filter.attribute}".`);
    return { ...row, value: filter.value };
  });
  return { parsed, labelIds, attributes };
}

/** Annotations of `alias` having the attribute value (or, for lists, containing it). */
function attributeCondition(alias: string, params: Param[], attribute: Scope['attributes'][number]): string {
  params.push(attribute.attributeId, attribute.value, attribute.value);
  return `EXISTS (SELECT 1 FROM annotation_attributes v WHERE v.annotation_id = ${alias}.id AND v.attribute_id = ?
    AND (v.value = json_quote(?) COLLATE NOCASE OR (json_type(v.value) = 'array'
      AND EXISTS (SELECT 1 FROM json_each(v.value) e WHERE e.value = ? COLLATE NOCASE))))`;
}

function documentFilters(args: Args, scope: Scope, params: Param[]): string[] {
  const where: string[] = [];
  const { filters } = scope.parsed;
  const outlets = [...filters.outlets, ...(args.outlet ? [args.outlet] : [])];
  if (outlets.length > 0) {
    where.push(`d.outlet COLLATE NOCASE IN (${outlets.map(() => '?').join(', ')})`);
    params.push(...outlets);
  }
  for (const tag of [...filters.tags, ...(args.tag ? [args.tag] : [])]) {
    where.push('EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = ?)');
    params.push(tag);
  }
  const from = args.dateFrom ?? filters.from;
  const to = args.dateTo ?? filters.to;
  if (from) {
    where.push('d.published_at >= ?');
    params.push(from);
  }
  if (to) {
    // '~' sorts after every digit and 'T', so 2025-03 takes in all of March and 2025-03-14 the whole day.
    where.push('d.published_at < ?');
    params.push(`${to}~`);
  }
  if (args.documentId) {
    where.push('d.id = ?');
    params.push(args.documentId);
  }
  for (const attribute of scope.attributes) {
    where.push(`EXISTS (SELECT 1 FROM annotations fa WHERE fa.document_id = d.id AND ${attributeCondition('fa', params, attribute)})`);
  }
  if (scope.labelIds.length > 0 && !scope.parsed.text) {
    where.push(`EXISTS (SELECT 1 FROM annotations la WHERE la.document_id = d.id AND la.label_id IN (${scope.labelIds.map(() => '?').join(', ')}))`);
    params.push(...scope.labelIds);
  }
  return where;
}

interface RankedRow {
  id: string;
  title: string;
  outlet: string | null;
  published_at: string | null;
  total: number;
  /** Candidate rows of the most productive source: past candidateCap, the total is a lower bound. */
  candidates: number;
}

/**
 * One source of candidates: rows of an FTS5 table, filtered, at most candidateCap + 1 of them.
 * `join` joins the report (as d) for filters on it, joined only when there are any.
 */
function candidates(cap: number, select: string, join: string, where: string[], filters: string[]): string {
  return `SELECT * FROM (${select} ${filters.length > 0 ? join : ''} WHERE ${[...where, ...filters].join(' AND ')} LIMIT ${cap + 1})`;
}

function rankReports(db: Db, args: Args, scope: Scope, cap: number): RankedRow[] {
  const params: Param[] = [];
  const filters = (): string[] => documentFilters(args, scope, params);
  let source: string;
  if (scope.parsed.text) {
    const expression = toFts(scope.parsed.text);
    if (scope.labelIds.length > 0) {
      const labels = `a.label_id IN (${scope.labelIds.map(() => '?').join(', ')})`;
      params.push(`{quote} : ${expression}`, ...scope.labelIds);
      source = candidates(
        cap,
        `SELECT a.document_id AS document_id, bm25(search_annotation_text, 1.0, 0.0) AS rank, 1 AS source
         FROM search_annotation_text JOIN annotations a ON a.rowid = search_annotation_text.rowid`,
        'JOIN documents d ON d.id = a.document_id',
        ['search_annotation_text MATCH ?', labels],
        filters(),
      );
    } else {
      params.push(expression);
      const inText = candidates(
        cap,
        `SELECT d.id AS document_id, bm25(search_document_text, 8.0, 3.0, 1.0) AS rank, 1 AS source
         FROM search_document_text JOIN documents d ON d.rowid = search_document_text.rowid`,
        '',
        ['search_document_text MATCH ?'],
        filters(),
      );
      params.push(`{note} : ${expression}`);
      const inNotes = candidates(
        cap,
        `SELECT a.document_id, bm25(search_annotation_text, 0.0, 1.0), 2
         FROM search_annotation_text JOIN annotations a ON a.rowid = search_annotation_text.rowid`,
        'JOIN documents d ON d.id = a.document_id',
        ['search_annotation_text MATCH ?'],
        filters(),
      );
      source = `${inText} UNION ALL ${inNotes}`;
    }
    params.push(args.pageSize, args.page * args.pageSize);
    // Per report its best rank, and how many candidate rows each source gave (for the cap). The
    // page is cut from the ranks alone: only its reports' rows are read (each is a page of the
    // store), not those of every candidate.
    return db
      .prepare(
        `SELECT d.id, d.title, d.outlet, d.published_at, p.total, p.candidates
         FROM (SELECT h.document_id, h.rank, count(*) OVER () AS total, max(sum(h.first) OVER (), sum(h.second) OVER ()) AS candidates
               FROM (SELECT document_id, min(rank) AS rank, sum(source = 1) AS first, sum(source = 2) AS second FROM (${source}) GROUP BY document_id) h
               ORDER BY h.rank, h.document_id
               LIMIT ? OFFSET ?) p
         CROSS JOIN documents d ON d.id = p.document_id
         ORDER BY p.rank, p.document_id`,
      )
      .all(...params) as RankedRow[];
  }
  const where = filters();
  params.push(args.pageSize, args.page * args.pageSize);
  return db
    .prepare(
      `SELECT d.id, d.title, d.outlet, d.published_at, count(*) OVER () AS total, 0 AS candidates
       FROM documents d
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.published_at DESC, d.id
       LIMIT ? OFFSET ?`,
    )
    .all(...params) as RankedRow[];
}

interface SpanRow {
  id: string;
  label_id: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}

function spanHits(db: Db, report: RankedRow, text: string, scope: Scope, patterns: MatchNode[], keep: number): { count: number; hits: SearchHit[] } {
  const params: Param[] = [report.id];
  const where = ['a.document_id = ?'];
  const labelIds = [...scope.labelIds, ...scope.attributes.map((a) => a.labelId)];
  if (labelIds.length > 0) {
    where.push(`a.label_id IN (${labelIds.map(() => '?').join(', ')})`);
    params.push(...labelIds);
  }
  if (scope.labelIds.length === 0) for (const attribute of scope.attributes) where.push(attributeCondition('a', params, attribute));
  const spans = db
    .prepare(`SELECT a.id, a.label_id, a.start, a."end", a.quote, a.note FROM annotations a WHERE ${where.join(' AND ')} ORDER BY a.start, a."end"`)
    .all(...params) as SpanRow[];
  const points = utf16ToCodePoints(text, spans.flatMap((s) => [s.start, s.end]));
  const hits: SearchHit[] = [];
  let count = 0;
  spans.forEach((span, i) => {
    const spanStart = points[2 * i]!;
    const found =
      patterns.length > 0
        ? findInText(span.quote, patterns, keep).matches.map((m) => ({
            start: spanStart + m.start,
            end: spanStart + m.end,
            utf16: { start: span.start + m.utf16.start, end: span.start + m.utf16.end },
          }))
        : [{ start: spanStart, end: points[2 * i + 1]!, utf16: { start: span.start, end: span.end } }];
    count += found.length;
    for (const match of found) {
      if (hits.length < keep) hits.push(hitOf(report, text, 'text', match, span.id, span.label_id));
    }
  });
  return { count, hits };
}

function hitOf(
  report: RankedRow,
  text: string,
  field: SearchHit['field'],
  match: { start: number; end: number; utf16: { start: number; end: number } },
  annotationId: string | null = null,
  labelId: string | null = null,
): SearchHit {
  return {
    documentId: report.id,
    title: report.title,
    field,
    start: match.start,
    end: match.end,
    utf16: match.utf16,
    quote: text.slice(match.utf16.start, match.utf16.end),
    ...snippetOf(text, match.utf16),
    annotationId,
    labelId,
  };
}

/** Hits outside the text: in the title, the details, or annotations' notes. */
function otherHits(db: Db, report: RankedRow, text: string, patterns: MatchNode[], keep: number): { count: number; hits: SearchHit[] } {
  const title = findInText(report.title, patterns, keep);
  if (title.count > 0) return { count: title.count, hits: title.matches.map((m) => hitOf(report, report.title, 'title', m)) };
  const details = db.prepare('SELECT outlet, author FROM documents WHERE id = ?').get(report.id) as { outlet: string | null; author: string | null };
  const detailsText = [details.outlet, details.author].filter(Boolean).join(' · ');
  const inDetails = findInText(detailsText, patterns, keep);
  if (inDetails.count > 0) return { count: inDetails.count, hits: inDetails.matches.map((m) => hitOf(report, detailsText, 'details', m)) };
  const notes = db
    .prepare(`SELECT id, label_id, start, "end", quote, note FROM annotations WHERE document_id = ? AND note <> '' ORDER BY start`)
    .all(report.id) as SpanRow[];
  const hits: SearchHit[] = [];
  for (const span of notes.filter((n) => findInText(n.note, patterns, 1).count > 0)) {
    if (hits.length >= keep) break;
    const [start, end] = utf16ToCodePoints(text, [span.start, span.end]) as [number, number];
    hits.push(hitOf(report, text, 'note', { start, end, utf16: { start: span.start, end: span.end } }, span.id, span.label_id));
  }
  return { count: hits.length, hits };
}

export interface SearchOptions {
  /** Asked between reports: false when a newer search replaced this one (the search worker). */
  stillWanted?: () => boolean;
  /** Candidate rows ranked per source (default candidateCap; tests lower it). */
  candidateCap?: number;
  /**
   * Milliseconds the query may take (default: no limit). Past it, hits are placed in no further
   * report: the page returns the reports placed so far (at least one), marked partial.
   */
  budgetMs?: number;
}

/** The budget of a search the window asks (the search worker): typing never waits longer for a page. */
export const searchBudgetMs = 200;

export function search(db: Db, args: Args, options: SearchOptions = {}): SearchResults {
  const started = performance.now();
  const stillWanted = options.stillWanted ?? (() => true);
  const scope = resolveScope(db, args);
  const hasFilter = scope.labelIds.length > 0 || scope.attributes.length > 0 || Boolean(args.outlet || args.tag || args.dateFrom || args.dateTo || args.documentId);
  const { filters } = scope.parsed;
  if (!scope.parsed.text && !hasFilter && filters.outlets.length + filters.tags.length === 0 && !filters.from && !filters.to) {
    return { total: 0, capped: false, page: args.page, pageSize: args.pageSize, reports: [], elapsedMs: performance.now() - started, partial: false };
  }
  const cap = options.candidateCap ?? candidateCap;
  const ranked = rankReports(db, args, scope, cap);
  if (!stillWanted()) throw supersededError();
  const patterns = wantedMatches(scope.parsed.text);
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const budgetMs = options.budgetMs ?? Infinity;
  const reports: SearchReport[] = [];
  for (const report of ranked) {
    if (!stillWanted()) throw supersededError();
    if (reports.length > 0 && performance.now() - started > budgetMs) break;
    const text = textOf.get(report.id) as string;
    let found: { count: number; hits: SearchHit[] };
    if (scope.labelIds.length > 0 || (scope.attributes.length > 0 && patterns.length === 0)) {
      found = spanHits(db, report, text, scope, patterns, args.hitsPerReport);
    } else {
      const inText = findInText(text, patterns, args.hitsPerReport);
      found = { count: inText.count, hits: inText.matches.map((m) => hitOf(report, text, 'text', m)) };
      if (found.count === 0 && patterns.length > 0) found = otherHits(db, report, text, patterns, args.hitsPerReport);
    }
    reports.push({ documentId: report.id, title: report.title, outlet: report.outlet, publishedAt: report.published_at, hitCount: found.count, hits: found.hits });
  }
  const total = ranked[0]?.total ?? 0;
  const capped = (ranked[0]?.candidates ?? 0) > cap;
  const partial = reports.length < ranked.length;
  return { total, capped, page: args.page, pageSize: args.pageSize, reports, elapsedMs: performance.now() - started, partial };
}
