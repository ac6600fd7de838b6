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
};

export type Subscriptions = Pick<GlossaApi, 'onMenuCommand' | 'onEvent'>;

export function buildApi(invoke: Invoke, subscriptions: Subscriptions): GlossaApi {
  const api: Record<string, unknown> = { ...subscriptions };
  for (const channel of channels) {
    api[channel] = (args: unknown) => invoke(channel, args ?? {});
  }
  return api as GlossaApi;
}
