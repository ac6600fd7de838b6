// A throwaway PostgreSQL for the team-server tests: `initdb` + `pg_ctl` in a temp folder on a free
// port (as the `postgres` user when the tests run as root, which initdb refuses), stopped in
// teardown and, should the worker die first, on its exit. With DATABASE_URL set, that server is
// used instead (its role needs CREATEDB): each test file gets a database of its own either way.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** PostgreSQL's programs: Debian keeps them in /usr/lib/postgresql/<major>/bin (the newest wins), else on PATH. */
function pgBin(tool: string): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^[0-9]+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = majors.map((m) => path.join(root, m, 'bin')).find((d) => fs.existsSync(path.join(d, tool)));
  if (dir) return path.join(dir, tool);
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`PostgreSQL's ${tool} is not installed (Debian: apt-get install postgresql), and DATABASE_URL is not set.`);
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid to run PostgreSQL as: ours, or the postgres user's when we are root. */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root, and there is no postgres user to run PostgreSQL as (initdb refuses root).');
  return { uid, gid };
}

function run(command: string, args: string[], owner: { uid: number; gid: number } | null): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { uid: owner?.uid, gid: owner?.gid, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

export interface PgCluster {
  /** A database of this test file's own. */
  url: string;
  /** A fresh empty database on the same server. */
  createDatabase(name: string): Promise<string>;
  /** Stops and starts the PostgreSQL server (a throwaway cluster only). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createDatabaseOn(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // A name cannot be a query parameter; it is checked above.
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function startPgCluster(label: string): Promise<PgCluster> {
  const suffix = `${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const given = process.env.DATABASE_URL;
  if (given) {
    const databases: string[] = [];
    const create = async (name: string) => {
      databases.push(name);
      return createDatabaseOn(given, name);
    };
    const url = await create(`glossa_test_${suffix}`);
    return {
      url,
      createDatabase: (name) => create(`${name}_${suffix}`),
      restart: () => Promise.reject(new Error('restart needs a throwaway cluster (DATABASE_URL is set)')),
      stop: async () => {
        const client = new pg.Client({ connectionString: given });
        await client.connect();
        for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await client.end();
      },
    };
  }

  const owner = clusterOwner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-pg-'));
  const data = path.join(dir, 'data');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const port = await freePort();
  const pgCtl = pgBin('pg_ctl');
  let running = false;
  const stopNow = () => {
    if (running) spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-s'], { uid: owner?.uid, gid: owner?.gid, stdio: 'ignore' });
    running = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  try {
    const init = await run(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], owner);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);
    const start = async () => {
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
      const started = await run(pgCtl, ['start', '-D', data, '-w', '-t', '60', '-s', '-l', path.join(dir, 'server.log'), '-o', options], owner);
      if (started.status !== 0) throw new Error(`pg_ctl start failed:\n${started.output}\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8')}`);
      running = true;
    };
    await start();
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url: await createDatabaseOn(adminUrl, `glossa_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`),
      createDatabase: (name) => createDatabaseOn(adminUrl, name),
      restart: async () => {
        const stopped = await run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s'], owner);
        if (stopped.status !== 0) throw new Error(`pg_ctl stop failed:\n${stopped.output}`);
        running = false;
        await start();
      },
      stop: async () => {
        process.removeListener('exit', stopNow);
        if (running) await run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s'], owner);
        running = false;
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}
