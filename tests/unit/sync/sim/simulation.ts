// One seeded run of the convergence simulation: five real stores, each an analyst with its own
// clock (up to a day off), join one real team server through a faulty network each, then write at
// random through the services and sync at random while requests are dropped, answered into the
// void, delivered twice, delivered again much later, and replicas are cut off. In the end the
// network heals, every replica syncs until nothing moves, and every canonical dump and every review
// queue must be equal. The same seed replays the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../../../electron/core';
import { localAnalyst } from '../../../../electron/services/analysts/analysts';
import type { ServiceContext } from '../../../../electron/services/context';
import { joinTeam, listConflicts, resolveConflict, syncNow, type TeamServer } from '../../../../electron/services/sync';
import { openStore, type Store } from '../../../../electron/store/store';
import { prng } from '../../../bench/corpus';
import { canonicalDump, firstDifference } from './canonical-dump';
import { FaultProxy, noFaults, type FaultRates, type FaultTally } from './fault-proxy';
import { randomWrite, type Random } from './random-writes';
import type { SimTeamServer } from './team-server';

export interface SimOptions {
  seed: number;
  replicas: number;
  /** Actions across all replicas: writes, syncs, cuts, late deliveries, conflict resolutions. */
  steps: number;
  faults: FaultRates;
}

export const defaultFaults: FaultRates = { dropRequest: 0.08, dropResponse: 0.08, duplicate: 0.08, replayLater: 0.05 };

export interface SimResult {
  seed: number;
  converged: boolean;
  /** Why not, when not: the first difference found. */
  problem: string | null;
  writes: number;
  refusedWrites: number;
  syncs: number;
  failedSyncs: number;
  conflictsResolved: number;
  serverChanges: number;
  network: FaultTally;
}

function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface Replica {
  store: Store;
  ctx: ServiceContext;
  proxy: FaultProxy;
  server: TeamServer;
  undo: string[];
}

const day = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-11-01T09:00:00Z');

async function openReplica(dir: string, index: number, seed: number, upstream: URL, token: string, faults: FaultRates): Promise<Replica> {
  const store = openStore(path.join(dir, `replica-${index}.sqlite`));
  const ids = prng(seed * 31 + index);
  // Each replica's clock is off by up to a day either way, and moves on with every write.
  const skew = Math.round((ids() * 2 - 1) * day);
  let tick = 0;
  const ctx: ServiceContext = {
    ...createContext(store, { chooseFilesToImport: async () => [], chooseExportPath: async () => null, chooseAnnotationsToImport: async () => null }, '0.0.0-sim'),
    now: () => new Date(start + skew + 1000 * tick++).toISOString(),
    newId: () => seededUuid(ids),
  };
  const proxy = new FaultProxy(upstream, prng(seed * 97 + index), faults);
  const url = await proxy.start();
  return { store, ctx, proxy, server: { url, token }, undo: [] };
}

/** One attempt per request: the simulation's faults are the network's, not to be hidden by retries. */
const retry = { attempts: 1, backoffMs: 0 };

/** One sync that may fail on the faulty network: a failure is an outcome, reported and survived. */
async function trySync(replica: Replica, join = false): Promise<boolean> {
  try {
    if (join) {
      await joinTeam(replica.ctx, replica.server, { retry });
      // Joining adopts the token's analyst: the replica acts as them from now on.
      replica.ctx.analyst = localAnalyst(replica.store.db);
    } else await syncNow(replica.ctx, replica.server, { retry });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === undefined) throw error;
    return false;
  }
}

function reviewQueue(ctx: ServiceContext): string[] {
  return listConflicts(ctx)
    .map((c) => `${c.entity}/${c.entityId}/${c.field}`)
    .sort();
}

export async function runSimulation(team: SimTeamServer, options: SimOptions): Promise<SimResult> {
  const random = prng(options.seed);
  const analysts = await team.reset(options.replicas, options.seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `glossa-sim-${options.seed}-`));
  const replicas: Replica[] = [];
  const result: SimResult = { seed: options.seed, converged: false, problem: null, writes: 0, refusedWrites: 0, syncs: 0, failedSyncs: 0, conflictsResolved: 0, serverChanges: 0, network: emptyTally() };
  try {
    for (let i = 0; i < options.replicas; i++) replicas.push(await openReplica(dir, i, options.seed, team.url, analysts[i]!.token, options.faults));
    // Joining happens on the faulty network too: a replica tries until it is in.
    for (const replica of replicas) {
      let tries = 0;
      while (!(await trySync(replica, true))) if (++tries > 50) throw new Error(`replica could not join in 50 tries (seed ${options.seed})`);
    }

    for (let step = 0; step < options.steps; step++) {
      const replica = replicas[Math.floor(random() * replicas.length)]!;
      const action = random();
      if (action < 0.6) {
        const outcome = randomWrite(replica.ctx, random, replica.undo);
        result.writes++;
        if (outcome.refused) result.refusedWrites++;
      } else if (action < 0.85) {
        result.syncs++;
        if (!(await trySync(replica))) result.failedSyncs++;
      } else if (action < 0.9) {
        replica.proxy.cut = !replica.proxy.cut;
      } else if (action < 0.95) {
        await replica.proxy.replayOne();
      } else {
        const conflict = listConflicts(replica.ctx)[0];
        if (conflict) {
          resolveConflict(replica.ctx, conflict.id, random() < 0.5 ? 'mine' : 'theirs');
          result.conflictsResolved++;
        }
      }
    }

    // The network heals; late copies arrive; everyone syncs until nothing moves.
    for (const replica of replicas) {
      replica.proxy.cut = false;
      replica.proxy.rates = noFaults;
      await replica.proxy.replayAll();
    }
    for (let round = 0; round < 3; round++) {
      for (const replica of replicas) {
        if (!(await trySync(replica))) throw new Error(`a sync failed on the healed network (seed ${options.seed})`);
      }
    }

    const reference = canonicalDump(replicas[0]!.store.db);
    const referenceQueue = reviewQueue(replicas[0]!.ctx);
    for (let i = 1; i < replicas.length && !result.problem; i++) {
      const difference = firstDifference(reference, canonicalDump(replicas[i]!.store.db));
      if (difference) result.problem = `replica ${i} differs from replica 0: ${difference}`;
      else if (JSON.stringify(reviewQueue(replicas[i]!.ctx)) !== JSON.stringify(referenceQueue)) {
        result.problem = `replica ${i}'s review queue differs from replica 0's: ${JSON.stringify(reviewQueue(replicas[i]!.ctx))} vs ${JSON.stringify(referenceQueue)}`;
      }
    }
    result.converged = result.problem === null;
    result.serverChanges = await team.changeCount();
  } catch (error) {
    result.problem = `the run failed: ${(error as Error).stack ?? String(error)}`;
  } finally {
    for (const replica of replicas) {
      addTally(result.network, replica.proxy.tally);
      await replica.proxy.stop();
      replica.store.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

function emptyTally(): FaultTally {
  return { forwarded: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0, replayed: 0, refusedWhileCut: 0 };
}

function addTally(into: FaultTally, from: FaultTally): void {
  for (const key of Object.keys(into) as (keyof FaultTally)[]) into[key] += from[key];
}
