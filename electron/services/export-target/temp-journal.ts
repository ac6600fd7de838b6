// Export temp files and folders are named `.<name>.glossa-tmp-<pid>-<random>.tmp` and, while in
// flight, listed in a journal folder beside the store (`.<store>.export-temps/`, one small JSON
// file per temp). At every start (app and CLI), temps listed there whose process is gone are
// removed, so a killed export leaves nothing behind after the next start.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const tempMark = '.glossa-tmp-';

interface JournalEntry {
  pid: number;
  temp: string;
  startedAt: string;
}

/** A temp beside target, with a name that says what it is and whose it is. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target).slice(0, 120)}${tempMark}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function journalFolderOf(storePath: string): string {
  return path.join(path.dirname(path.resolve(storePath)), `.${path.basename(storePath)}.export-temps`);
}

/** A temp recorded in the journal; done() removes its entry once the temp is renamed or removed. */
export interface JournalRecord {
  done(): void;
}

/**
 * Records temp before it is created. Best effort: a store folder that cannot hold the journal
 * (read-only) still exports, without the after-crash cleanup.
 */
export function recordTemp(journal: string | null, temp: string): JournalRecord {
  if (journal === null) return { done: () => undefined };
  const entry = path.join(journal, `${process.pid}-${randomBytes(6).toString('hex')}.json`);
  const body: JournalEntry = { pid: process.pid, temp, startedAt: new Date().toISOString() };
  // Twice: another process's start may remove the (empty) journal folder between mkdir and open.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(journal, { recursive: true });
      const fd = fs.openSync(entry, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(body) + '\n');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return { done: () => forget(journal, entry) };
    } catch {
      // try again, then go without
    }
  }
  return { done: () => undefined };
}

/** Removes the entry, and the journal folder when no other export is in flight. */
function forget(journal: string, entry: string): void {
  try {
    fs.rmSync(entry, { force: true });
    fs.rmdirSync(journal);
  } catch {
    // another export's entry is there, or the folder is gone
  }
}

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return true; // this process has just started: the entry is an earlier one's
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes a temp file, or a temp folder's files and then the folder (never anything without the temp mark). */
function removeTemp(temp: string): void {
  if (!path.basename(temp).includes(tempMark)) return;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(temp);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(temp)) {
      const inside = path.join(temp, name);
      if (fs.lstatSync(inside).isDirectory()) removeTemp(inside);
      else fs.rmSync(inside, { force: true });
    }
    fs.rmdirSync(temp);
  } else {
    fs.rmSync(temp, { force: true });
  }
}

/** Removes the temps of exports whose process is gone; returns how many were removed. */
export function removeStaleTemps(storePath: string): number {
  const journal = journalFolderOf(storePath);
  let names: string[];
  try {
    names = fs.readdirSync(journal);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const entry = path.join(journal, name);
    try {
      const body = JSON.parse(fs.readFileSync(entry, 'utf8')) as Partial<JournalEntry>;
      if (typeof body.pid !== 'number' || typeof body.temp !== 'string') {
        fs.rmSync(entry, { force: true });
        continue;
      }
      if (!processIsGone(body.pid)) continue;
      if (fs.existsSync(body.temp)) removed += 1;
      removeTemp(body.temp);
      fs.rmSync(entry, { force: true });
    } catch {
      // a half-written entry of a killed process: its temp cannot have been created yet
      try {
        if (Date.now() - fs.statSync(entry).mtimeMs > 60_000) fs.rmSync(entry, { force: true });
      } catch {
        // gone meanwhile
      }
    }
  }
  try {
    fs.rmdirSync(journal);
  } catch {
    // not empty (an export in flight), or already gone
  }
  return removed;
}
