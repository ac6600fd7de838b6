// Handlers of the analysis channels (shared/channels/analysis.ts).
import { analysisChannels } from '../../shared/channels/analysis';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';

export type AnalysisChannel = keyof typeof analysisChannels;

/** Placeholder while the services are written: every analysis channel answers INTERNAL. */
export function analysisHandlers(_ctx: ServiceContext): Pick<Handlers, AnalysisChannel> {
  const entries = Object.keys(analysisChannels).map((channel) => [
    channel,
    () => {
      throw new AppError('INTERNAL', `${channel} is not built yet.`);
    },
  ]);
  return Object.fromEntries(entries) as Pick<Handlers, AnalysisChannel>;
}
