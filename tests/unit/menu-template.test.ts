// The application menu: every command item sends a known menu command, with the documented
// accelerators, and developer items only outside a packaged app.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuCommands, type MenuCommand } from '../../shared/contract';
import { buildMenuTemplate } from '../../electron/shell/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(isMac: boolean, isPackaged: boolean) {
  const sent: MenuCommand[] = [];
  let abouts = 0;
  const template = buildMenuTemplate(isMac, isPackaged, {
    send: (command) => sent.push(command),
    about: () => (abouts += 1),
  });
  return { items: flatten(template), template, sent, abouts: () => abouts };
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (...args: unknown[]) => void)({}, undefined, {});
}

describe('application menu', () => {
  it('shows Team ▸ Automatic Sync ticked as the setting is', () => {
    const ticked = (on: boolean) =>
      flatten(buildMenuTemplate(false, true, { send: () => undefined, about: () => undefined, teamAutomatic: () => on })).find((i) => i.id === 'team-automatic');
    expect(ticked(true)).toMatchObject({ type: 'checkbox', checked: true });
    expect(ticked(false)).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('sends every menu command, each from exactly one item', () => {
    const menu = build(false, true);
    for (const item of menu.items) if (item.click && item.id !== 'about') click(item);
    expect([...menu.sent].sort()).toEqual([...menuCommands].sort());
  });

  it('has the documented accelerators', () => {
    const { items } = build(false, true);
    const accelerator = (id: string) => items.find((i) => i.id === id)?.accelerator;
    expect(accelerator('import')).toBe('CmdOrCtrl+O');
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator('redo')).toBe('Shift+CmdOrCtrl+Z');
    expect(accelerator('show-library')).toBe('CmdOrCtrl+1');
    expect(accelerator('show-map')).toBe('CmdOrCtrl+3');
    expect(accelerator('find')).toBe('CmdOrCtrl+F');
    expect(accelerator('find-next')).toBe('F3');
    expect(accelerator('find-previous')).toBe('Shift+F3');
    expect(accelerator('team-sync-now')).toBe('Shift+CmdOrCtrl+S');
    expect(accelerator('team-conflicts')).toBe('Shift+CmdOrCtrl+K');
  });

  it('uses commands, not roles, for undo and redo, and roles for clipboard and zoom', () => {
    const roles = build(false, true).items.map((i) => i.role).filter(Boolean);
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
  });

  it('offers reload and devtools only when not packaged', () => {
    const devRoles = (packaged: boolean) => build(false, packaged).items.map((i) => i.role);
    expect(devRoles(true)).not.toContain('toggleDevTools');
    expect(devRoles(true)).not.toContain('reload');
    expect(devRoles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('puts Quit in the app menu on macOS and About in Help everywhere', () => {
    const mac = build(true, true);
    expect(mac.template[0]?.role).toBe('appMenu');
    expect(mac.items.some((i) => i.role === 'quit')).toBe(false);
    const about = mac.items.find((i) => i.id === 'about')!;
    click(about);
    expect(mac.abouts()).toBe(1);
    expect(build(false, true).template.map((m) => m.label)).toEqual(['&File', '&Edit', '&Annotate', '&View', '&Team', '&Help']);
  });
});
