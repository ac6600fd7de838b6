// The glossa CLI as the unit tests run it: the bundle cli-bundle.setup.ts builds before the run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, type Run } from './child-process';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliBundleDir = path.join(repo, 'tests/output/cli-under-test');
export const cliBundle = path.join(cliBundleDir, 'cli-app.js');

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  uid?: number;
  gid?: number;
}

/** Runs `glossa ARGS…` with no store from the environment unless `env` names one. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<Run> {
  return runProcess(process.execPath, [cliBundle, ...args], { cwd: repo, ...options, env: { ...process.env, GLOSSA_DB: '', ...options.env } });
}
