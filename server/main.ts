// The Glossa team server: `npm run server -- --database-url URL --port N [--tls-cert F --tls-key F]`
// (run from the sources with tsx). Migrates the database, then serves /health, /v1/push and
// /v1/pull over HTTP, or HTTPS with the given certificate. Logs are JSON lines on stdout (pino).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from './app';
import { openDb } from './db';
import { migrate } from './migrate';
import { parseServerOptions, serverUsage, ServerUsageError, type ServerOptions } from './options';

function readPem(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ServerUsageError(`The TLS ${what} ${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

async function start(options: ServerOptions): Promise<void> {
  const log = pino({ level: options.logLevel, base: { service: 'glossa-server' } });
  const db = openDb(options.databaseUrl);
  const migrated = await migrate(db);
  log.info({ applied: migrated.applied, migration: migrated.version }, 'database migrated');
  const handle = createApp({ db, log, rateLimit: options.rateLimit });
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => void handle(req, res);
  const server = options.tlsCert
    ? https.createServer({ cert: readPem(options.tlsCert, 'certificate'), key: readPem(options.tlsKey!, 'key') }, listener)
    : http.createServer(listener);
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  log.info({ host: options.host, port, tls: Boolean(options.tlsCert), rateLimit: options.rateLimit }, 'listening');
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    server.close(() => void db.end().then(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseServerOptions(argv);
    if (options === 'help') {
      process.stdout.write(serverUsage + '\n');
      return 0;
    }
    await start(options);
    return 0;
  } catch (error) {
    if (error instanceof ServerUsageError) {
      process.stderr.write(`glossa server: ${error.message}\n\n${serverUsage}\n`);
      return 2;
    }
    process.stderr.write(`glossa server: could not start: ${(error as Error).message}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exit(code);
});
