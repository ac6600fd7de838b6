// `glossa sync`: team sync from the command line, over the same engine as the Team menu
// (services/sync). Joins the team on the first run (the token's analyst must be the store's, or
// the store has no annotations of its own yet), then pushes and pulls; prints
// {"pushed", "pulled", "conflicts", "rejected"}. Ctrl-C cancels between batches, keeping what was
// done. The token is read from --token or GLOSSA_TOKEN and never printed.
import fs from 'node:fs';
import { AppError } from '../shared/errors';
import { UsageError } from './cli-io';
import type { Core } from './core';
import type { TeamServer } from './services/sync';
import { syncStateKeys } from './store/writers/sync-capture';
import { syncState } from './store/writers/sync-state';

export const syncOptions = {
  server: { type: 'string' },
  token: { type: 'string' },
  ca: { type: 'string' },
  status: { type: 'boolean' },
  conflicts: { type: 'boolean' },
  resolve: { type: 'string' },
  take: { type: 'string' },
  leave: { type: 'boolean' },
} as const;

/**
 * `--token VALUE` as `--token=VALUE`: a token is never an option, though one issued before tokens
 * had a prefix may start with '-', which the argument parser would otherwise refuse as ambiguous.
 */
export function attachTokenValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--token' && i + 1 < argv.length) out.push(`--token=${argv[++i]}`);
    else out.push(argv[i]!);
  }
  return out;
}

export const syncOptionsByCommand = { sync: ['server', 'token', 'ca', 'status', 'conflicts', 'resolve', 'take', 'leave'] } as const;

export const syncCommandUsage = {
  sync: `  sync --server URL --token TOKEN [--ca FILE]
  sync --status | --conflicts | --resolve ID --take mine|theirs | --leave
                                          Sync the store with the team server. The first run joins
                                          (the token's analyst becomes the store's when it has no
                                          annotations of its own); every run pushes what changed here
                                          and pulls the team's changes, printing {pushed, pulled,
                                          conflicts, rejected}. --ca FILE trusts a self-signed
                                          certificate (PEM); the token may come from GLOSSA_TOKEN.
                                          --status; --conflicts lists the review queue; --resolve
                                          queues the chosen value; --leave keeps every row and
                                          forgets the server and the outbox. Ctrl-C cancels between
                                          batches, keeping what was done.`,
} as const;

export interface SyncInvocation {
  args: string[];
  values: { server?: string; token?: string; ca?: string; status?: boolean; conflicts?: boolean; resolve?: string; take?: string; leave?: boolean };
}

type Action = 'status' | 'conflicts' | 'resolve' | 'leave' | 'sync';

function actionOf(invocation: SyncInvocation): Action {
  const v = invocation.values;
  const chosen = (['status', 'conflicts', 'resolve', 'leave'] as const).filter((a) => v[a] !== undefined && v[a] !== false);
  if (chosen.length > 1) throw new UsageError(`sync takes one of --status, --conflicts, --resolve and --leave (got ${chosen.map((a) => `--${a}`).join(', ')}).`);
  const action: Action = chosen[0] ?? 'sync';
  if (action === 'resolve') {
    if (!/^[1-9][0-9]{0,15}$/.test(v.resolve ?? '')) throw new UsageError('--resolve takes a conflict id (sync --conflicts lists them).');
    if (v.take !== 'mine' && v.take !== 'theirs') throw new UsageError('--resolve needs --take mine or --take theirs.');
  } else if (v.take !== undefined) throw new UsageError('--take goes with --resolve.');
  if (action !== 'sync' && (v.server !== undefined || v.token !== undefined || v.ca !== undefined)) throw new UsageError(`--server, --token and --ca go with a sync, not --${action}.`);
  if (invocation.args.length > 0) throw new UsageError(`sync takes no arguments (got "${invocation.args[0]}").`);
  return action;
}

export function checkSyncUsage(invocation: SyncInvocation & { command: string }): void {
  if (invocation.command === 'sync') actionOf(invocation);
}

function teamServer(core: Core, values: SyncInvocation['values']): TeamServer {
  const url = values.server ?? syncState(core.store.db, syncStateKeys.server);
  if (!url) throw new UsageError('sync needs --server URL the first time (the store remembers it).');
  const token = values.token ?? process.env.GLOSSA_TOKEN;
  if (!token) throw new UsageError('sync needs --token TOKEN (or GLOSSA_TOKEN).');
  let ca: string | undefined;
  if (values.ca !== undefined) {
    try {
      ca = fs.readFileSync(values.ca, 'utf8');
    } catch (error) {
      throw new AppError('INVALID_ARGS', `Could not read the CA certificate ${values.ca}: ${(error as Error).message}`);
    }
  }
  return { url, token, ...(ca ? { ca } : {}) };
}

/** Ctrl-C aborts the run between batches; a second Ctrl-C ends the process at once. */
function cancelOnInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('glossa: cancelling the sync after the current batch…\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}

export async function runSyncCommand(core: Core, invocation: SyncInvocation): Promise<unknown> {
  const action = actionOf(invocation);
  const ctx = core.ctx;
  // Loaded only for this command, so other commands never load the HTTP client.
  const { joinTeam, leaveTeam, listConflicts, resolveConflict, syncNow, teamStatus } = await import('./services/sync');
  if (action === 'status') return teamStatus(ctx);
  if (action === 'conflicts') return listConflicts(ctx);
  if (action === 'resolve') {
    resolveConflict(ctx, Number(invocation.values.resolve), invocation.values.take as 'mine' | 'theirs');
    return { resolved: Number(invocation.values.resolve), take: invocation.values.take, pending: teamStatus(ctx).pending };
  }
  if (action === 'leave') {
    leaveTeam(ctx);
    return { left: true };
  }
  const server = teamServer(core, invocation.values);
  const joined = syncState(core.store.db, syncStateKeys.server) !== null;
  if (joined && invocation.values.server !== undefined && invocation.values.server !== syncState(core.store.db, syncStateKeys.server)) {
    throw new AppError('INVALID_ARGS', `This store syncs with ${syncState(core.store.db, syncStateKeys.server)}; leave that team first (sync --leave) to join another.`);
  }
  const interrupt = cancelOnInterrupt();
  try {
    const result = joined ? await syncNow(ctx, server, { signal: interrupt.signal }) : await joinTeam(ctx, server, { signal: interrupt.signal });
    return { pushed: result.pushed, pulled: result.pulled, conflicts: result.conflicts, rejected: result.rejected };
  } finally {
    interrupt.dispose();
  }
}
