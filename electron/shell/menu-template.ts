// The application menu as data. Commands go to the renderer, which decides what they do.
// Only types come from 'electron' here, so unit tests can check the template.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import { acceleratorFor } from '../../shared/shortcuts';

interface MenuActions {
  send(command: MenuCommand, window: BaseWindow | undefined): void;
  about(window: BaseWindow | undefined): void;
  /** Help ▸ Show Logs: the log file in the file manager. */
  showLogs?(): void;
  /** Whether Team ▸ Automatic Sync is on now (the item's check mark). */
  teamAutomatic?(): boolean;
}

export function buildMenuTemplate(isMac: boolean, isPackaged: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  // The renderer handles these shortcuts itself (so that a focused text field keeps its own
  // undo), so the menu only shows them: registering them too would run each command twice.
  // The accelerators come from the shortcut table the renderer reads.
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    id: name,
    label,
    accelerator: acceleratorFor(name, isMac),
    registerAccelerator: false,
    click: (_item, window) => actions.send(name, window),
  });

  const file: MenuItemConstructorOptions[] = [
    command('Import…', 'import'),
    command('Import folder…', 'import-folder'),
    command('New document from clipboard', 'import-clipboard'),
    command('Import annotated data…', 'import-annotations'),
    { type: 'separator' },
    command('Export corpus as JSONL…', 'export-jsonl'),
    command('Export corpus as CSV…', 'export-csv'),
    { type: 'separator' },
    command('Analyst Profile…', 'analyst-profile'),
  ];
  if (!isMac) file.push({ type: 'separator' }, { role: 'quit' });

  const view: MenuItemConstructorOptions[] = [
    command('Library', 'show-library'),
    command('Claims', 'show-claims'),
    command('Map', 'show-map'),
    command('Labels', 'show-labels'),
    command('Search Reports…', 'show-search'),
    command('Layers…', 'choose-layer'),
    command('Compare Layers', 'compare-layers'),
    command('Agreement', 'show-agreement'),
    command('Curation', 'show-curation'),
    command('Next Undecided Disagreement', 'next-disagreement'),
    command('Previous Undecided Disagreement', 'previous-disagreement'),
    { type: 'separator' },
    {
      label: 'Text Size',
      submenu: [command('Larger Text', 'text-larger'), command('Smaller Text', 'text-smaller'), command('Default Text Size', 'text-reset')],
    },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );

  const team: MenuItemConstructorOptions[] = [
    command('Connect to Team Server…', 'team-connect'),
    command('Sync Now', 'team-sync-now'),
    // Electron ticks the item itself on click; the renderer switches the setting, and the shell
    // sets the tick to the setting after any change (menu.ts).
    { ...command('Automatic Sync', 'team-automatic'), type: 'checkbox', checked: actions.teamAutomatic?.() ?? false },
    { type: 'separator' },
    command('Team Status…', 'team-status'),
    command('Review Conflicts…', 'team-conflicts'),
    { type: 'separator' },
    command('Leave Team…', 'team-leave'),
  ];

  const template: MenuItemConstructorOptions[] = [
    { label: '&File', submenu: file },
    {
      label: '&Edit',
      submenu: [
        // Not the 'undo'/'redo' roles: the renderer undoes annotations, or lets a focused text
        // field undo natively.
        command('Undo', 'undo'),
        command('Redo', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        // Find in the open report (the reader's find bar).
        command('Find…', 'find'),
        command('Find Next', 'find-next'),
        command('Find Previous', 'find-previous'),
        // On the Search screen: tag every hit of the search (or the selected ones) with a label.
        command('Tag Search Hits…', 'tag-search-hits'),
      ],
    },
    {
      // The reader's keys, listed where they can be found (shared/shortcuts.ts); they act on the open report.
      label: '&Annotate',
      submenu: [
        command('Next Annotation', 'next-annotation'),
        command('Previous Annotation', 'previous-annotation'),
        command('Next With the Same Label', 'next-same-label'),
        command('Previous With the Same Label', 'previous-same-label'),
        { type: 'separator' },
        command('Jump to a Word…', 'jump-to-word'),
        command('Jump Back to a Word…', 'jump-back-to-word'),
        command('Select Sentence', 'select-sentence'),
        { type: 'separator' },
        command('Link…', 'link-annotation'),
        command('New Event…', 'new-event'),
        command('Resolve Place…', 'resolve-place'),
        { type: 'separator' },
        command('Back to the Text', 'focus-text'),
      ],
    },
    { label: '&View', submenu: view },
    { label: '&Team', submenu: team },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        ...(actions.showLogs ? [{ id: 'show-logs', label: 'Show Logs', click: () => actions.showLogs?.() }, { type: 'separator' as const }] : []),
        { id: 'about', label: 'About Glossa', click: (_item, window) => actions.about(window) },
      ],
    },
  ];
  // macOS: the app menu (About, Hide, Quit…) first, and the Window menu (Minimize, Zoom, Bring All to Front) before Help.
  if (isMac) template.splice(template.length - 1, 0, { role: 'windowMenu' });
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
