// Pure parts of the reader's accessibility (issue 14): label glyphs and patterns, reading
// direction and the arrows, the text-size scale; and the map's fitting and clustering.
import { describe, expect, it } from 'vitest';
import { labelMarks } from '../../../renderer/src/reader/label-marks';
import { arrowMoveFor, textDirection } from '../../../renderer/src/reader/text-direction';
import { stepTextSize } from '../../../renderer/src/app/useTextSize';
import { clusterPoints, fitView, home, radius } from '../../../renderer/src/map/map-view';
import { mapHeight, mapWidth } from '../../../renderer/src/map/world';

describe('label marks', () => {
  it('gives the first labels distinct glyphs and patterns, in schema order', () => {
    const marks = labelMarks(['claim', 'source', 'location', 'event', 'actor'].map((id) => ({ id })));
    expect(new Set([...marks.values()].map((m) => m.glyph)).size).toBe(5);
    expect(new Set([...marks.values()].map((m) => m.pattern)).size).toBe(5);
    expect(marks.get('claim')).toEqual({ glyph: '◆', pattern: 'solid' });
  });
});

describe('reading direction', () => {
  it('is told by the first letter, past digits and punctuation', () => {
    expect(textDirection('قال القادة')).toBe('rtl');
    expect(textDirection('12 — «שלום»')).toBe('rtl');
    expect(textDirection('2024: Rebels said')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });

  it('turns ← and → round in right-to-left paragraphs, and leaves the other keys', () => {
    expect(arrowMoveFor('ArrowRight', 'Rebels')).toBe('next');
    expect(arrowMoveFor('ArrowRight', 'قال')).toBe('previous');
    expect(arrowMoveFor('ArrowLeft', 'قال')).toBe('next');
    expect(arrowMoveFor('ArrowDown', 'قال')).toBe('down');
    expect(arrowMoveFor('Home', 'قال')).toBe('home');
    expect(arrowMoveFor('a', 'قال')).toBeNull();
  });
});

describe('text size', () => {
  it('steps along the scale and stops at its ends', () => {
    expect(stepTextSize(19, 1)).toBe(21);
    expect(stepTextSize(19, -1)).toBe(17);
    expect(stepTextSize(14, -1)).toBe(14);
    expect(stepTextSize(34, 1)).toBe(34);
    expect(stepTextSize(20, 1)).toBe(24);
  });
});

describe('map fitting and clusters', () => {
  it('fits the view to points, zooming in no further than 12×', () => {
    expect(fitView([])).toEqual(home);
    const one = fitView([{ px: 500, py: 200 }]);
    expect(one.k).toBe(12);
    expect(one.x + 500 * one.k).toBeCloseTo(mapWidth / 2);
    expect(one.y + 200 * one.k).toBeCloseTo(mapHeight / 2);
    // Two points 40 units apart: both inside the frame, with a margin.
    const two = fitView([{ px: 480, py: 200 }, { px: 520, py: 200 }]);
    for (const px of [480, 520]) {
      const x = two.x + px * two.k;
      expect(x).toBeGreaterThan(40);
      expect(x).toBeLessThan(mapWidth - 40);
    }
  });

  it('draws overlapping points as one at a zoom, and parts them closer in', () => {
    const points = [
      { px: 500, py: 200, r: radius(2), name: 'Aleppo' },
      { px: 503, py: 201, r: radius(1), name: 'Idlib' },
      { px: 700, py: 300, r: radius(1), name: 'Alder' },
    ];
    const size = (members: readonly (typeof points)[number][]) => radius(members.length);
    const far = clusterPoints(points, 1, size);
    expect(far.map((c) => c.members.map((m) => m.name).sort())).toEqual([['Aleppo', 'Idlib'], ['Alder']]);
    expect(far[0]!.px).toBeCloseTo(501.5);
    const near = clusterPoints(points, 12, size);
    expect(near).toHaveLength(3);
  });
});
