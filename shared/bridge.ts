// Builds the window.glossa API from the contract: one named method per channel. The preload
// and the test harness both use this, so the renderer sees the same API in both.
import { channels, type AppEvent, type ArgsOf, type Channel, type MenuCommand, type ResultOf } from './contract';
import type { Envelope } from './errors';

export type Invoke = (channel: Channel, args: unknown) => Promise<Envelope<unknown>>;

export type GlossaApi = {
  [C in Channel]: (args: ArgsOf<C>) => Promise<Envelope<ResultOf<C>>>;
} & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /**
   * The files and folders of the drop being handled, as main granted them: a token and a name
   * each, for documents.importGranted (folders too) and datasets.planOpenedArchive (.glossa).
   * The preload reads the dropped files' paths itself and hands them to main on a channel the
   * page cannot reach, so the page never names a path. Each drop's grants are handed out once;
   * [] where the host cannot tell paths (a file made in the page): then send the file's bytes
   * with documents.importDropped.
   */
  droppedGrants(): Promise<DroppedGrant[]>;
};

/** A dropped file or folder main granted: its opaque token and its name (no folder). */
export interface DroppedGrant {
  token: string;
  name: string;
}

/**
 * The preload's private channel to main: the paths of the files of one drop, read with
 * webUtils.getPathForFile; answered with their grants. Not in the contract, so window.glossa has
 * no method for it.
 */
export const dropGrantChannel = 'glossa-private:grant-drop';

type Subscriptions = Pick<GlossaApi, 'onMenuCommand' | 'onEvent'>;
/** What only some hosts can do. */
type Extras = Partial<Pick<GlossaApi, 'droppedGrants'>>;

export function buildApi(invoke: Invoke, subscriptions: Subscriptions, extras: Extras = {}): GlossaApi {
  const api: Record<string, unknown> = { droppedGrants: () => Promise.resolve([]), ...extras, ...subscriptions };
  for (const channel of channels) {
    api[channel] = (args: unknown) => invoke(channel, args ?? {});
  }
  return api as GlossaApi;
}
