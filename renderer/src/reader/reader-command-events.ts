// Commands chosen in the application menu (Annotate ▸ Next Annotation…) or by a key that only a
// screen acts on reach that screen as a window event: the app does not hold the screen's state,
// the screen listens.
import type { ShortcutCommand } from '../../../shared/shortcuts';

interface CommandEvents {
  send(command: ShortcutCommand): void;
  on(listener: (command: ShortcutCommand) => void): () => void;
}

/** A window event carrying commands to one screen. */
export function commandEvents(eventName: string): CommandEvents {
  return {
    send: (command) => window.dispatchEvent(new CustomEvent<ShortcutCommand>(eventName, { detail: command })),
    on: (listener) => {
      const handler = (event: Event) => listener((event as CustomEvent<ShortcutCommand>).detail);
      window.addEventListener(eventName, handler);
      return () => window.removeEventListener(eventName, handler);
    },
  };
}

const reader = commandEvents('glossa:reader-command');

export const sendReaderCommand = reader.send;
export const onReaderCommand = reader.on;
