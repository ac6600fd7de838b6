// Pure decisions of the Electron shell, kept free of 'electron' so unit tests can check them.
import path from 'node:path';
import type { Channel } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatch';
import { rendererOrigin } from '../protocol/renderer-files';

/** Value of `--name VALUE` or `--name=VALUE` in argv, if present. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** The store path: `--db PATH`, else GLOSSA_DB, else glossa.sqlite in the user-data folder. */
export function resolveStorePath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
  cwd: string = process.cwd(),
): string {
  const chosen = argValue(argv, '--db') || env.GLOSSA_DB;
  return chosen ? path.resolve(cwd, chosen) : path.join(userDataDir, 'glossa.sqlite');
}

/** The better-sqlite3 binary built for Electron's ABI (see build/scripts/native-electron.mjs). */
export function electronNativeBindingPath(isPackaged: boolean, resourcesPath: string, appPath: string): string {
  return isPackaged
    ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appPath, '.native', 'electron', 'better_sqlite3.node');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on the renderer's own origin, app://glossa/. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${rendererOrigin.scheme}:` && parsed.host === rendererOrigin.host;
}

/** A window may navigate or be redirected only within the app's own origin. */
export const isAllowedNavigation = isAppUrl;

/** IPC is answered only for frames showing our own pages. */
export const isTrustedSenderUrl = isAppUrl;

const untrustedSenderEnvelope: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Refused a request from a page that is not part of Glossa.' },
};

/** The handler behind one IPC channel: checks the sending frame, then dispatches. */
export function guardedHandler(
  dispatch: Dispatch,
  channel: Channel,
): (senderUrl: string | undefined, args: unknown) => Promise<Envelope<unknown>> {
  return async (senderUrl, args) => (isTrustedSenderUrl(senderUrl) ? dispatch(channel, args) : untrustedSenderEnvelope);
}

// Chromium's devtools load from devtools://; data: is allowed because the CSP allows data:
// images, which never leave the machine. Everything else (http, https, file, ws...) is blocked.
const allowedRequestSchemes = new Set([`${rendererOrigin.scheme}:`, 'devtools:', 'data:']);

/** Whether the session lets a request through: nothing remote, nothing from disk. */
export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null || !allowedRequestSchemes.has(parsed.protocol)) return false;
  return parsed.protocol !== `${rendererOrigin.scheme}:` || parsed.host === rendererOrigin.host;
}

/** Appends the extension unless the name already ends with it; accepts "csv" or ".csv". */
export function withExtension(fileName: string, extension: string): string {
  const ext = extension.replace(/^\.+/, '');
  if (!ext) return fileName;
  return fileName.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? fileName : `${fileName}.${ext}`;
}
