// The team connection kept beside the store: the server, the CA to trust, whether to sync
// automatically, and the analyst's token. The token is encrypted by a TokenCipher: the
// system's keychain in the app (electron/shell/token-cipher.ts, Electron's safeStorage), or,
// where there is none (the CLI, tests, a Linux desktop without a keyring), stored as it is in a
// file only this user may read (0600): not encrypted, as the README says.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { TokenProtection } from '../../../shared/schemas/team';
import type { TeamServer } from './sync-engine';

export interface TokenCipher {
  readonly protection: TokenProtection;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/** No encryption: the file's mode is the only protection. */
export const plainFileCipher: TokenCipher = {
  protection: 'plain-file',
  encrypt: (text) => Buffer.from(text, 'utf8'),
  decrypt: (data) => data.toString('utf8'),
};

export interface TeamConnection {
  server: TeamServer;
  automatic: boolean;
  protection: TokenProtection;
}

const fileMode = 0o600;

const StoredConnection = z.object({
  version: z.literal(1),
  url: z.string(),
  ca: z.string().optional(),
  automatic: z.boolean(),
  token: z.object({ protection: z.enum(['encrypted', 'plain-file']), data: z.string() }),
});

/** Where a store's team connection is kept: beside the store, so each library has its own. */
export function secretsPathFor(storePath: string): string {
  return `${storePath}.team.json`;
}

export class SecretsFile {
  constructor(
    readonly path: string,
    private readonly cipher: TokenCipher,
  ) {}

  get protection(): TokenProtection {
    return this.cipher.protection;
  }

  /** The kept connection, or null when there is none. Throws when it cannot be read back. */
  read(): TeamConnection | null {
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('INTERNAL', `The team connection could not be read (${(error as Error).message}).`);
    }
    let stored: z.infer<typeof StoredConnection>;
    try {
      stored = StoredConnection.parse(JSON.parse(text));
    } catch {
      throw new AppError('INTERNAL', `The team connection file ${path.basename(this.path)} is damaged: connect to the team server again.`);
    }
    if (stored.token.protection !== this.cipher.protection) {
      throw new AppError(
        'INTERNAL',
        stored.token.protection === 'encrypted'
          ? 'The team token was encrypted with the system keychain, which is not available now: connect to the team server again.'
          : 'The team token is kept unencrypted, but this computer can encrypt it now: connect to the team server again to protect it.',
      );
    }
    let token: string;
    try {
      token = this.cipher.decrypt(Buffer.from(stored.token.data, 'base64'));
    } catch {
      throw new AppError('INTERNAL', 'The team token could not be decrypted (the system keychain changed?): connect to the team server again.');
    }
    const server: TeamServer = stored.ca === undefined ? { url: stored.url, token } : { url: stored.url, token, ca: stored.ca };
    return { server, automatic: stored.automatic, protection: stored.token.protection };
  }

  /** Replaces the kept connection: written whole to a 0600 temp file, then renamed over. */
  write(server: TeamServer, automatic: boolean): void {
    const stored: z.infer<typeof StoredConnection> = {
      version: 1,
      url: server.url,
      ...(server.ca === undefined ? {} : { ca: server.ca }),
      automatic,
      token: { protection: this.cipher.protection, data: this.cipher.encrypt(server.token).toString('base64') },
    };
    const temp = `${this.path}.${process.pid}.tmp`;
    let fd: number | undefined;
    let created = false;
    try {
      fd = fs.openSync(temp, 'w', fileMode);
      created = true;
      // open's mode is cut by the umask only towards less access; a temp left by a crash keeps its own, so set it.
      fs.fchmodSync(fd, fileMode);
      fs.writeSync(fd, JSON.stringify(stored));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temp, this.path);
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      if (created) fs.rmSync(temp, { force: true });
      throw new AppError('INTERNAL', `The team connection could not be saved (${(error as Error).message}).`);
    }
  }

  /** Forgets the connection and the token. */
  clear(): void {
    fs.rmSync(this.path, { force: true });
  }
}
