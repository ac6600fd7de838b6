// The convergence simulation at full size (issue 16): 1,000 seeded runs of five replicas on faulty
// networks (tests/unit/sync/sim/). Runs wait on the network and PostgreSQL more than they compute,
// so four lanes run side by side, each with its own database and server on one throwaway cluster;
// every run is still sequential inside, so a seed replays the same alone. Figure: runs whose
// replicas ended identical, of those attempted; failing seeds are logged for replay with
// SIM_SEED=<seed> SIM_RUNS=1 npx vitest run --config tests/vitest.config.ts tests/unit/sync/sim.
import { startPgCluster } from '../unit/server/pg-cluster';
import { defaultFaults, runSimulation } from '../unit/sync/sim/simulation';
import { SimTeamServer } from '../unit/sync/sim/team-server';

export const convergenceRuns = Number(process.env.SIM_RUNS ?? 1000);
const lanes = 4;

export interface ConvergenceFigures {
  sync_convergence_runs: number;
  attempted: number;
  failedSeeds: number[];
  seconds: number;
}

export async function measureConvergence(log: (message: string) => void): Promise<ConvergenceFigures> {
  log(`sync simulation: ${convergenceRuns} runs of 5 replicas on faulty networks, ${lanes} at a time…`);
  const cluster = await startPgCluster('bench_sim');
  const teams = await Promise.all(Array.from({ length: lanes }, async (_, lane) => SimTeamServer.start(await cluster.createDatabase(`glossa_sim_lane_${lane}`))));
  const started = performance.now();
  const failedSeeds: number[] = [];
  let next = 1;
  let done = 0;
  const lane = async (team: SimTeamServer) => {
    for (let seed = next++; seed <= convergenceRuns; seed = next++) {
      const result = await runSimulation(team, { seed, replicas: 5, steps: 120, faults: defaultFaults });
      if (!result.converged) {
        failedSeeds.push(seed);
        log(`sync simulation: seed ${seed} did not converge: ${result.problem?.split('\n')[0]}`);
      }
      if (++done % 100 === 0) log(`sync simulation: ${done} runs, ${failedSeeds.length} failed, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  };
  try {
    await Promise.all(teams.map(lane));
  } finally {
    await Promise.all(teams.map((team) => team.stop()));
    await cluster.stop();
  }
  return { sync_convergence_runs: convergenceRuns - failedSeeds.length, attempted: convergenceRuns, failedSeeds: failedSeeds.sort((a, b) => a - b), seconds: Math.round((performance.now() - started) / 1000) };
}
