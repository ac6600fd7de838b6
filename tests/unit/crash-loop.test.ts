// SIGKILL loops over the real CLI (tests/harness/crash-loop.ts), sized for the suite: a few
// kills here, hundreds in `npm run bench` (crash_kills, crash_lost).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashLoop } from '../harness/crash-loop';
import { tempDir } from './helpers';
import { cliBundle } from './cli-bundle';

const repo = path.resolve(__dirname, '../..');
const cli = [process.execPath, cliBundle];

describe('SIGKILL loops', () => {
  it('a kill while the migration backup is being written leaves no broken file named like a good backup, and the retry writes one', async () => {
    const result = await runCrashLoop({ cli, cwd: repo, dir: tempDir(), kills: 2, seed: 4711, mode: 'backup-kills' });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(2);
  }, 120_000);

  it('kills during writes, imports, exports and migrations lose nothing acknowledged and leave the store intact', async () => {
    const result = await runCrashLoop({ cli, cwd: repo, dir: tempDir(), kills: 3, seed: 20261130 });
    expect(result.problems).toEqual([]);
    expect(result.lost).toBe(0);
    expect(result.kills).toBe(3);
    expect(result.acknowledged).toBeGreaterThanOrEqual(2);
  }, 240_000);
});
