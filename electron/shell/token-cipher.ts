// The team token's cipher in the app: Electron's safeStorage (the macOS Keychain, Windows DPAPI,
// the Secret Service or KWallet on Linux). Where the system has none (Linux's 'basic_text'
// backend only obfuscates), the plain 0600 file of electron/services/team/secrets-file.ts.
import { safeStorage } from 'electron';
import { plainFileCipher, type TokenCipher } from '../services/team/secrets-file';

export function createTokenCipher(): TokenCipher {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) return plainFileCipher;
  return {
    protection: 'encrypted',
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
