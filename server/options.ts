// The command lines of the server (`npm run server -- …`) and of its admin commands
// (`glossa server …`): parsed here, with no Electron and no store.
import { parseArgs } from 'node:util';

export class ServerUsageError extends Error {}

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Requests per minute per token. */
  rateLimit: number;
  logLevel: string;
}

export const serverUsage = `Usage: npm run server -- --database-url URL --port N [--host ADDRESS] [--tls-cert FILE --tls-key FILE]
                         [--rate-limit N] [--log-level LEVEL]
  --database-url URL   PostgreSQL, e.g. postgres://glossa@db.example/glossa (or DATABASE_URL)
  --port N             The port to listen on (0: any free port, printed in the "listening" log line)
  --host ADDRESS       The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --tls-cert FILE      A PEM certificate (chain) to serve HTTPS; needs --tls-key
  --tls-key FILE       Its PEM private key
  --rate-limit N       Requests per minute per analyst token (default 600)
  --log-level LEVEL    pino level: fatal, error, warn, info (default), debug, silent`;

function whole(name: string, raw: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ServerUsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  return Number(raw);
}

export function databaseUrlOption(value: string | undefined): string {
  const url = value ?? process.env.DATABASE_URL;
  if (!url) throw new ServerUsageError('No database given: pass --database-url URL (or set DATABASE_URL).');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ServerUsageError('--database-url is a PostgreSQL URL: postgres://user@host:port/database.');
  return url;
}

export function parseServerOptions(argv: string[]): ServerOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'database-url': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'rate-limit': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ServerUsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.port === undefined) throw new ServerUsageError('--port is required.');
  if ((v['tls-cert'] === undefined) !== (v['tls-key'] === undefined)) throw new ServerUsageError('--tls-cert and --tls-key go together.');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (v['log-level'] !== undefined && !levels.includes(v['log-level'])) throw new ServerUsageError(`--log-level is one of ${levels.join(', ')}.`);
  return {
    databaseUrl: databaseUrlOption(v['database-url']),
    port: whole('port', v.port, 0, 65535),
    host: v.host ?? '127.0.0.1',
    tlsCert: v['tls-cert'],
    tlsKey: v['tls-key'],
    rateLimit: v['rate-limit'] === undefined ? 600 : whole('rate-limit', v['rate-limit'], 1, 1_000_000),
    logLevel: v['log-level'] ?? 'info',
  };
}
