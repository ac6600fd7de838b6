// The shortcut table (shared/shortcuts.ts) as the renderer uses it: shown for this platform,
// and kept out of text fields, where the keys edit the text.
import { ariaKeyShortcuts, shortcutText, typesText, type ShortcutCommand } from '../../shared/shortcuts';

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** "Ctrl+O", or "⌘O" on macOS; '' for a command without a shortcut. */
export function shortcutLabel(command: ShortcutCommand): string {
  return shortcutText(command, isMac);
}

/** Props that show a command's shortcut to assistive technology. */
export function keyShortcutProps(command: ShortcutCommand): { 'aria-keyshortcuts'?: string } {
  const value = ariaKeyShortcuts(command, isMac);
  return value ? { 'aria-keyshortcuts': value } : {};
}

/** Whether keys typed at this element edit text (or a form control) rather than the document. */
export function isTextField(element: EventTarget | Element | null): boolean {
  return element instanceof Element && element.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** Commands whose keys a text field keeps for itself: its own undo, redo and paste. */
const fieldCommands: ReadonlySet<ShortcutCommand> = new Set(['undo', 'redo', 'import-clipboard']);

export function belongsToField(command: ShortcutCommand, target: EventTarget | null): boolean {
  return (fieldCommands.has(command) || typesText(command)) && isTextField(target);
}

/**
 * On macOS a menu accelerator fires even when a text field has focus (registerAccelerator:
 * false works only on Linux and Windows), so a menu command can arrive for keys meant for the
 * field. Then the field gets its own edit. Returns whether the command was used up that way.
 */
export function editFocusedField(command: ShortcutCommand): boolean {
  const focused = document.activeElement;
  if (!isTextField(focused)) return false;
  if (command === 'undo' || command === 'redo') {
    document.execCommand(command);
    return true;
  }
  if (command === 'import-clipboard' && isMac) {
    document.execCommand('paste');
    return true;
  }
  return false;
}
