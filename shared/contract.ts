// The one IPC contract. Every channel the renderer may call, with the schema of its
// arguments and of its result. The preload, the dispatcher and the test harness are generic
// over this object: adding a feature adds a line to its domain's file in channels/, a handler,
// and a UI call.
import type { z } from 'zod';
import { analystChannels } from './channels/analysts';
import { agreementChannels } from './channels/agreement';
import { annotateChannels } from './channels/annotate';
import { appChannels } from './channels/app';
import { claimsChannels } from './channels/claims';
import { datasetChannels } from './channels/datasets';
import { eventChannels } from './channels/events';
import { libraryChannels } from './channels/library';
import { placesChannels } from './channels/places';
import { schemaChannels } from './channels/schema';
import { storeChannels } from './channels/store';
import { searchChannels } from './channels/search';
import { teamChannels } from './channels/team';
import { eventSchemas } from './events';

export const contract = {
  ...appChannels,
  ...storeChannels,
  ...libraryChannels,
  ...annotateChannels,
  ...eventChannels,
  ...analystChannels,
  ...schemaChannels,
  ...placesChannels,
  ...claimsChannels,
  ...datasetChannels,
  ...searchChannels,
  ...agreementChannels,
  ...teamChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Commands the main process sends to the renderer from its menus. */
/** Commands that act on the open report: the reader takes their keys itself (shared/shortcuts.ts), the Annotate menu sends them to it. */
export const readerMenuCommands = [
  'next-annotation',
  'previous-annotation',
  'next-same-label',
  'previous-same-label',
  'jump-to-word',
  'jump-back-to-word',
  'select-sentence',
  'link-annotation',
  'new-event',
  'resolve-place',
  'focus-text',
] as const;

export const menuCommands = [
  'import',
  'import-folder',
  'import-clipboard',
  'import-annotations',
  'export-jsonl',
  'export-csv',
  'undo',
  'redo',
  'show-library',
  'show-claims',
  'show-map',
  'show-labels',
  'show-search',
  'show-agreement',
  'show-curation',
  'find',
  'find-next',
  'find-previous',
  'tag-search-hits',
  ...readerMenuCommands,
  'text-larger',
  'text-smaller',
  'text-reset',
  'analyst-profile',
  'choose-layer',
  'team-connect',
  'team-sync-now',
  'team-automatic',
  'team-status',
  'team-conflicts',
  'team-leave',
  'next-disagreement',
  'previous-disagreement',
  'compare-layers',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The IPC channel names used on the wire. */
export const ipcChannelPrefix = 'glossa:';
export const menuCommandChannel = 'glossa-menu';
export const eventChannel = 'glossa-event';

type EventName = keyof typeof eventSchemas;
/** Something the main process tells the renderer without being asked (e.g. import progress). */
export type AppEvent = { [N in EventName]: { name: N; payload: z.output<(typeof eventSchemas)[N]> } }[EventName];

export function isAppEvent(value: unknown): value is AppEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { name, payload } = value as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(eventSchemas, name)) return false;
  return eventSchemas[name as EventName].safeParse(payload).success;
}
