// One TeamService per open store's context: the app starts it with the system keychain's cipher
// and background sync; anything else (the CLI's dispatcher, a test) gets one on first use, with
// the plain 0600 file and no background runs.
import type { ServiceContext } from '../context';
import type { SchedulerTimings } from './scheduler';
import { plainFileCipher, SecretsFile, secretsPathFor, type TokenCipher } from './secrets-file';
import { syncEngine } from './sync-engine';
import { TeamService } from './team-service';

export interface TeamSyncOptions {
  /** How the token is kept: the system keychain where there is one (the app), else a plain 0600 file. */
  cipher?: TokenCipher;
  timings?: SchedulerTimings;
}

const services = new WeakMap<ServiceContext, TeamService>();

function create(ctx: ServiceContext, options: TeamSyncOptions): TeamService {
  const service = new TeamService(ctx, syncEngine, new SecretsFile(secretsPathFor(ctx.store.path), options.cipher ?? plainFileCipher), options.timings);
  services.set(ctx, service);
  return service;
}

/** Starts background sync for a context (the app's core); stop it with the returned service's stop(). */
export function startTeamSync(ctx: ServiceContext, options: TeamSyncOptions = {}): TeamService {
  services.get(ctx)?.stop();
  const service = create(ctx, options);
  service.start();
  return service;
}

export function teamServiceOf(ctx: ServiceContext): TeamService {
  return services.get(ctx) ?? create(ctx, {});
}
