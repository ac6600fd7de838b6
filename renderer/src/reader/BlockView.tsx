import { memo, type CSSProperties } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { Block } from './blocks';
import type { DocText } from './doc-text';
import { segmentBlock, type Segment } from './segments';
import type { ReaderAnnotation } from '../state/reader-annotation';

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
}

export const BlockView = memo(function BlockView({ text, block, annotations, labels, selectedId, flashId }: BlockViewProps) {
  const segments = annotations.length ? segmentBlock(block, annotations) : [{ start: block.start, end: block.end, covering: [] }];
  return (
    <p className={block.continued ? 'block continued' : 'block'}>
      {segments.map((segment) => (
        <SegmentView key={segment.start} text={text} segment={segment} labels={labels} selectedId={selectedId} flashId={flashId} />
      ))}
    </p>
  );
});

function SegmentView({
  text,
  segment,
  labels,
  selectedId,
  flashId,
}: {
  text: DocText;
  segment: Segment;
  labels: ReadonlyMap<string, Label>;
  selectedId: string | null;
  flashId: string | null;
}) {
  const content = text.slice(segment.start, segment.end);
  if (segment.covering.length === 0) return <span data-s={segment.start}>{content}</span>;
  const ids = segment.covering.map((c) => c.annotation.id);
  const selected = selectedId !== null && ids.includes(selectedId);
  const flashing = flashId !== null && ids.includes(flashId);
  const className = ['ann', selected ? 'selected' : '', flashing ? 'flash' : ''].filter(Boolean).join(' ');
  return (
    <span
      data-s={segment.start}
      data-ids={ids.join(' ')}
      data-layers={segment.covering.map((c) => c.layer).join(' ')}
      className={className}
      style={highlightStyle(segment, labels, selectedId)}
      title={segment.covering.map((c) => labels.get(c.annotation.labelId)?.name ?? c.annotation.labelId).join(' · ')}
    >
      {content}
    </span>
  );
}

/** Layered underlines (one per covering annotation) over a tint of the innermost label. */
function highlightStyle(segment: Segment, labels: ReadonlyMap<string, Label>, selectedId: string | null): CSSProperties {
  const drawn = segment.covering.filter((c) => c.layer < maxLayersDrawn);
  const colorOf = (labelId: string) => labels.get(labelId)?.color ?? '#868e96';
  const innermost = segment.covering.reduce((a, b) =>
    b.annotation.end - b.annotation.start < a.annotation.end - a.annotation.start ? b : a,
  );
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
