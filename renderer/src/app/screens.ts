import type { ShortcutCommand } from '../../../shared/shortcuts';

/** The screens of the top bar; 'library' shows the reader while a report is open. */
export type Screen = 'library' | 'claims' | 'map' | 'schema' | 'search' | 'agreement' | 'curation';

export const screens: readonly { id: Screen; name: string; command: ShortcutCommand }[] = [
  { id: 'library', name: 'Library', command: 'show-library' },
  { id: 'claims', name: 'Claims', command: 'show-claims' },
  { id: 'map', name: 'Map', command: 'show-map' },
  { id: 'schema', name: 'Labels', command: 'show-labels' },
  { id: 'search', name: 'Search', command: 'show-search' },
  { id: 'agreement', name: 'Agreement', command: 'show-agreement' },
  { id: 'curation', name: 'Curation', command: 'show-curation' },
];
