// The map's pan and zoom arithmetic.
import { describe, expect, it } from 'vitest';
import { centreOn, clampView, home, maxZoom, radius, viewAfterKey, zoomAround } from '../../../renderer/src/map/map-view';
import { mapHeight, mapWidth } from '../../../renderer/src/map/world';

describe('map view', () => {
  it('grows a point with the square root of its spans, up to a cap', () => {
    expect(radius(1)).toBe(5);
    expect(radius(4)).toBe(10);
    expect(radius(10_000)).toBe(26);
  });

  it('keeps the zoom between 1 and the maximum and some of the world in the frame', () => {
    expect(clampView({ k: 0.2, x: 0, y: 0 }).k).toBe(1);
    expect(clampView({ k: 99, x: 0, y: 0 }).k).toBe(maxZoom);
    expect(clampView({ k: 1, x: 10_000, y: -10_000 })).toEqual({ k: 1, x: mapWidth / 2, y: mapHeight / 2 - mapHeight });
  });

  it('zooms around a point, which stays where it is on screen', () => {
    const view = zoomAround(home, 2, 300, 200);
    expect(view.k).toBe(2);
    expect(300 * view.k + view.x).toBeCloseTo(300);
    expect((300 - view.x) / view.k).toBeCloseTo(300);
    expect((200 - view.y) / view.k).toBeCloseTo(200);
  });

  it('centres a place, zoomed in at least three times', () => {
    const view = centreOn(home, 400, 250);
    expect(view.k).toBe(3);
    expect(400 * view.k + view.x).toBeCloseTo(mapWidth / 2);
    expect(centreOn({ k: 8, x: 0, y: 0 }, 400, 250).k).toBe(8);
  });

  it('pans with the arrows, zooms with + and −, goes home with 0, and ignores other keys', () => {
    const zoomed = { k: 2, x: -400, y: -200 };
    expect(viewAfterKey(zoomed, 'ArrowLeft')).toEqual({ ...zoomed, x: -340 });
    expect(viewAfterKey(zoomed, 'ArrowDown')).toEqual({ ...zoomed, y: -260 });
    expect(viewAfterKey(zoomed, '+')!.k).toBe(3);
    expect(viewAfterKey(zoomed, '-')!.k).toBeCloseTo(4 / 3);
    expect(viewAfterKey(zoomed, '0')).toEqual(home);
    expect(viewAfterKey(zoomed, 'a')).toBeNull();
  });
});
