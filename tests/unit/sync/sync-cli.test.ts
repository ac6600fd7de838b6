// `glossa sync` as shipped (the built CLI bundle) against a real team server: the first run joins
// and prints the four counts; --status, --conflicts, --leave; a wrong and a revoked token are
// refused clearly without echoing the token; SIGKILL mid-push then a rerun leaves the server's
// change count exact; HTTPS with a self-signed certificate trusted through --ca.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/services/annotate/annotations';
import { joinTeam, teamStatus } from '../../../electron/services/sync';
import { revokeAnalyst, type NewAnalyst } from '../../../server/analysts';
import { cliBundle, repo, runCli } from '../cli-bundle';
import { tempDir } from '../helpers';
import { startServer } from '../server/server-process';
import { addReport, openClient, startTeam, type Team } from './sync-fixture';

let team: Team;
let carol: NewAnalyst;

beforeAll(async () => {
  team = await startTeam('sync_cli');
  carol = await team.analyst('Carol');
}, 180_000);

afterAll(() => team?.stop(), 60_000);

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('glossa sync', () => {
  it('joins on the first run, prints the counts, and answers --status, --conflicts and --leave', { timeout: 120_000 }, async () => {
    const dir = tempDir('glossa-sync-cli-');
    const client = openClient(dir);
    addReport(client, 'A report from before joining.');
    client.store.close();
    const db = path.join(dir, 'glossa.sqlite');
    const before = await team.changeCount();
    const first = await runCli(['sync', '--server', team.server.url, '--token', carol.token, '--db', db]);
    expect(first.stderr).toBe('');
    // The schema's rows and the report (its text chunk is not counted) went up; the log held nothing else.
    expect(json(first.stdout)).toEqual({ pushed: (await team.changeCount()) - before - 1, pulled: 0, conflicts: 0, rejected: 0 });
    expect(json(first.stdout).pushed).toBeGreaterThan(10);
    const again = await runCli(['sync', '--token', carol.token, '--db', db]);
    expect(json(again.stdout)).toEqual({ pushed: 0, pulled: 0, conflicts: 0, rejected: 0 });
    const status = json((await runCli(['sync', '--status', '--db', db])).stdout);
    expect(status).toMatchObject({ joined: true, serverUrl: team.server.url, analyst: { id: carol.id, name: 'Carol' }, pending: 0, conflicts: 0, deferred: 0 });
    expect(json((await runCli(['sync', '--conflicts', '--db', db])).stdout)).toEqual([]);
    expect(json((await runCli(['sync', '--leave', '--db', db])).stdout)).toEqual({ left: true });
    expect(json((await runCli(['sync', '--status', '--db', db])).stdout)).toMatchObject({ joined: false, serverUrl: null, pending: 0 });
    // Joining again queues nothing: the log already holds everything.
    expect(json((await runCli(['sync', '--server', team.server.url, '--token', carol.token, '--db', db])).stdout)).toMatchObject({ pushed: 0, rejected: 0 });
    const usage = await runCli(['sync', '--status', '--leave', '--db', db]);
    expect(usage.status).toBe(2);
  });

  it('refuses a wrong and a revoked token clearly, never printing it', { timeout: 120_000 }, async () => {
    const dave = await team.analyst('Dave');
    const dir = tempDir('glossa-sync-cli-');
    openClient(dir).store.close();
    const db = path.join(dir, 'glossa.sqlite');
    const wrong = `${dave.token.slice(0, -4)}AAAA`;
    const refused = await runCli(['sync', '--server', team.server.url, '--token', wrong, '--db', db, '--json']);
    expect(refused.status).toBe(1);
    expect(json(refused.stderr)).toMatchObject({ error: { code: 'SYNC_UNAUTHORIZED' } });
    expect(refused.stderr + refused.stdout).not.toContain(wrong);
    // A token starting with '-' (bare base64url ones did, one in 64) is a value, not an option.
    const dashed = await runCli(['sync', '--server', team.server.url, '--token', `-${wrong.slice(1)}`, '--db', db, '--json']);
    expect(json(dashed.stderr)).toMatchObject({ error: { code: 'SYNC_UNAUTHORIZED' } });
    await revokeAnalyst(team.db, 'Dave');
    const revoked = await runCli(['sync', '--server', team.server.url, '--token', dave.token, '--db', db]);
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toMatch(/revoked/);
    expect(revoked.stderr + revoked.stdout).not.toContain(dave.token);
  });

  it('loses and doubles nothing when killed mid-push: the rerun leaves the server with exactly the changes made', { timeout: 120_000 }, async () => {
    const erin = await team.analyst('Erin');
    const client = openClient();
    await joinTeam(client, { url: team.server.url, token: erin.token });
    const docId = addReport(client, 'word '.repeat(4000));
    client.store.transaction(() => {
      for (let i = 0; i < 2500; i++) createAnnotation(client, { documentId: docId, labelId: 'claim', start: i * 5, end: i * 5 + 4 });
    });
    const pending = teamStatus(client).pending;
    expect(pending).toBe(2501);
    const dbPath = client.dbPath;
    client.store.close();
    const before = await team.changeCount();
    // The document's text travels as one more change (a documentText chunk).
    const expected = before + pending + 1;

    const child = spawn(process.execPath, [cliBundle, 'sync', '--server', team.server.url, '--token', erin.token, '--db', dbPath], { cwd: repo, stdio: 'ignore', env: { ...process.env, GLOSSA_DB: '' } });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let killedAt = -1;
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      const count = await team.changeCount();
      if (count > before) {
        child.kill('SIGKILL');
        killedAt = count;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await exited;
    expect(killedAt).toBeGreaterThan(before);
    expect(killedAt).toBeLessThan(expected);

    const rerun = await runCli(['sync', '--token', erin.token, '--db', dbPath]);
    expect(rerun.stderr).toBe('');
    expect(await team.changeCount()).toBe(expected);
    expect(json((await runCli(['sync', '--status', '--db', dbPath])).stdout)).toMatchObject({ pending: 0, deferred: 0 });
  });

  it('syncs over HTTPS with a self-signed certificate given by --ca, and refuses it without', { timeout: 120_000 }, async () => {
    const scratch = tempDir('glossa-sync-tls-');
    const cert = path.join(scratch, 'cert.pem');
    const key = path.join(scratch, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const tls = await startServer(team.cluster.url, ['--tls-cert', cert, '--tls-key', key, '--rate-limit', '100000'], 'https');
    try {
      const frank = await team.analyst('Frank');
      const dir = tempDir('glossa-sync-cli-');
      openClient(dir).store.close();
      const db = path.join(dir, 'glossa.sqlite');
      const untrusted = await runCli(['sync', '--server', tls.url, '--token', frank.token, '--db', db, '--json']);
      expect(untrusted.status, untrusted.stderr).toBe(1);
      expect(json(untrusted.stderr)).toMatchObject({ error: { code: 'SYNC_UNAVAILABLE', message: expect.stringMatching(/--ca FILE/) } });
      const trusted = await runCli(['sync', '--server', tls.url, '--token', frank.token, '--ca', cert, '--db', db]);
      expect(trusted.stderr).toBe('');
      expect(json(trusted.stdout)).toMatchObject({ rejected: 0 });
      expect(fs.existsSync(db)).toBe(true);
    } finally {
      await tls.kill();
    }
  });
});
