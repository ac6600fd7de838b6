// The team server as the tests run it: server/main.ts bundled once (packages external, resolved
// from the repository's node_modules) and started as a real child process on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// __dirname, not import.meta: the e2e specs (Playwright, CommonJS) start the server too.
const repo = path.resolve(__dirname, '../../..');
const bundleDir = path.join(repo, 'tests/output/server-under-test');
let bundled: Promise<string> | null = null;

/** Builds the server bundle once per test worker, under a name of its own (workers build in parallel). */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(bundleDir, `server-${process.pid}.js`);
    fs.mkdirSync(bundleDir, { recursive: true });
    await build({ entryPoints: [path.join(repo, 'server/main.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  /** Everything written to stdout and stderr, as text. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(databaseUrl: string, extra: string[] = [], scheme: 'http' | 'https' = 'http'): Promise<ServerProcess> {
  const bundle = await serverBundle();
  const child = spawn(process.execPath, [bundle, '--database-url', databaseUrl, '--port', '0', ...extra], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  let text = '';
  let pending = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never said it listens is stopped, not left behind.
      child.kill('SIGKILL');
      reject(new Error(`the server did not start:\n${text}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'listening') {
            clearTimeout(timer);
            resolve(entry.port as number);
          }
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${text}`));
    });
  });
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    child,
    logs,
    output: () => text,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
