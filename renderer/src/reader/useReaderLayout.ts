// What the reader derives for drawing: the text's blocks with the annotations of each, and the
// selected annotation's links as arcs.
import { useMemo, useRef } from 'react';
import type { Analysis } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { splitBlocks } from './blocks';
import type { Arc } from './RelationArcs';
import { updateAnnotationsByBlock } from './segments';

export function useBlocks(text: string, annotations: readonly ReaderAnnotation[]) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  // Blocks whose annotations did not change keep their arrays, so they do not render again.
  const previousByBlock = useRef<ReaderAnnotation[][] | null>(null);
  const byBlock = useMemo(() => {
    previousByBlock.current = updateAnnotationsByBlock(previousByBlock.current, blocks, annotations);
    return previousByBlock.current;
  }, [blocks, annotations]);
  return { blocks, byBlock };
}

/** The selected annotation's links, drawn over the text. */
export function useArcs(selectedId: string | null, analysis: Analysis): Arc[] {
  return useMemo<Arc[]>(() => {
    if (!selectedId) return [];
    const typeName = (id: string) => analysis.schema?.relationTypes.find((t) => t.id === id)?.name ?? '';
    return analysis.relations
      .filter((r) => r.fromId === selectedId || r.toId === selectedId)
      .map((r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, label: typeName(r.typeId) }));
  }, [selectedId, analysis]);
}
