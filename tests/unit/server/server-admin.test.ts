// The team server's life cycle against a real PostgreSQL: migrations from an empty database and
// again, the admin commands through the glossa CLI, a server killed mid-push and restarted, the
// database restarted under a running server, and HTTPS with a certificate made by openssl.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db';
import { migrate, schemaVersion } from '../../../server/migrate';
import { latestServerVersion } from '../../../server/migrations/index';
import { repo, runCli } from '../cli-bundle';
import { runProcess } from '../child-process';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { startServer } from './server-process';
import { change, pullAll, push, request, type PushAnswer } from './sync-client';

let cluster: PgCluster;
let scratch: string;

beforeAll(async () => {
  cluster = await startPgCluster('server_admin');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-server-test-'));
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}, 60_000);

async function addThroughCli(url: string, name: string): Promise<{ analyst: string; name: string; token: string }> {
  const added = await runCli(['server', 'add-analyst', name, '--database-url', url]);
  expect(added.stderr).toBe('');
  expect(added.status).toBe(0);
  return JSON.parse(added.stdout) as { analyst: string; name: string; token: string };
}

describe('server migrations', () => {
  it('migrate an empty database, and a second run (also two at once) changes nothing', async () => {
    const db = openDb(await cluster.createDatabase('migrations_empty'));
    try {
      expect(await schemaVersion(db)).toBe(0);
      expect(await migrate(db)).toEqual({ applied: [1], version: latestServerVersion });
      const tables = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      expect(tables.rows.map((r) => r.table_name)).toEqual(['analysts', 'changes', 'conflicts', 'entity_heads', 'entity_layers', 'schema_migrations', 'sequence_head']);
      expect(await migrate(db)).toEqual({ applied: [], version: latestServerVersion });
      const twice = await Promise.all([migrate(db), migrate(db)]);
      expect(twice.map((r) => r.applied)).toEqual([[], []]);
      const recorded = await db.query('SELECT version, name FROM schema_migrations');
      expect(recorded.rows).toEqual([{ version: 1, name: 'changes' }]);
    } finally {
      await db.end();
    }
  });
});

describe('glossa server (admin commands)', () => {
  it('adds an analyst, printing the token once and storing only its SHA-256; revokes them', async () => {
    const url = await cluster.createDatabase('admin_cli');
    const added = await addThroughCli(url, 'Dana Field');
    expect(added).toEqual({ analyst: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Dana Field', token: expect.stringMatching(/^glossa_[A-Za-z0-9_-]{43}$/) });
    const db = openDb(url);
    try {
      const row = await db.query<{ token_hash: Buffer }>('SELECT token_hash FROM analysts WHERE id = $1', [added.analyst]);
      expect(row.rows[0]!.token_hash.equals(createHash('sha256').update(added.token).digest())).toBe(true);
      const dump = JSON.stringify((await db.query('SELECT * FROM analysts')).rows);
      expect(dump).not.toContain(added.token);

      const twice = await runCli(['server', 'add-analyst', 'Dana Field', '--database-url', url]);
      expect(twice.status).toBe(1);
      expect(twice.stderr).toMatch(/already exists/);
      const withId = await runCli(['server', 'add-analyst', 'Eli', '--id', '6f1c1f0e-2b1d-4c3e-9a57-0d5b8f7a2c11', '--database-url', url]);
      expect(JSON.parse(withId.stdout)).toMatchObject({ analyst: '6f1c1f0e-2b1d-4c3e-9a57-0d5b8f7a2c11', name: 'Eli' });
      expect((await runCli(['server', 'add-analyst', '--database-url', url])).status).toBe(2);
      expect((await runCli(['server', 'add-analyst', 'X', '--database-url', 'mysql://x'])).status).toBe(2);
      expect((await runCli(['server', 'add-analyst', 'X'], { env: { DATABASE_URL: '' } })).status).toBe(2);

      const server = await startServer(url);
      try {
        expect((await push(server.url, added.token, [change(added.analyst)])).status).toBe(200);
        const revoked = await runCli(['server', 'revoke-analyst', 'Dana Field', '--database-url', url]);
        expect(revoked.status).toBe(0);
        expect(JSON.parse(revoked.stdout)).toEqual({ analyst: added.analyst, name: 'Dana Field', revokedAt: expect.any(String) });
        const refused = await push(server.url, added.token, [change(added.analyst)]);
        expect(refused.status).toBe(401);
        expect(refused.body).toMatchObject({ error: { code: 'TOKEN_REVOKED' } });
        expect((await runCli(['server', 'revoke-analyst', 'Nobody', '--database-url', url])).status).toBe(1);
      } finally {
        await server.kill();
      }
    } finally {
      await db.end();
    }
  }, 120_000);

  it('is listed in glossa --help and answers glossa server --help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('server add-analyst NAME --database-url URL');
    const help = await runCli(['server', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: glossa server add-analyst NAME/);
  }, 90_000);
});

describe('restarts', () => {
  it('keeps every acknowledged change across a server killed mid-push, and retried pushes store each change once, gap-free', async () => {
    const url = await cluster.createDatabase('restart');
    const analyst = await addThroughCli(url, 'Restart');
    const batches = Array.from({ length: 30 }, () => Array.from({ length: 40 }, () => change(analyst.analyst)));
    let server = await startServer(url, ['--log-level', 'info']);
    const acknowledged = new Map<string, number>();
    const attempts = batches.map((batch) =>
      push(server.url, analyst.token, batch).then(
        (answer) => answer.status === 200 && answer.body.accepted.forEach((a) => acknowledged.set(a.id, a.seq)),
        () => undefined,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server.kill('SIGKILL');
    await Promise.all(attempts);

    server = await startServer(url);
    try {
      // The client retries every batch it has no answer for (here: all of them, as if answers were lost).
      const retried: PushAnswer[] = [];
      for (const batch of batches) retried.push((await push(server.url, analyst.token, batch)).body);
      const seqOf = new Map(retried.flatMap((r) => r.accepted.map((a) => [a.id, a.seq] as const)));
      for (const [id, seq] of acknowledged) expect(seqOf.get(id)).toBe(seq);
      const all = await pullAll(server.url, analyst.token);
      expect(all).toHaveLength(30 * 40);
      expect(all.map((c) => c.seq)).toEqual(Array.from({ length: 30 * 40 }, (_, i) => i + 1));
      expect(new Set(all.map((c) => c.id)).size).toBe(30 * 40);
    } finally {
      await server.kill();
    }
  }, 90_000);

  // Restarting PostgreSQL needs the throwaway cluster; a server named by DATABASE_URL is left alone.
  it.skipIf(Boolean(process.env.DATABASE_URL))('serves again after PostgreSQL itself restarts under it', async () => {
    const url = await cluster.createDatabase('pg_restart');
    const analyst = await addThroughCli(url, 'Survivor');
    const server = await startServer(url);
    try {
      const first = change(analyst.analyst);
      expect((await push(server.url, analyst.token, [first])).status).toBe(200);
      await cluster.restart();
      await expect.poll(async () => (await request(`${server.url}/health`)).status, { timeout: 30_000, interval: 200 }).toBe(200);
      const second = change(analyst.analyst);
      const answer = await push(server.url, analyst.token, [second]);
      expect(answer.status).toBe(200);
      expect((await pullAll(server.url, analyst.token)).map((c) => [c.id, c.seq])).toEqual([[first.id, 1], [second.id, 2]]);
    } finally {
      await server.kill();
    }
  }, 90_000);
});

describe('TLS', () => {
  it('serves HTTPS with a certificate and key file made by openssl', async () => {
    const url = await cluster.createDatabase('tls');
    const analyst = await addThroughCli(url, 'Secure');
    const cert = path.join(scratch, 'cert.pem');
    const key = path.join(scratch, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const ca = fs.readFileSync(cert);
    const server = await startServer(url, ['--tls-cert', cert, '--tls-key', key], 'https');
    try {
      expect(server.url.startsWith('https://')).toBe(true);
      expect(await request(`${server.url}/health`, { ca })).toMatchObject({ status: 200, body: { status: 'ok', migration: 1 } });
      const pushed = await push(server.url, analyst.token, [change(analyst.analyst)], ca);
      expect(pushed.status).toBe(200);
      // A client that does not trust the certificate is refused by TLS itself, and plain HTTP gets no answer.
      await expect(request(`${server.url}/health`)).rejects.toThrow(/self.signed|certificate/i);
      await expect(request(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
    } finally {
      await server.kill();
    }
  }, 90_000);

  it('refuses to start with a certificate but no key, or a file it cannot read (run from the sources, as npm run server does)', async () => {
    const fromSources = (args: string[]) => runProcess(process.execPath, ['--import', 'tsx', 'server/main.ts', '--database-url', cluster.url, '--port', '0', ...args], { cwd: repo });
    const noKey = await fromSources(['--tls-cert', '/nonexistent.pem']);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/--tls-cert and --tls-key go together/);
    const unreadable = await fromSources(['--tls-cert', '/nonexistent.pem', '--tls-key', '/nonexistent.key']);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/certificate \/nonexistent.pem could not be read: ENOENT/);
  }, 90_000);
});
