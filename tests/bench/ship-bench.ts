// What an installer ships: the packed payload beside Electron (package_mb) and how fast the
// built `glossa` command starts (cli_start_ms: `node dist/cli.js --version`, median of 7 runs
// after one warm-up). Both need dist/ built (npm run bench builds it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { measurePackageSize } from '../../build/scripts/package-size.mjs';
import { median, round1 } from './stats';

const repo = path.resolve(__dirname, '../..');
export const shipTargets = { packageMb: 80, cliStartMs: 400 };

export function measureCliStart(runs = 7): { medianMs: number; runs: number[] } {
  const cli = path.join(repo, 'dist/cli.js');
  const once = () => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (result.status !== 0) throw new Error(`glossa --version failed: ${result.stderr}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once);
  return { medianMs: round1(median(times)), runs: times.map(round1) };
}

export function measureShip(log: (message: string) => void) {
  log('package: electron-builder --dir with a stand-in Electron binary…');
  const packed = measurePackageSize({ log });
  log('cli: glossa --version from dist/, 7 runs…');
  const cli = measureCliStart();
  return { package_mb: packed.mb, packageMethod: packed.method, cli_start_ms: cli.medianMs, cliRuns: cli.runs };
}
