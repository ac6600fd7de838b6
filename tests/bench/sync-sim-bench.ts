// The convergence simulation at full size (issue 16): 1,000 seeded runs of five replicas on faulty
// networks (tests/unit/sync/sim/), one throwaway PostgreSQL cluster for all of them. Figure: runs
// whose replicas ended identical, of those attempted; the failing seeds are logged for replay
// with SIM_SEED=<seed> SIM_RUNS=1 npx vitest run tests/unit/sync/sim.
import { startPgCluster } from '../unit/server/pg-cluster';
import { defaultFaults, runSimulation } from '../unit/sync/sim/simulation';
import { SimTeamServer } from '../unit/sync/sim/team-server';

export const convergenceRuns = Number(process.env.SIM_RUNS ?? 1000);

export async function measureConvergence(log: (message: string) => void): Promise<{ sync_convergence_runs: number; attempted: number; failedSeeds: number[]; seconds: number }> {
  const cluster = await startPgCluster('bench_sim');
  const team = await SimTeamServer.start(cluster.url);
  const started = performance.now();
  const failedSeeds: number[] = [];
  try {
    for (let seed = 1; seed <= convergenceRuns; seed++) {
      const result = await runSimulation(team, { seed, replicas: 5, steps: 120, faults: defaultFaults });
      if (!result.converged) {
        failedSeeds.push(seed);
        log(`sync simulation: seed ${seed} did not converge: ${result.problem?.split('\n')[0]}`);
      }
      if (seed % 100 === 0) log(`sync simulation: ${seed} runs, ${failedSeeds.length} failed, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  } finally {
    await team.stop();
    await cluster.stop();
  }
  return { sync_convergence_runs: convergenceRuns - failedSeeds.length, attempted: convergenceRuns, failedSeeds, seconds: Math.round((performance.now() - started) / 1000) };
}
