import { describe, expect, it } from 'vitest';
import { createAnnotation, listAnnotations, listSpans } from '../../electron/services/annotate/annotations';
import { addText, errorCodeOf, openTestContext } from './helpers';

describe('annotation spans (the reader view)', () => {
  it('lists the same annotations as annotations.list, as columns in reading order', () => {
    const t = openTestContext();
    const text = 'Rebels said they had seized Daraa 🙂 on Friday.';
    const doc = addText(t.ctx, text);
    const at = (quote: string) => text.indexOf(quote);
    createAnnotation(t.ctx, { documentId: doc, labelId: 'location', start: at('Daraa'), end: at('Daraa') + 5 });
    createAnnotation(t.ctx, { documentId: doc, labelId: 'claim', start: at('they'), end: at('Friday') + 6, note: 'unconfirmed' });
    createAnnotation(t.ctx, { documentId: doc, labelId: 'source', start: 0, end: 6 });

    const spans = listSpans(t.ctx, doc);
    const full = listAnnotations(t.ctx, doc);
    expect(spans.ids).toEqual(full.map((a) => a.id));
    expect(spans.labelIds).toEqual(['source', 'claim', 'location']);
    expect(spans.starts.map((s, i) => text.slice(s, spans.ends[i]))).toEqual(['Rebels', 'they had seized Daraa 🙂 on Friday', 'Daraa']);
    expect(spans.notes).toEqual(['', 'unconfirmed', '']);
  });

  it('refuses an unknown document', () => {
    const t = openTestContext();
    expect(errorCodeOf(() => listSpans(t.ctx, 'nope'))).toBe('NOT_FOUND');
  });
});
