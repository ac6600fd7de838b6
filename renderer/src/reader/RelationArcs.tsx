import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface Arc {
  id: string;
  fromId: string;
  toId: string;
  label: string;
}

interface DrawnArc {
  id: string;
  d: string;
  label: string;
  x: number;
  y: number;
}

/** The first line box of an annotation's highlight, relative to the text container. */
function anchorOf(root: HTMLElement, annotationId: string, origin: DOMRect): { x: number; y: number } | null {
  for (const segment of root.querySelectorAll<HTMLElement>('[data-ids]')) {
    if (!segment.dataset.ids!.split(' ').includes(annotationId)) continue;
    const rect = segment.getClientRects()[0];
    if (rect) return { x: rect.left - origin.left + Math.min(rect.width / 2, 40), y: rect.top - origin.top };
  }
  return null;
}

/**
 * Connector lines from the selected annotation to the annotations it is linked with, drawn over
 * the text for the spans that are on screen (the card lists every link).
 */
export function RelationArcs({ arcs, containerRef, version }: { arcs: readonly Arc[]; containerRef: RefObject<HTMLElement | null>; version: unknown }) {
  const [drawn, setDrawn] = useState<DrawnArc[]>([]);
  const last = useRef('');
  useLayoutEffect(() => {
    const root = containerRef.current;
    if (!root) return;
    const origin = root.getBoundingClientRect();
    const next: DrawnArc[] = [];
    for (const arc of arcs) {
      const from = anchorOf(root, arc.fromId, origin);
      const to = anchorOf(root, arc.toId, origin);
      if (!from || !to) continue;
      // Each further arc rises higher, so arcs nest and their labels do not overlap.
      const lift = 16 + next.length * 14 + Math.min(20, Math.abs(to.y - from.y) / 10);
      const top = Math.min(from.y, to.y) - lift;
      next.push({
        id: arc.id,
        d: `M ${from.x} ${from.y} C ${from.x} ${top}, ${to.x} ${top}, ${to.x} ${to.y}`,
        label: arc.label,
        x: (from.x + to.x) / 2,
        y: top + lift * 0.25 - 2,
      });
    }
    const key = JSON.stringify(next);
    if (key !== last.current) {
      last.current = key;
      setDrawn(next);
    }
  }, [arcs, containerRef, version]);
  if (drawn.length === 0) return null;
  return (
    <svg className="relation-arcs" aria-hidden="true">
      <defs>
        <marker id="arc-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      {drawn.map((arc) => (
        <g key={arc.id}>
          <path d={arc.d} markerEnd="url(#arc-head)" />
          <text x={arc.x} y={arc.y} textAnchor="middle">
            {arc.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
