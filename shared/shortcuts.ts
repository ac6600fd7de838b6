// The one table of keyboard shortcuts: chords with Ctrl (Cmd on macOS), and a few function keys. The renderer matches keys and
// writes tooltips and aria-keyshortcuts from it; the application menu shows its accelerators.
// Pure data and pure functions: no DOM, no Electron.
import { readerMenuCommands, type MenuCommand } from './contract';

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
  { command: 'show-agreement', label: 'Agreement between analysts', chord: { key: '5', shift: false }, accelerator: 'CmdOrCtrl+5' },
  { command: 'show-curation', label: 'Curation into the gold layer', chord: { key: '6', shift: false }, accelerator: 'CmdOrCtrl+6' },
  { command: 'show-search', label: 'Search reports', chord: { key: 'f', shift: true }, accelerator: 'Shift+CmdOrCtrl+F' },
  { command: 'tag-search-hits', label: 'Tag the hits of a search', chord: { key: 't', shift: true }, accelerator: 'Shift+CmdOrCtrl+T' },
  { command: 'choose-layer', label: 'Choose the layer shown', chord: { key: 'l', shift: true }, accelerator: 'Shift+CmdOrCtrl+L' },
  { command: 'team-sync-now', label: 'Sync with the team now', chord: { key: 's', shift: true }, accelerator: 'Shift+CmdOrCtrl+S' },
  { command: 'team-conflicts', label: 'Review conflicting edits', chord: { key: 'k', shift: true }, accelerator: 'Shift+CmdOrCtrl+K' },
  { command: 'compare-layers', label: 'Compare the report’s layers side by side', chord: { key: 'd', shift: true }, accelerator: 'Shift+CmdOrCtrl+D' },
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
  // The reader's own keys: bare keys, so they act only on the reader and never in a text field.
  { command: 'next-annotation', label: 'Next annotation', chord: { key: ']', shift: false, bare: true }, accelerator: ']' },
  { command: 'previous-annotation', label: 'Previous annotation', chord: { key: '[', shift: false, bare: true }, accelerator: '[' },
  {
    command: 'next-same-label',
    label: 'Next annotation with the same label',
    chord: { key: ']', shift: true, bare: true },
    // What Shift+] types on most layouts.
    also: [{ key: '}', shift: true, bare: true }],
    accelerator: 'Shift+]',
  },
  {
    command: 'previous-same-label',
    label: 'Previous annotation with the same label',
    chord: { key: '[', shift: true, bare: true },
    also: [{ key: '{', shift: true, bare: true }],
    accelerator: 'Shift+[',
  },
  { command: 'jump-to-word', label: 'Jump to a word (type its start)', chord: { key: '/', shift: false, bare: true }, accelerator: '/' },
  {
    command: 'jump-back-to-word',
    label: 'Jump back to a word (type its start)',
    chord: { key: '/', shift: true, bare: true },
    also: [{ key: '?', shift: true, bare: true }],
    accelerator: 'Shift+/',
  },
  { command: 'select-sentence', label: 'Select the sentence', chord: { key: 's', shift: false, bare: true }, accelerator: 'S' },
  { command: 'link-annotation', label: 'Link the selected annotation', chord: { key: 'l', shift: false, bare: true }, accelerator: 'L' },
  {
    command: 'new-event',
    label: 'New event on the selection or the selected span',
    chord: { key: 'e', shift: true, bare: true },
    accelerator: 'Shift+E',
  },
  { command: 'resolve-place', label: 'Resolve the place', chord: { key: 'p', shift: false, bare: true }, accelerator: 'P' },
  { command: 'focus-text', label: 'Back to the text', chord: { key: 'f6', shift: false, bare: true }, accelerator: 'F6' },
  // The Curation screen's keys, and the compare view's (next difference): bare, so a text field keeps them.
  { command: 'next-disagreement', label: 'Next undecided disagreement', chord: { key: 'n', shift: false, bare: true }, accelerator: 'N' },
  { command: 'previous-disagreement', label: 'Previous undecided disagreement', chord: { key: 'n', shift: true, bare: true }, accelerator: 'Shift+N' },
  // The reader's text size (View ▸ Text Size), as in word processors; Ctrl+= and Ctrl+− stay the window's zoom.
  { command: 'text-larger', label: 'Larger text', chord: { key: ']', shift: false }, accelerator: 'CmdOrCtrl+]' },
  { command: 'text-smaller', label: 'Smaller text', chord: { key: '[', shift: false }, accelerator: 'CmdOrCtrl+[' },
];

/** Commands that act on the open report: the reader takes their keys itself, the menu sends them to it. */
export const readerCommands: ReadonlySet<ShortcutCommand> = new Set(readerMenuCommands);

/** Whether a command's key types a character (so a focused text field keeps it). */
export function typesText(command: ShortcutCommand): boolean {
  const chord = shortcutFor(command)?.chord;
  return chord !== undefined && chord.bare === true && chord.key.length === 1;
}

/**
 * Attribute values by key, on the selected annotation: Shift with a digit sets the label's first
 * choice attribute (a claim's status) to its n-th option, Alt with a digit the second (its
 * confidence); 0 clears. Matched by the physical key, as Shift+1 types "!" and Alt+1 "¡".
 */
export interface AttributeKey {
  /** Which choice attribute of the label: 0 the first, 1 the second. */
  attribute: 0 | 1;
  /** The option's index, or null to clear the value. */
  option: number | null;
}

export const attributeKeyHelp = [
  { keys: 'Shift+1…9', label: 'Set the first choice (a claim’s status); Shift+0 clears it' },
  { keys: 'Alt+1…9', label: 'Set the second choice (a claim’s confidence); Alt+0 clears it' },
] as const;

export function attributeKeyOf(press: KeyPress & { code: string }): AttributeKey | null {
  const digit = /^Digit([0-9])$/.exec(press.code)?.[1];
  if (digit === undefined || press.ctrlKey || press.metaKey || press.shiftKey === press.altKey) return null;
  return { attribute: press.shiftKey ? 0 : 1, option: digit === '0' ? null : Number(digit) - 1 };
}

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
