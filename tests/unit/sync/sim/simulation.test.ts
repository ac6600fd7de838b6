// The convergence simulation at the size CI affords: SIM_RUNS seeds (4 by default) from SIM_SEED
// (1 by default), each five replicas through faulty networks to one real server on a throwaway
// PostgreSQL. `npm run bench -- --only sync` runs 1,000. A failing seed replays alone with
// SIM_SEED=<seed> SIM_RUNS=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../server/pg-cluster';
import { defaultFaults, runSimulation } from './simulation';
import { SimTeamServer } from './team-server';

const firstSeed = Number(process.env.SIM_SEED ?? 1);
const runs = Number(process.env.SIM_RUNS ?? 4);

describe('five replicas on a faulty network converge', () => {
  let cluster: PgCluster;
  let team: SimTeamServer;
  beforeAll(async () => {
    cluster = await startPgCluster('sync_sim');
    team = await SimTeamServer.start(cluster.url);
  }, 120_000);
  afterAll(async () => {
    await team?.stop();
    await cluster?.stop();
  });

  const seeds = Array.from({ length: runs }, (_, i) => firstSeed + i);
  it.each(seeds)('seed %i', async (seed) => {
    const result = await runSimulation(team, { seed, replicas: 5, steps: 120, faults: defaultFaults });
    expect(result.problem).toBeNull();
    expect(result.converged).toBe(true);
    // The run did what it says: writes reached the server and the network misbehaved.
    expect(result.writes - result.refusedWrites).toBeGreaterThan(0);
    expect(result.serverChanges).toBeGreaterThan(0);
    expect(result.network.droppedRequests + result.network.droppedResponses + result.network.duplicated).toBeGreaterThan(0);
  }, 120_000);
});
