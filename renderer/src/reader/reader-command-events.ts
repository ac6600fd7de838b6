// Reader commands chosen in the application menu (Annotate ▸ Next Annotation…) reach the open
// reader as a window event: the app does not hold the reader's state, the reader listens.
import type { ShortcutCommand } from '../../../shared/shortcuts';

const eventName = 'glossa:reader-command';

export function sendReaderCommand(command: ShortcutCommand): void {
  window.dispatchEvent(new CustomEvent<ShortcutCommand>(eventName, { detail: command }));
}

export function onReaderCommand(listener: (command: ShortcutCommand) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<ShortcutCommand>).detail);
  window.addEventListener(eventName, handler);
  return () => window.removeEventListener(eventName, handler);
}
