import { memo, type CSSProperties } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { Block } from './blocks';
import type { DocText } from './doc-text';
import { cutAtHits, type Hit } from './find-hits';
import { segmentBlock, type Segment } from './segments';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { marksOf, unknownMark } from './label-marks';

/** Underlines are drawn in rows below the text, one row per layer. */
export const layerStep = 4;
const maxLayersDrawn = 5;

interface BlockViewProps {
  text: DocText;
  block: Block;
  annotations: readonly ReaderAnnotation[];
  labels: ReadonlyMap<string, Label>;
  /** Only passed when the selected annotation touches this block, to keep other blocks memoised. */
  selectedId: string | null;
  flashId: string | null;
  /** The find bar's matches in this block (sorted). */
  hits: readonly Hit[];
  /** The index of the find bar's current match when it is in this block, else -1 (keeps other blocks memoised). */
  currentHit: number;
  /** What a screen reader hears about the selected annotation; only passed with selectedId. */
  selectedDescription: string | null;
}

export const BlockView = memo(function BlockView({ text, block, annotations, labels, selectedId, flashId, hits, currentHit, selectedDescription }: BlockViewProps) {
  const segments = annotations.length ? segmentBlock(block, annotations) : [{ start: block.start, end: block.end, covering: [] }];
  const views = (segment: Segment, start: number, end: number, hitIndex: number) => (
    <SegmentView key={start} text={text} segment={segment} start={start} end={end} hit={hitIndex < 0 ? null : hitIndex === currentHit ? 'current' : 'hit'} labels={labels} selectedId={selectedId} flashId={flashId} selectedDescription={selectedDescription} />
  );
  return (
    <p className={block.continued ? 'block continued' : 'block'}>
      {segments.flatMap((segment) =>
        hits.length === 0 ? [views(segment, segment.start, segment.end, -1)] : cutAtHits(segment.start, segment.end, hits).map((piece) => views(segment, piece.start, piece.end, piece.index)),
      )}
    </p>
  );
});

/** A segment, or the part of one inside or outside a find match (each part keeps the segment's highlight). */
function SegmentView({
  text,
  segment,
  start,
  end,
  hit,
  labels,
  selectedId,
  flashId,
  selectedDescription,
}: {
  text: DocText;
  segment: Segment;
  start: number;
  end: number;
  hit: 'hit' | 'current' | null;
  labels: ReadonlyMap<string, Label>;
  selectedId: string | null;
  flashId: string | null;
  selectedDescription: string | null;
}) {
  const content = text.slice(start, end);
  const hitClass = hit === 'current' ? 'find-hit current' : hit ? 'find-hit' : '';
  const hitProps = hit === 'current' ? { 'data-find': 'current' } : hit ? { 'data-find': 'hit' } : {};
  if (segment.covering.length === 0) {
    return hit ? <span data-s={start} className={hitClass} {...hitProps}>{content}</span> : <span data-s={start}>{content}</span>;
  }
  const ids = segment.covering.map((c) => c.annotation.id);
  const selected = selectedId !== null && ids.includes(selectedId);
  const flashing = flashId !== null && ids.includes(flashId);
  const className = ['ann', selected ? 'selected' : '', flashing ? 'flash' : '', hitClass].filter(Boolean).join(' ');
  const names = segment.covering.map((c) => labels.get(c.annotation.labelId)?.name ?? c.annotation.labelId);
  const marks = marksOf(labels);
  const markOf = (labelId: string) => marks.get(labelId) ?? unknownMark;
  // A glyph per annotation starting here; its alternative text (CSS) names the label to a screen reader.
  const starting = segment.covering.filter((c) => c.annotation.start === start);
  const innermost = innermostOf(segment);
  return (
    <mark
      data-s={start}
      {...hitProps}
      data-ids={ids.join(' ')}
      data-layers={segment.covering.map((c) => c.layer).join(' ')}
      data-pattern={markOf(innermost.annotation.labelId).pattern}
      {...(starting.length > 0 && {
        'data-glyph': starting.map((c) => markOf(c.annotation.labelId).glyph).join(''),
        'data-glyph-name': starting.map((c) => `${labels.get(c.annotation.labelId)?.name ?? c.annotation.labelId}: `).join(''),
      })}
      className={className}
      style={highlightStyle(segment, labels, selectedId)}
      title={names.join(' · ')}
      aria-description={selected && selectedDescription ? selectedDescription : names.join(', ')}
    >
      {content}
    </mark>
  );
}

function innermostOf(segment: Segment) {
  return segment.covering.reduce((a, b) => (b.annotation.end - b.annotation.start < a.annotation.end - a.annotation.start ? b : a));
}

/** Layered underlines (one per covering annotation) over a tint of the innermost label. */
function highlightStyle(segment: Segment, labels: ReadonlyMap<string, Label>, selectedId: string | null): CSSProperties {
  const drawn = segment.covering.filter((c) => c.layer < maxLayersDrawn);
  const colorOf = (labelId: string) => labels.get(labelId)?.color ?? '#868e96';
  const innermost = innermostOf(segment);
  const selected = segment.covering.find((c) => c.annotation.id === selectedId);
  const tint = colorOf((selected ?? innermost).annotation.labelId);
  const images = drawn.map((c) => {
    const color = colorOf(c.annotation.labelId);
    return `linear-gradient(${color}, ${color})`;
  });
  const sizes = drawn.map((c) => `100% ${c.annotation.id === selectedId ? 3 : 2}px`);
  const positions = drawn.map((c) => `0 calc(100% - ${c.layer * layerStep}px)`);
  const depth = Math.min(maxLayersDrawn, Math.max(...drawn.map((c) => c.layer + 1), 1));
  return {
    backgroundImage: [...images, `linear-gradient(${tint}${selected ? '55' : '26'}, ${tint}${selected ? '55' : '26'})`].join(', '),
    backgroundSize: [...sizes, `100% calc(100% - ${depth * layerStep}px)`].join(', '),
    backgroundPosition: [...positions, '0 0'].join(', '),
    paddingBottom: `${depth * layerStep}px`,
  };
}
