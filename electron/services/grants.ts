// The paths the user granted Glossa: chosen in a system dialog, dropped on the window, or opened
// from the OS (a .glossa archive). The renderer is untrusted, so it never names a path main will
// read: main grants each path an opaque token, and the page asks for a plan or an import by token.
// Tokens are random and live only in this process; a token main never gave is NOT_FOUND.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isArchivePath } from '../../shared/formats';
import type { DroppedGrant } from '../../shared/bridge';

export interface PathGrants {
  /** Grants an absolute path and returns its token. */
  grant(target: string): string;
  /** The path granted under a token; NOT_FOUND for a token main never gave (or already spent). */
  pathOf(token: string): string;
  /** The path granted under a token, which must be a .glossa archive (INVALID_ARGS otherwise). */
  archiveOf(token: string): string;
  /** Forgets a token (what it named was imported). */
  revoke(token: string): void;
  /** Grants an archive opened from the OS and queues its token until the window takes it. */
  announce(target: string): string;
  /** The queued tokens, oldest first; the queue is then empty. */
  takeAnnounced(): string[];
}

/** The most paths one drop may grant (the import channels take as many tokens). */
export const maxDroppedPaths = 1000;
const maxPathLength = 4096;

function checkAbsolute(target: string): void {
  if (typeof target !== 'string' || target === '' || target.length > maxPathLength || target.includes('\0') || !path.isAbsolute(target)) {
    throw new AppError('INVALID_ARGS', 'A granted path must be absolute.');
  }
}

export function createGrants(newToken: () => string = randomUUID): PathGrants {
  const granted = new Map<string, string>();
  let announced: string[] = [];
  const grant = (target: string): string => {
    checkAbsolute(target);
    const token = newToken();
    granted.set(token, path.normalize(target));
    return token;
  };
  const pathOf = (token: string): string => {
    const target = typeof token === 'string' ? granted.get(token) : undefined;
    if (target === undefined) throw new AppError('NOT_FOUND', 'This file is no longer open in Glossa; choose or drop it again.');
    return target;
  };
  return {
    grant,
    pathOf,
    archiveOf(token) {
      const target = pathOf(token);
      if (!isArchivePath(target)) throw new AppError('INVALID_ARGS', `Only Glossa archives (.glossa) open this way (got "${path.basename(target)}").`);
      return target;
    },
    revoke(token) {
      granted.delete(token);
    },
    announce(target) {
      if (!isArchivePath(target)) throw new AppError('INVALID_ARGS', `Only Glossa archives (.glossa) open this way (got "${path.basename(target)}").`);
      const token = grant(target);
      announced.push(token);
      return token;
    },
    takeAnnounced() {
      const taken = announced;
      announced = [];
      return taken;
    },
  };
}

/**
 * Grants the files and folders of one drop on the window. Only the preload (Electron) or the test
 * harness standing in for it calls this, with the paths the OS gave for the dropped files; the
 * page gets the tokens and names, never a way to name a path itself.
 */
export function grantDroppedPaths(grants: PathGrants, paths: unknown): DroppedGrant[] {
  if (!Array.isArray(paths) || paths.length > maxDroppedPaths) return [];
  const out: DroppedGrant[] = [];
  for (const p of paths) {
    try {
      out.push({ token: grants.grant(p as string), name: path.basename(p as string) });
    } catch {
      // A path that is not absolute is not a dropped file: it gets no token.
    }
  }
  return out;
}
