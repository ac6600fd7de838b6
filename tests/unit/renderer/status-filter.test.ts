// Highlights by status: hidden statuses are not painted, and colouring swaps in a label per status.
import { describe, expect, it } from 'vitest';
import type { Label, LabelWithAttributes } from '../../../shared/schemas/schema';
import { showAll, statusOptions, statusPaint } from '../../../renderer/src/reader/status-filter';
import type { ReaderAnnotation } from '../../../renderer/src/state/reader-annotation';

const label = (id: string, name: string): Label => ({ id, name, color: '#123456', hotkey: null, position: 1 }) as unknown as Label;
const claim = { ...label('claim', 'Claim'), attributes: [{ id: 'claim-status', labelId: 'claim', name: 'status', type: 'choice', options: ['unverified', 'disputed'], position: 1 }] } as unknown as LabelWithAttributes;
const source = { ...label('source', 'Source'), attributes: [] } as unknown as LabelWithAttributes;
const labels = new Map([claim, source].map((l) => [l.id, l as Label]));
const span = (id: string, labelId: string): ReaderAnnotation => ({ id, documentId: 'd', labelId, start: 0, end: 1, quote: 'x', note: '' });
const spans = [span('a', 'claim'), span('b', 'claim'), span('c', 'source')];
const values: Record<string, Record<string, string>> = { a: { 'claim-status': 'disputed' } };
const valueOf = (id: string, attribute: string) => values[id]?.[attribute];

describe('statusPaint', () => {
  it('changes nothing when nothing is filtered', () => {
    expect(statusPaint(showAll, [claim, source], labels, valueOf)).toBeNull();
  });

  it('hides the highlights of a status, and of claims without one, but never of labels without a status', () => {
    const disputed = statusPaint({ hidden: new Set(['disputed']), byStatus: false }, [claim, source], labels, valueOf)!;
    expect(disputed.paint(spans).map((a) => a.id)).toEqual(['b', 'c']);
    const unset = statusPaint({ hidden: new Set(['']), byStatus: false }, [claim, source], labels, valueOf)!;
    expect(unset.paint(spans).map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('colours by status through a label per status, named for the title', () => {
    const painting = statusPaint({ hidden: new Set(), byStatus: true }, [claim, source], labels, valueOf)!;
    const painted = painting.paint(spans);
    expect(painted.map((a) => a.labelId)).toEqual(['claim~disputed', 'claim~none', 'source']);
    expect(painting.labels.get('claim~disputed')).toMatchObject({ name: 'Claim (disputed)', color: '#e39400' });
    expect(painting.labels.get('claim~none')?.name).toBe('Claim (no status)');
    expect(painted.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('offers the schema’s statuses and "not set"', () => {
    expect(statusOptions([claim, source])).toEqual(['unverified', 'disputed', '']);
  });
});
