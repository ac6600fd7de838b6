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
   * The absolute path of a dropped File (Electron's webUtils.getPathForFile), for
   * documents.importPaths, which also takes folders. '' where there is none (the test harness,
   * a file made in the page): then send the file's bytes with documents.importDropped.
   */
  pathForFile(file: DroppedFileHandle): string;
};

/** A DOM File; shared/ has no DOM types. */
type DroppedFileHandle = object;

type Subscriptions = Pick<GlossaApi, 'onMenuCommand' | 'onEvent'>;
/** What only some hosts can do; the harness leaves these out. */
type Extras = Partial<Pick<GlossaApi, 'pathForFile'>>;

export function buildApi(invoke: Invoke, subscriptions: Subscriptions, extras: Extras = {}): GlossaApi {
  const api: Record<string, unknown> = { pathForFile: () => '', ...extras, ...subscriptions };
  for (const channel of channels) {
    api[channel] = (args: unknown) => invoke(channel, args ?? {});
  }
  return api as GlossaApi;
}
