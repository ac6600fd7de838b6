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

/** What a key does to the view (arrows pan, + and − zoom, 0 goes home); null for other keys. */
export function viewAfterKey(view: View, key: string): View | null {
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
      return home;
    default:
      return null;
  }
}
