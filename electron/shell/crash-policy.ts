// What the app does when a part of it stops: Chromium's processes (render-process-gone,
// child-process-gone) and errors nothing caught in the main process. Free of 'electron', so the
// unit tests check each case; main.ts logs, reloads and shows the notice. The store is SQLite
// with every change in a transaction, so a crash loses at most the change being made.

export type Incident =
  | { kind: 'renderer'; reason: string; exitCode: number }
  | { kind: 'child'; type: string; reason: string; exitCode: number; name?: string }
  | { kind: 'uncaught'; message: string };

export interface Response {
  /** Written to the log file. */
  log: string;
  /** Reload the main window's page. */
  reload: boolean;
  /** Shown to the user, or null when nothing they see was affected. */
  notice: { title: string; message: string } | null;
}

const nothingLost = 'Your documents and annotations are saved as you work: nothing was lost.';

/** Reasons that are not a failure: the process was closed on purpose. */
const cleanReasons = new Set(['clean-exit']);

/** Reloads within the last minute after which another crash is not reloaded (it would loop). */
export const maxReloadsPerMinute = 3;

export function respondTo(incident: Incident, reloadsInLastMinute = 0): Response {
  switch (incident.kind) {
    case 'renderer': {
      if (cleanReasons.has(incident.reason)) return { log: `renderer ended (${incident.reason})`, reload: false, notice: null };
      if (reloadsInLastMinute >= maxReloadsPerMinute) {
        return {
          log: `renderer gone again: ${incident.reason} (exit ${incident.exitCode}); not reloading after ${reloadsInLastMinute} reloads in a minute`,
          reload: false,
          notice: {
            title: 'Glossa stopped showing its window',
            message: `The window stopped ${reloadsInLastMinute + 1} times in a minute, so it was not reloaded again. Quit and start Glossa again. ${nothingLost}`,
          },
        };
      }
      return {
        log: `renderer gone: ${incident.reason} (exit ${incident.exitCode}); reloading`,
        reload: true,
        notice: {
          title: 'Glossa reloaded its window',
          message: `The window stopped (${incident.reason === 'oom' ? 'out of memory' : incident.reason}) and has been reloaded. ${nothingLost}`,
        },
      };
    }
    case 'child': {
      const what = `${incident.type}${incident.name ? ` (${incident.name})` : ''}`;
      if (cleanReasons.has(incident.reason)) return { log: `${what} ended (${incident.reason})`, reload: false, notice: null };
      // Chromium restarts its GPU and utility processes itself; the window keeps working.
      return { log: `child process gone: ${what}: ${incident.reason} (exit ${incident.exitCode})`, reload: false, notice: null };
    }
    case 'uncaught':
      return {
        log: `uncaught error in the main process: ${incident.message}`,
        reload: true,
        notice: {
          title: 'Glossa hit an unexpected error',
          message: `Something went wrong (${incident.message}); the window has been reloaded. ${nothingLost} The details are in Help ▸ Show Logs.`,
        },
      };
  }
}
