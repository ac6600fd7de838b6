// brat's two consistency reports over the whole library: the same text tagged with different
// labels, and text tagged in some places but not in others. Texts are compared folded (the
// search index's quote_key), so "Aleppo" and "ALEPPO" are the same text.
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { ConsistencyQuery, ConsistencyReport, Occurrence } from '../../../shared/schemas/search';
import type { Db } from '../../store/store';
import { findInFolded, foldTokens, type FoldedTokens } from './hits';
import { tokenize } from './fold';
import { toFts } from './query';
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

function conflicts(db: Db, args: Args): ConsistencyReport['conflicts'] {
  const keys = db
    .prepare(
      `SELECT sa.quote_key AS key FROM search_annotations sa JOIN annotations a ON a.id = sa.annotation_id
       WHERE sa.quote_key <> ''
       GROUP BY sa.quote_key HAVING count(DISTINCT a.label_id) > 1 ${args.labelId ? 'AND sum(a.label_id = ?) > 0' : ''}
       ORDER BY count(*) DESC, sa.quote_key LIMIT ?`,
    )
    .pluck()
    .all(...(args.labelId ? [args.labelId] : []), args.limit) as string[];
  return keys.map((key) => {
    const labels = db
      .prepare(
        `SELECT a.label_id AS labelId, count(*) AS count FROM search_annotations sa JOIN annotations a ON a.id = sa.annotation_id
         WHERE sa.quote_key = ? GROUP BY a.label_id ORDER BY count DESC, a.label_id`,
      )
      .all(key) as { labelId: string; count: number }[];
    const examples = labels.flatMap(
      ({ labelId }) =>
        db
          .prepare(
            `SELECT a.id, a.document_id, d.title, a.label_id, a.start, a."end", a.quote FROM search_annotations sa
             JOIN annotations a ON a.id = sa.annotation_id JOIN documents d ON d.id = a.document_id
             WHERE sa.quote_key = ? AND a.label_id = ? ORDER BY d.title, a.start LIMIT ?`,
          )
          .all(key, labelId, Math.max(1, Math.floor(examplesPerText / labels.length))) as SpanRow[],
    );
    return { text: examples[0]?.quote ?? key, labels, examples: examples.map((span) => occurrenceOf(db, span)) };
  });
}

function untagged(db: Db, args: Args): ConsistencyReport['untagged'] {
  const texts = db
    .prepare(
      `SELECT sa.quote_key AS key, a.label_id AS labelId, count(*) AS tagged, min(a.quote) AS quote
       FROM search_annotations sa JOIN annotations a ON a.id = sa.annotation_id
       WHERE sa.quote_key <> '' ${args.labelId ? 'AND a.label_id = ?' : ''}
       GROUP BY sa.quote_key, a.label_id ORDER BY tagged DESC, sa.quote_key LIMIT ?`,
    )
    .all(...(args.labelId ? [args.labelId] : []), args.limit) as { key: string; labelId: string; tagged: number; quote: string }[];
  const folded = new Map<string, FoldedTokens & { title: string }>();
  const reportsWith = db.prepare(
    `SELECT s.document_id FROM search_document_text JOIN search_documents s ON s.id = search_document_text.rowid
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
  return { conflicts: conflicts(db, args), untagged: untagged(db, args) };
}
