// What the reader derives for drawing: the selected annotation's links as arcs.
import { useMemo } from 'react';
import type { Analysis } from '../state/useAnalysis';
import type { Arc } from './RelationArcs';

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
