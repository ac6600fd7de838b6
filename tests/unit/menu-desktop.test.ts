// Desktop conventions of the menu: the macOS app and Window menus, and Help ▸ Show Logs.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../electron/shell/menu-template';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('desktop menus', () => {
  it('has the app menu first and the Window menu before Help on macOS only', () => {
    const actions = { send: () => {}, about: () => {} };
    const mac = buildMenuTemplate(true, true, actions);
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', '&File', '&Edit', '&Annotate', '&View', '&Team', 'windowMenu', 'help']);
    expect(buildMenuTemplate(false, true, actions).some((m) => m.role === 'windowMenu')).toBe(false);
  });

  it('opens the logs from Help ▸ Show Logs', () => {
    let opened = 0;
    const template = buildMenuTemplate(false, true, { send: () => {}, about: () => {}, showLogs: () => (opened += 1) });
    const help = template.find((m) => m.role === 'help')!;
    const item = flatten([help]).find((i) => i.id === 'show-logs')!;
    expect(item.label).toBe('Show Logs');
    (item.click as () => void)();
    expect(opened).toBe(1);
  });
});
