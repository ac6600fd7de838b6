// Panning with the mouse, zooming with the wheel, the buttons or + and −, and arrow keys.
import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { centreOn, clampView, fitView, home, viewAfterKey, zoomAround, type Projected, type View } from './map-view';
import { mapHeight, mapWidth } from './world';

export function useMapView() {
  const [view, setView] = useState<View>(home);
  /** Where 0 and the reset button go: the whole world, or the view fitted to a report's places. */
  const [initial, setInitial] = useState<View>(home);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);

  const toSvg = (clientX: number, clientY: number) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return { x: mapWidth / 2, y: mapHeight / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };

  const handlers = {
    onPointerDown(event: PointerEvent<SVGSVGElement>) {
      if (event.button !== 0 || (event.target as Element).closest('.map-point')) return;
      const p = toSvg(event.clientX, event.clientY);
      drag.current = { x: p.x, y: p.y, view };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove(event: PointerEvent<SVGSVGElement>) {
      const start = drag.current;
      if (!start) return;
      const p = toSvg(event.clientX, event.clientY);
      setView(clampView({ ...start.view, x: start.view.x + p.x - start.x, y: start.view.y + p.y - start.y }));
    },
    onPointerUp() {
      drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
    onWheel(event: WheelEvent<SVGSVGElement>) {
      const p = toSvg(event.clientX, event.clientY);
      setView((v) => zoomAround(v, event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y));
    },
    onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
      if (event.ctrlKey || event.metaKey || event.altKey || viewAfterKey(view, event.key, initial) === null) return;
      event.preventDefault();
      setView((v) => viewAfterKey(v, event.key, initial) ?? v);
    },
  };

  return {
    view,
    svgRef,
    handlers,
    zoom: (factor: number) => setView((v) => zoomAround(v, factor, mapWidth / 2, mapHeight / 2)),
    reset: () => setView(initial),
    /** Shows these points (a cluster's places, or a report's). */
    fit: (points: readonly Pick<Projected, 'px' | 'py'>[]) => setView(fitView(points)),
    /** Shows this view, and makes it the one 0 goes back to. */
    start: (next: View) => {
      setInitial(next);
      setView(next);
    },
    centre: (px: number, py: number) => setView((v) => centreOn(v, px, py)),
  };
}
