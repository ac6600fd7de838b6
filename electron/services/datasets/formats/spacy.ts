// spaCy-compatible JSONL: one document per line,
//   {"text": "…", "spans": {"sc": [{"start": 0, "end": 9, "label": "Claim", …}]},
//    "ents": [{"start": 0, "end": 9, "label": "Claim"}], "meta": {…}}
// with character offsets in code points (Python's str, what spaCy counts), so that
//   doc = nlp.make_doc(line["text"]); doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
// gives the spans, doc.spans["sc"] can hold all of them and doc.ents the ones in "ents" (spans
// that do not overlap, chosen by the rule in conll.ts). Each span also has its quote ("text"),
// Glossa id, note and attribute values; relations are in "meta".
import type { OffsetUnit } from '../../../../shared/offsets';
import { nonOverlapping } from './conll';
import { offsetsOf, type DsDocument } from '../model';
import type { DatasetFormat } from './format';
import { readable, textExport } from './text-export';

function spacyLine(doc: DsDocument, unit: OffsetUnit): { line: string; dropped: number } {
  const spans = doc.annotations.map((a) => {
    const [start, end] = offsetsOf(a, unit);
    return {
      start,
      end,
      label: a.label,
      text: a.quote,
      id: a.id,
      ...(unit === 'utf16' ? { codepoint_start: a.cpStart, codepoint_end: a.cpEnd } : {}),
      note: a.note,
      attributes: a.attributes,
    };
  });
  const { kept, dropped } = nonOverlapping(spans);
  const line = JSON.stringify({
    text: doc.text,
    spans: { sc: spans },
    ents: kept.map((s) => ({ start: s.start, end: s.end, label: s.label })),
    meta: {
      id: doc.id,
      title: doc.title,
      outlet: doc.outlet,
      url: doc.url,
      published_at: doc.publishedAt,
      offset_unit: unit,
      relations: doc.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
    },
  });
  return { line: line + '\n', dropped: dropped.length };
}

export const spacyFormat: DatasetFormat = {
  id: 'spacy',
  ...textExport(function* (_ctx, docs, unit, warnings) {
    let dropped = 0;
    for (const d of docs) {
      const out = spacyLine(d, unit);
      dropped += out.dropped;
      yield { text: out.line, record: true };
    }
    if (dropped > 0) warnings.push(`${dropped} overlapping span${dropped === 1 ? ' is' : 's are'} in "spans" but not in "ents".`);
  }, readable),
};
