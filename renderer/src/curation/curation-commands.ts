// N and Shift+N (View ▸ Next/Previous Undecided Disagreement) reach the Curation screen as a
// window event; only that screen takes their keys.
import type { ShortcutCommand } from '../../../shared/shortcuts';
import { commandEvents } from '../reader/reader-command-events';

export const curationCommands: ReadonlySet<ShortcutCommand> = new Set(['next-disagreement', 'previous-disagreement']);

const events = commandEvents('glossa:curation-command');

export const sendCurationCommand = events.send;
export const onCurationCommand = events.on;
