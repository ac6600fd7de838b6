// The main window's size, position and maximised state, remembered between runs in
// window-state.json in the user-data folder. Free of 'electron', so unit tests check the
// decisions; window.ts gives it the connected screens' work areas.
import fs from 'node:fs';
import path from 'node:path';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const defaultSize = { width: 1280, height: 820 };
export const minimumSize = { width: 720, height: 480 };
/** How much of the title bar must be on a screen for the saved position to be kept. */
const visibleEnough = { width: 120, height: 40 };

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** The saved state, or undefined when the file is missing, damaged or from something else. */
export function parseWindowState(json: string): WindowState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (!isRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return undefined;
  return { bounds, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where the window opens: the saved bounds when their title bar is on a connected screen's work
 * area (shrunk to fit that screen), else the saved size (fitted) centred on the primary screen;
 * with nothing saved, the default size centred. `workAreas[0]` is the primary screen.
 */
export function windowBoundsFor(saved: WindowState | undefined, workAreas: readonly Rect[]): { bounds: Rect; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultSize };
  const fit = (size: { width: number; height: number }, area: Rect) => ({
    width: Math.max(Math.min(size.width, area.width), Math.min(minimumSize.width, area.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(minimumSize.height, area.height)),
  });
  const centred = (size: { width: number; height: number }): Rect => {
    const { width, height } = fit(size, primary);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(defaultSize), maximized: false };

  const titleBar: Rect = { ...saved.bounds, height: Math.min(saved.bounds.height, visibleEnough.height) };
  const screen = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(visibleEnough.width, saved.bounds.width) && o.height >= Math.min(visibleEnough.height, titleBar.height);
  });
  if (!screen) return { bounds: centred(saved.bounds), maximized: saved.maximized };
  const { width, height } = fit(saved.bounds, screen);
  // Pulled back inside the screen where the fitted window would hang over its edges.
  const x = Math.min(Math.max(saved.bounds.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(saved.bounds.y, screen.y), screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

export function readWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Written through a temp file, so a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temp, JSON.stringify(state) + '\n');
  fs.renameSync(temp, file);
}
