// The map's pan and zoom as pure arithmetic over the projected world (mapWidth × mapHeight).
import { mapHeight, mapWidth } from './world';

/** Scale k, then translate by (x, y), in map units. */
export interface View {
  k: number;
  x: number;
  y: number;
}

export const home: View = { k: 1, x: 0, y: 0 };
export const maxZoom = 24;

/** A point's radius: its area grows with the number of spans. */
export function radius(count: number): number {
  return Math.min(26, 5 * Math.sqrt(count));
}

export function clampView(view: View): View {
  const k = Math.max(1, Math.min(maxZoom, view.k));
  // Keep some of the world in the frame.
  const x = Math.min(mapWidth * 0.5, Math.max(mapWidth * 0.5 - mapWidth * k, view.x));
  const y = Math.min(mapHeight * 0.5, Math.max(mapHeight * 0.5 - mapHeight * k, view.y));
  return { k, x, y };
}

/** Zooms by `factor` keeping the map point under (cx, cy) where it is. */
export function zoomAround(view: View, factor: number, cx: number, cy: number): View {
  const k = Math.max(1, Math.min(maxZoom, view.k * factor));
  const f = k / view.k;
  return clampView({ k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f });
}

/** Centres a projected point, zooming in to at least 3×. */
export function centreOn(view: View, px: number, py: number): View {
  const k = Math.max(view.k, 3);
  return clampView({ k, x: mapWidth / 2 - px * k, y: mapHeight / 2 - py * k });
}

const panStep = 60;

/** What a key does to the view (arrows pan, + and − zoom, 0 goes back to `reset`); null for other keys. */
export function viewAfterKey(view: View, key: string, reset: View = home): View | null {
  const zoom = (factor: number) => zoomAround(view, factor, mapWidth / 2, mapHeight / 2);
  switch (key) {
    case 'ArrowLeft':
      return clampView({ ...view, x: view.x + panStep });
    case 'ArrowRight':
      return clampView({ ...view, x: view.x - panStep });
    case 'ArrowUp':
      return clampView({ ...view, y: view.y + panStep });
    case 'ArrowDown':
      return clampView({ ...view, y: view.y - panStep });
    case '+':
    case '=':
      return zoom(1.5);
    case '-':
      return zoom(1 / 1.5);
    case '0':
      return reset;
    default:
      return null;
  }
}

/** A projected point: map units, and its drawn radius in screen units. */
export interface Projected {
  px: number;
  py: number;
  r: number;
}

/** The view that shows all the points with a margin, zoomed in at most to `maxK` (a lone place is not shown at street level). */
export function fitView(points: readonly Pick<Projected, 'px' | 'py'>[], maxK = 12): View {
  if (points.length === 0) return home;
  const xs = points.map((p) => p.px);
  const ys = points.map((p) => p.py);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 48;
  const k = Math.max(1, Math.min(maxK, (mapWidth - 2 * margin) / Math.max(maxX - minX, 1e-6), (mapHeight - 2 * margin) / Math.max(maxY - minY, 1e-6)));
  return clampView({ k, x: mapWidth / 2 - ((minX + maxX) / 2) * k, y: mapHeight / 2 - ((minY + maxY) / 2) * k });
}

/** Points drawn as one: their centre, and the radius for all their spans. */
export interface Cluster<P extends Projected> extends Projected {
  members: P[];
}

/**
 * Groups points whose circles would overlap at zoom k (distances scale with k, radii do not),
 * greedily, biggest first. `radiusOf` sizes a group from its members.
 */
export function clusterPoints<P extends Projected>(points: readonly P[], k: number, radiusOf: (members: readonly P[]) => number): Cluster<P>[] {
  const clusters: Cluster<P>[] = [];
  for (const point of [...points].sort((a, b) => b.r - a.r)) {
    const near = clusters.find((c) => Math.hypot(c.px - point.px, c.py - point.py) * k < c.r + point.r);
    if (!near) {
      clusters.push({ px: point.px, py: point.py, r: point.r, members: [point] });
      continue;
    }
    near.members.push(point);
    near.px = near.members.reduce((sum, m) => sum + m.px, 0) / near.members.length;
    near.py = near.members.reduce((sum, m) => sum + m.py, 0) / near.members.length;
    near.r = radiusOf(near.members);
  }
  return clusters;
}
