// The team connection file: the token encrypted by the cipher given (or kept plain in a file
// only its user may read), read back whole, replaced atomically, forgotten on leave.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainFileCipher, SecretsFile, secretsPathFor, type TokenCipher } from '../../../electron/services/team/secrets-file';
import { tempDir } from '../helpers';

/** A real cipher standing in for the system keychain: AES-256-GCM under a key of this process. */
function aesCipher(key = randomBytes(32)): TokenCipher {
  return {
    protection: 'encrypted',
    encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const token = 'glt_3f9c2a61d1e84b0fa7c55e0e6a1d2b9f';
const server = { url: 'https://team.example:8443', token, ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' };

function fileIn(dir: string, cipher: TokenCipher): SecretsFile {
  return new SecretsFile(secretsPathFor(path.join(dir, 'glossa.sqlite')), cipher);
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('team secrets file', () => {
  it('keeps nothing until a connection is written, and forgets it on clear', () => {
    const secrets = fileIn(tempDir(), plainFileCipher);
    expect(secrets.read()).toBeNull();
    secrets.write(server, true);
    expect(secrets.read()).toEqual({ server, automatic: true, protection: 'plain-file' });
    secrets.clear();
    expect(fs.existsSync(secrets.path)).toBe(false);
    expect(secrets.read()).toBeNull();
  });

  it('with a cipher, the file never holds the token and reads back with the same key only', () => {
    const dir = tempDir();
    const cipher = aesCipher();
    const secrets = fileIn(dir, cipher);
    secrets.write(server, false);
    const text = fs.readFileSync(secrets.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(Buffer.from(token).toString('base64'));
    expect(secrets.read()).toEqual({ server, automatic: false, protection: 'encrypted' });
    expect(() => fileIn(dir, aesCipher()).read()).toThrow(/could not be decrypted.*connect to the team server again/);
    expect(() => fileIn(dir, plainFileCipher).read()).toThrow(/system keychain, which is not available now/);
  });

  it.skipIf(process.platform === 'win32')('is readable by its user only (0600), also when it replaces a wider file', () => {
    const dir = tempDir();
    const secrets = fileIn(dir, plainFileCipher);
    fs.writeFileSync(secrets.path, '{}', { mode: 0o644 });
    const umask = process.umask(0o000);
    try {
      secrets.write(server, true);
    } finally {
      process.umask(umask);
    }
    expect(modeOf(secrets.path)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([path.basename(secrets.path)]);
    expect(secrets.read()?.server.token).toBe(token);
  });

  it('says what to do when the file is damaged, and keeps a connection without a CA as such', () => {
    const secrets = fileIn(tempDir(), plainFileCipher);
    fs.writeFileSync(secrets.path, '{"version":1,"url":', { mode: 0o600 });
    expect(() => secrets.read()).toThrow(/damaged: connect to the team server again/);
    secrets.write({ url: 'http://127.0.0.1:8080', token }, true);
    expect(secrets.read()?.server).toEqual({ url: 'http://127.0.0.1:8080', token });
  });

  it('a write that fails leaves the old connection and no temp file', () => {
    const dir = tempDir();
    const secrets = fileIn(dir, plainFileCipher);
    secrets.write(server, true);
    // The temp file's place is taken by a folder: opening it fails.
    fs.mkdirSync(`${secrets.path}.${process.pid}.tmp`);
    expect(() => secrets.write({ ...server, token: 'other' }, false)).toThrow(/could not be saved/);
    fs.rmdirSync(`${secrets.path}.${process.pid}.tmp`);
    expect(secrets.read()).toEqual({ server, automatic: true, protection: 'plain-file' });
  });
});
