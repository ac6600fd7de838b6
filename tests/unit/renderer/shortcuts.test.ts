// The one shortcut table: keys matched from it, shown from it (⌘ on macOS, Ctrl elsewhere), and
// the same chords as the menu's accelerators.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/shell/menu-template';
import { ariaKeyShortcuts, attributeKeyOf, commandOf, formatChord, readerCommands, shortcutText, shortcuts, typesText, type KeyPress } from '../../../shared/shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('formatChord', () => {
  it('writes Ctrl+Shift+KEY outside macOS and ⇧⌘KEY on macOS', () => {
    expect(formatChord({ key: 'o', shift: false }, false)).toBe('Ctrl+O');
    expect(formatChord({ key: 'v', shift: true }, false)).toBe('Ctrl+Shift+V');
    expect(formatChord({ key: 'o', shift: false }, true)).toBe('⌘O');
    expect(formatChord({ key: 'z', shift: true }, true)).toBe('⇧⌘Z');
  });

  it('lists other chords of a command after its own', () => {
    expect(shortcutText('show-library', false)).toBe('Ctrl+1 or Ctrl+L');
    expect(shortcutText('show-library', true)).toBe('⌘1 or ⌘L');
    expect(shortcutText('import-annotations', false)).toBe('');
    expect(ariaKeyShortcuts('redo', false)).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts('import', true)).toBe('Meta+O');
    expect(ariaKeyShortcuts('export-csv', false)).toBeUndefined();
  });
});

describe('commandOf', () => {
  it('matches Ctrl or Cmd with the exact Shift state', () => {
    expect(commandOf(press('o', { ctrlKey: true }))).toBe('import');
    expect(commandOf(press('O', { metaKey: true, shiftKey: true }))).toBe('import-folder');
    expect(commandOf(press('V', { ctrlKey: true, shiftKey: true }))).toBe('import-clipboard');
    expect(commandOf(press('z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandOf(press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandOf(press('l', { metaKey: true }))).toBe('show-library');
    expect(commandOf(press('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('matches F3 and Shift+F3 without Ctrl or Cmd (find next and previous), and Ctrl/Cmd+G as well', () => {
    expect(commandOf(press('f', { ctrlKey: true }))).toBe('find');
    expect(commandOf(press('F3'))).toBe('find-next');
    expect(commandOf(press('F3', { shiftKey: true }))).toBe('find-previous');
    expect(commandOf(press('g', { metaKey: true }))).toBe('find-next');
    expect(commandOf(press('G', { metaKey: true, shiftKey: true }))).toBe('find-previous');
    expect(commandOf(press('F3', { ctrlKey: true }))).toBeNull();
    expect(commandOf(press('g'))).toBeNull();
    expect(shortcutText('find-next', false)).toBe('F3 or Ctrl+G');
    expect(shortcutText('find-previous', true)).toBe('⇧F3 or ⇧⌘G');
    expect(ariaKeyShortcuts('find-previous', false)).toBe('Shift+F3 Control+Shift+G');
  });

  it('ignores keys without Ctrl or Cmd, and with Alt', () => {
    expect(commandOf(press('o'))).toBeNull();
    expect(commandOf(press('1', { shiftKey: true }))).toBeNull();
    expect(commandOf(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('the table', () => {
  it('gives each chord to one command only', () => {
    const chords = shortcuts.flatMap((s) => [s.chord, ...(s.also ?? [])]).map((c) => `${c.bare ?? false}:${c.shift}:${c.key}`);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('writes each accelerator for the same chord', () => {
    for (const s of shortcuts) {
      expect(s.accelerator).toBe(`${s.chord.shift ? 'Shift+' : ''}${s.chord.bare ? '' : 'CmdOrCtrl+'}${s.chord.key.toUpperCase()}`);
    }
  });

  it('is what the application menu shows', () => {
    const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
    const items = flatten(buildMenuTemplate(false, true, { send: () => undefined, about: () => undefined }));
    const withAccelerator = items.filter((i) => i.accelerator);
    expect(withAccelerator.length).toBeGreaterThan(5);
    for (const item of withAccelerator) {
      expect(shortcuts.find((s) => s.command === item.id)?.accelerator).toBe(item.accelerator);
    }
    // macOS shows Cmd+G for Find Next: its F3 belongs to the system.
    const mac = flatten(buildMenuTemplate(true, true, { send: () => undefined, about: () => undefined }));
    expect(mac.find((i) => i.id === 'find-next')?.accelerator).toBe('Cmd+G');
    expect(mac.find((i) => i.id === 'find')?.accelerator).toBe('CmdOrCtrl+F');
  });
});

describe('the reader’s keys', () => {
  it('are bare keys from the same table, with Shift+] and Shift+[ as typed on most layouts', () => {
    expect(commandOf(press(']'))).toBe('next-annotation');
    expect(commandOf(press('['))).toBe('previous-annotation');
    expect(commandOf(press('}', { shiftKey: true }))).toBe('next-same-label');
    expect(commandOf(press('{', { shiftKey: true }))).toBe('previous-same-label');
    expect(commandOf(press('/'))).toBe('jump-to-word');
    expect(commandOf(press('s'))).toBe('select-sentence');
    expect(commandOf(press('F6'))).toBe('focus-text');
    // With Ctrl it is the reader's text size (View ▸ Text Size), not a step.
    expect(commandOf(press(']', { ctrlKey: true }))).toBe('text-larger');
    expect(shortcutText('next-same-label', false)).toBe('Shift+] or Shift+}');
    for (const command of readerCommands) expect(shortcuts.some((s) => s.command === command)).toBe(true);
  });

  it('leave typed characters to text fields, but not F6', () => {
    expect(typesText('select-sentence')).toBe(true);
    expect(typesText('next-annotation')).toBe(true);
    expect(typesText('focus-text')).toBe(false);
    expect(typesText('find-next')).toBe(false);
  });

  it('set attribute values by the physical digit key: Shift for the first choice, Alt for the second, 0 clears', () => {
    const code = (digit: number, modifiers: Partial<KeyPress>) => ({ ...press('x', modifiers), code: `Digit${digit}` });
    expect(attributeKeyOf(code(3, { shiftKey: true }))).toEqual({ attribute: 0, option: 2 });
    expect(attributeKeyOf(code(1, { altKey: true }))).toEqual({ attribute: 1, option: 0 });
    expect(attributeKeyOf(code(0, { shiftKey: true }))).toEqual({ attribute: 0, option: null });
    expect(attributeKeyOf(code(1, {}))).toBeNull();
    expect(attributeKeyOf(code(1, { shiftKey: true, altKey: true }))).toBeNull();
    expect(attributeKeyOf(code(1, { shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(attributeKeyOf({ ...press('a', { shiftKey: true }), code: 'KeyA' })).toBeNull();
  });
});
