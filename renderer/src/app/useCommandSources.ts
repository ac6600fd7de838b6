// Where commands come from besides buttons: the application menu and the keyboard, both read
// from the one shortcut table.
import { useEffect, useRef } from 'react';
import { commandOf, type ShortcutCommand } from '../../../shared/shortcuts';
import { onMenuCommand } from '../api';
import { belongsToField, editFocusedField } from '../shortcuts';

/**
 * `perform` runs a command; `acceptsKey` says whether a key press for it applies now (the
 * reader handles its own undo keys first, so here they only undo a deletion in the library).
 */
export function useCommandSources(perform: (command: ShortcutCommand) => void, acceptsKey: (command: ShortcutCommand) => boolean): void {
  // The listeners stay installed; they call the latest functions.
  const latest = useRef({ perform, acceptsKey });
  latest.current = { perform, acceptsKey };

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (!editFocusedField(command)) latest.current.perform(command);
      }),
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = commandOf(event);
      if (!command || belongsToField(command, event.target) || !latest.current.acceptsKey(command)) return;
      latest.current.perform(command);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
