// The main window reopens where it was, but never off every connected screen.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSize, parseWindowState, readWindowState, windowBoundsFor, writeWindowState } from '../../electron/shell/window-state';
import { tempDir } from './helpers';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window bounds at start', () => {
  it('uses the default size, centred on the primary screen, when nothing is saved', () => {
    expect(windowBoundsFor(undefined, [laptop])).toEqual({
      bounds: { x: 80, y: 25 + 28, width: defaultSize.width, height: defaultSize.height },
      maximized: false,
    });
  });

  it('keeps saved bounds that are on a connected screen, and the maximised state', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: true };
    expect(windowBoundsFor(saved, [laptop, monitorOnRight])).toEqual(saved);
  });

  it('centres the window on the primary screen when its screen is no longer connected', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false };
    const { bounds } = windowBoundsFor(saved, [laptop]);
    // Fitted to the laptop's work area and fully on it.
    expect(bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('pulls a window hanging over a screen edge back inside, and shrinks one larger than the screen', () => {
    const hanging = { bounds: { x: 1300, y: 700, width: 800, height: 600 }, maximized: false };
    expect(windowBoundsFor(hanging, [laptop]).bounds).toEqual({ x: 640, y: 300, width: 800, height: 600 });
    const huge = { bounds: { x: 0, y: 25, width: 4000, height: 3000 }, maximized: false };
    expect(windowBoundsFor(huge, [laptop]).bounds).toEqual(laptop);
  });

  it('treats a title bar above the top of every screen as lost', () => {
    const above = { bounds: { x: 100, y: -600, width: 800, height: 600 }, maximized: false };
    const { bounds } = windowBoundsFor(above, [laptop]);
    expect(bounds.y).toBeGreaterThanOrEqual(laptop.y);
  });
});

describe('window state file', () => {
  it('round-trips through the file and ignores damaged or foreign content', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json');
    expect(readWindowState(file)).toBeUndefined();
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);

    for (const bad of ['', 'not json', 'null', '[]', '{"bounds":{"x":1,"y":2,"width":0,"height":5}}', '{"bounds":{"x":"1","y":2,"width":3,"height":5}}']) {
      expect(parseWindowState(bad), bad).toBeUndefined();
    }
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":3,"height":5},"maximized":"yes"}')).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 5 },
      maximized: false,
    });
  });
});
