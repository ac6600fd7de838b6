// A team server to sync with, for the client's tests (unit and e2e): a throwaway PostgreSQL,
// migrated, the real server as a child process, and analysts added as the admin command adds them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addAnalyst, type NewAnalyst } from '../../../server/analysts';
import { openDb } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { startPgCluster } from './pg-cluster';
import { startServer } from './server-process';

export interface TeamServerUnderTest {
  url: string;
  /** With tls: the self-signed certificate's PEM file, the CA a client must be given. */
  caFile: string | null;
  addAnalyst(name: string): Promise<NewAnalyst>;
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made by openssl, and its key. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'];
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', ...subject, '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  return { cert, key };
}

export async function startTeamServer(label: string, options: { tls?: boolean } = {}): Promise<TeamServerUnderTest> {
  const cluster = await startPgCluster(label);
  const db = openDb(cluster.url, 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-team-server-'));
  const cleanUp = async () => {
    await db.end();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrate(db);
    const tls = options.tls ? selfSignedCertificate(dir) : null;
    const server = tls ? await startServer(cluster.url, ['--tls-cert', tls.cert, '--tls-key', tls.key], 'https') : await startServer(cluster.url);
    return {
      url: server.url,
      caFile: tls?.cert ?? null,
      addAnalyst: (name) => addAnalyst(db, name),
      stop: async () => {
        await server.kill();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
