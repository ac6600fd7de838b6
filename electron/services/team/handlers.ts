// The team domain's handlers: each channel of shared/channels/team.ts on the context's TeamService.
import type { teamChannels } from '../../../shared/channels/team';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { teamServiceOf } from './team-services';

export function teamHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof teamChannels> {
  const team = () => teamServiceOf(ctx);
  return {
    'team.connect': (args) => team().connect(args),
    'team.syncNow': () => team().syncNow(),
    'team.setAutomatic': ({ automatic }) => team().setAutomatic(automatic),
    'team.status': () => team().state(),
    'team.conflicts': () => team().conflicts(),
    'team.resolve': ({ id, take }) => team().resolve(id, take),
    'team.leave': () => team().leave(),
    'team.cancel': () => team().cancel(),
  };
}
