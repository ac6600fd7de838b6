// brat's two consistency reports over the whole library: the same text tagged with different
// labels, and text tagged in some places but not in others. Texts are compared folded (the
// quote, spaces collapsed), so "Aleppo" and "ALEPPO" are the same text.
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { ConsistencyQuery, ConsistencyReport, Occurrence } from '../../../shared/schemas/search';
import type { Db } from '../../store/store';
import { findInFolded, foldTokens, type FoldedTokens } from './hits';
import { tokenize } from './tokens';
import { toFts } from './query';
import { quoteKey } from '../../store/writers/search-index';
import type { z } from 'zod';

type Args = z.output<typeof ConsistencyQuery>;

const examplesPerText = 6;
/** Reports searched for untagged occurrences of one text, and occurrences listed per text. */
const reportsPerText = 25;
const untaggedPerText = 20;

interface SpanRow {
  id: string;
  document_id: string;
  title: string;
  label_id: string;
  start: number;
  end: number;
  quote: string;
}

function occurrenceOf(db: Db, span: SpanRow): Occurrence {
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(span.document_id) as string;
  const [start, end] = utf16ToCodePoints(text, [span.start, span.end]) as [number, number];
  return { documentId: span.document_id, title: span.title, start, end, utf16: { start: span.start, end: span.end }, annotationId: span.id, labelId: span.label_id };
}

interface TextGroup {
  quote: string;
  /** Per label: how many annotations, and the ids of the first few. */
  labels: Map<string, { count: number; examples: string[] }>;
}

/** Every annotation's quote, folded and grouped (the store keeps no folded copy, to keep the index small). */
function groupQuotes(db: Db): Map<string, TextGroup> {
  const groups = new Map<string, TextGroup>();
  const rows = db.prepare('SELECT id, quote, label_id FROM annotations ORDER BY document_id, start').raw().iterate() as IterableIterator<[string, string, string]>;
  for (const [id, quote, labelId] of rows) {
    const key = quoteKey(quote);
    if (key === '') continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { quote, labels: new Map() }));
    let label = group.labels.get(labelId);
    if (!label) group.labels.set(labelId, (label = { count: 0, examples: [] }));
    label.count += 1;
    if (label.examples.length < examplesPerText) label.examples.push(id);
  }
  return groups;
}

const total = (group: TextGroup) => [...group.labels.values()].reduce((n, l) => n + l.count, 0);

function spanRow(db: Db, id: string): SpanRow {
  return db
    .prepare(`SELECT a.id, a.document_id, d.title, a.label_id, a.start, a."end", a.quote FROM annotations a JOIN documents d ON d.id = a.document_id WHERE a.id = ?`)
    .get(id) as SpanRow;
}

function conflicts(db: Db, args: Args, groups: Map<string, TextGroup>): ConsistencyReport['conflicts'] {
  const found = [...groups.values()]
    .filter((g) => g.labels.size > 1 && (!args.labelId || g.labels.has(args.labelId)))
    .sort((a, b) => total(b) - total(a) || a.quote.localeCompare(b.quote))
    .slice(0, args.limit);
  return found.map((group) => {
    const labels = [...group.labels].map(([labelId, l]) => ({ labelId, count: l.count })).sort((a, b) => b.count - a.count || a.labelId.localeCompare(b.labelId));
    const each = Math.max(1, Math.floor(examplesPerText / labels.length));
    const examples = labels.flatMap(({ labelId }) => group.labels.get(labelId)!.examples.slice(0, each).map((id) => occurrenceOf(db, spanRow(db, id))));
    return { text: group.quote, labels, examples };
  });
}

function untagged(db: Db, args: Args, groups: Map<string, TextGroup>): ConsistencyReport['untagged'] {
  const texts = [...groups]
    .flatMap(([key, group]) => [...group.labels].map(([labelId, l]) => ({ key, labelId, tagged: l.count, quote: group.quote })))
    .filter((t) => !args.labelId || t.labelId === args.labelId)
    .sort((a, b) => b.tagged - a.tagged || a.key.localeCompare(b.key))
    .slice(0, args.limit);
  const folded = new Map<string, FoldedTokens & { title: string }>();
  const reportsWith = db.prepare(
    `SELECT d.id FROM search_document_text JOIN documents d ON d.rowid = search_document_text.rowid
     WHERE search_document_text MATCH ? LIMIT ${reportsPerText}`,
  );
  const spansOf = db.prepare('SELECT start, "end" FROM annotations WHERE document_id = ? AND label_id = ?');
  const result: ConsistencyReport['untagged'] = [];
  for (const { key, labelId, tagged, quote } of texts) {
    const tokens = tokenize(key).map((t) => t.text);
    if (tokens.length === 0) continue;
    const pattern = { kind: 'match' as const, tokens, prefix: false };
    const occurrences: Occurrence[] = [];
    for (const documentId of reportsWith.pluck().all(`{body} : ${toFts(pattern)}`) as string[]) {
      let document = folded.get(documentId);
      if (!document) {
        const row = db.prepare('SELECT title, text FROM documents WHERE id = ?').get(documentId) as { title: string; text: string };
        document = { ...foldTokens(row.text), title: row.title };
        if (folded.size < 500) folded.set(documentId, document);
      }
      const spans = spansOf.all(documentId, labelId) as { start: number; end: number }[];
      for (const match of findInFolded(document, [pattern], 1000).matches) {
        if (spans.some((s) => s.start <= match.utf16.start && s.end >= match.utf16.end)) continue;
        // A match must be a whole word sequence of the text, which the index already ensures.
        occurrences.push({ documentId, title: document.title, start: match.start, end: match.end, utf16: match.utf16, annotationId: null, labelId: null });
        if (occurrences.length >= untaggedPerText) break;
      }
      if (occurrences.length >= untaggedPerText) break;
    }
    if (occurrences.length > 0) result.push({ text: quote, labelId, tagged, untagged: occurrences });
  }
  return result;
}

export function consistencyReport(db: Db, args: Args): ConsistencyReport {
  const groups = groupQuotes(db);
  return { conflicts: conflicts(db, args, groups), untagged: untagged(db, args, groups) };
}
