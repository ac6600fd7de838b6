// The one table of keyboard shortcuts: chords with Ctrl (Cmd on macOS), and a few function keys. The renderer matches keys and
// writes tooltips and aria-keyshortcuts from it; the application menu shows its accelerators.
// Pure data and pure functions: no DOM, no Electron.
import type { MenuCommand } from './contract';

/** A key pressed with Ctrl/Cmd (or, when bare, without them); `key` is KeyboardEvent.key in lower case. */
interface Chord {
  key: string;
  shift: boolean;
  /** Pressed without Ctrl/Cmd: a function key such as F3. */
  bare?: boolean;
}

/** What a shortcut does: a menu command, or 'export' (the export dialog, without a format chosen). */
export type ShortcutCommand = MenuCommand | 'export';

interface Shortcut {
  command: ShortcutCommand;
  label: string;
  chord: Chord;
  /** Other chords that do the same, not shown in menus. */
  also?: readonly Chord[];
  /** The same chord in Electron's accelerator syntax. */
  accelerator: string;
  /** The accelerator the macOS menu shows instead (its function keys belong to the system). */
  macAccelerator?: string;
}

export const shortcuts: readonly Shortcut[] = [
  { command: 'import', label: 'Import files', chord: { key: 'o', shift: false }, accelerator: 'CmdOrCtrl+O' },
  { command: 'import-folder', label: 'Import a folder', chord: { key: 'o', shift: true }, accelerator: 'Shift+CmdOrCtrl+O' },
  { command: 'import-clipboard', label: 'New document from clipboard', chord: { key: 'v', shift: true }, accelerator: 'Shift+CmdOrCtrl+V' },
  { command: 'export', label: 'Export annotations', chord: { key: 'e', shift: false }, accelerator: 'CmdOrCtrl+E' },
  { command: 'undo', label: 'Undo', chord: { key: 'z', shift: false }, accelerator: 'CmdOrCtrl+Z' },
  { command: 'redo', label: 'Redo', chord: { key: 'z', shift: true }, also: [{ key: 'y', shift: false }], accelerator: 'Shift+CmdOrCtrl+Z' },
  { command: 'show-library', label: 'Library', chord: { key: '1', shift: false }, also: [{ key: 'l', shift: false }], accelerator: 'CmdOrCtrl+1' },
  { command: 'show-claims', label: 'Claims', chord: { key: '2', shift: false }, accelerator: 'CmdOrCtrl+2' },
  { command: 'show-map', label: 'Map', chord: { key: '3', shift: false }, accelerator: 'CmdOrCtrl+3' },
  { command: 'show-labels', label: 'Labels', chord: { key: '4', shift: false }, accelerator: 'CmdOrCtrl+4' },
  { command: 'show-search', label: 'Search reports', chord: { key: 'f', shift: true }, accelerator: 'Shift+CmdOrCtrl+F' },
  { command: 'find', label: 'Find in report', chord: { key: 'f', shift: false }, accelerator: 'CmdOrCtrl+F' },
  {
    command: 'find-next',
    label: 'Find next',
    chord: { key: 'f3', shift: false, bare: true },
    also: [{ key: 'g', shift: false }],
    accelerator: 'F3',
    macAccelerator: 'Cmd+G',
  },
  {
    command: 'find-previous',
    label: 'Find previous',
    chord: { key: 'f3', shift: true, bare: true },
    also: [{ key: 'g', shift: true }],
    accelerator: 'Shift+F3',
    macAccelerator: 'Shift+Cmd+G',
  },
  // The reader's text size (View ▸ Text Size), as in word processors; Ctrl+= and Ctrl+− stay the window's zoom.
  { command: 'text-larger', label: 'Larger text', chord: { key: ']', shift: false }, accelerator: 'CmdOrCtrl+]' },
  { command: 'text-smaller', label: 'Smaller text', chord: { key: '[', shift: false }, accelerator: 'CmdOrCtrl+[' },
];

function shortcutFor(command: ShortcutCommand): Shortcut | undefined {
  return shortcuts.find((s) => s.command === command);
}

/** The Electron accelerator of a command, for the menu; undefined when it has no shortcut. */
export function acceleratorFor(command: ShortcutCommand, mac = false): string | undefined {
  const shortcut = shortcutFor(command);
  return (mac ? shortcut?.macAccelerator : undefined) ?? shortcut?.accelerator;
}

/** The parts of a KeyboardEvent that matter here. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press means, if it is one of the table's chords. Either Ctrl or Cmd counts. */
export function commandOf(press: KeyPress): ShortcutCommand | null {
  if (press.altKey) return null;
  const bare = !(press.ctrlKey || press.metaKey);
  const key = press.key.toLowerCase();
  const matches = (chord: Chord) => chord.key === key && chord.shift === press.shiftKey && (chord.bare ?? false) === bare;
  return shortcuts.find((s) => matches(s.chord) || s.also?.some(matches))?.command ?? null;
}

/** How a chord is shown: "⇧⌘O" on macOS, "Ctrl+Shift+O" elsewhere. */
export function formatChord(chord: Chord, mac: boolean): string {
  const key = chord.key.toUpperCase();
  if (chord.bare) return `${chord.shift ? (mac ? '⇧' : 'Shift+') : ''}${key}`;
  if (mac) return `${chord.shift ? '⇧' : ''}⌘${key}`;
  return `Ctrl+${chord.shift ? 'Shift+' : ''}${key}`;
}

/** A command's shortcuts as shown in a tooltip, e.g. "Ctrl+1 or Ctrl+L"; '' when it has none. */
export function shortcutText(command: ShortcutCommand, mac: boolean): string {
  const shortcut = shortcutFor(command);
  if (!shortcut) return '';
  return [shortcut.chord, ...(shortcut.also ?? [])].map((chord) => formatChord(chord, mac)).join(' or ');
}

/** The value of aria-keyshortcuts (WAI-ARIA key names) for a command's shortcuts. */
export function ariaKeyShortcuts(command: ShortcutCommand, mac: boolean): string | undefined {
  const shortcut = shortcutFor(command);
  if (!shortcut) return undefined;
  const aria = (chord: Chord) => `${chord.bare ? '' : mac ? 'Meta+' : 'Control+'}${chord.shift ? 'Shift+' : ''}${chord.key.toUpperCase()}`;
  return [shortcut.chord, ...(shortcut.also ?? [])].map(aria).join(' ');
}
