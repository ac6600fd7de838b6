// Undo of a delete without trusting the page: what a delete removed stays here, in the main
// process, and the page gets an opaque random token for it. A restore names only the token, so
// the renderer can neither forge rows nor see more than the delete's summary. The store is
// bounded (entries and characters held); the oldest snapshot goes first, and its token with it.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { AnnotationSnapshot, Relation } from '../../shared/schemas/annotate';
import type { Place } from '../../shared/schemas/places';
import type { DocumentMeta } from '../../shared/schemas/library';
import type { Store } from '../store/store';
import type { EventSnapshot } from './events/event-snapshot';

/** One stored value as SQLite gives it (no blobs are stored). */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** Raw rows of one table, as they were before a delete. */
export interface TableRows {
  table: string;
  rows: Row[];
}

/** Everything documents.delete removed: the document's row and every row that hung off it. */
export interface DocumentSnapshot {
  document: DocumentMeta;
  annotations: number;
  /** documents first, then the tables that reference it, parents before children. */
  tables: TableRows[];
}

/** An annotation's place as it was before a change: null when it had none. */
export interface PlaceState {
  annotationId: string;
  place: Place | null;
}

/** What each kind of token stands for. */
export interface UndoSnapshotKinds {
  document: DocumentSnapshot;
  annotation: AnnotationSnapshot;
  relation: Relation;
  place: PlaceState;
  event: EventSnapshot;
}
export type UndoSnapshotKind = keyof UndoSnapshotKinds;

interface Entry {
  kind: UndoSnapshotKind;
  snapshot: unknown;
  chars: number;
}

export const undoSnapshotLimits = {
  /** Deletions (and place changes) that can be undone, newest kept. */
  entries: 500,
  /** Characters of text held in all snapshots together (a few large documents at most). */
  chars: 100_000_000,
};

export class UndoSnapshots {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  /** Keeps the snapshot and returns its token; drops the oldest ones beyond the limits. */
  remember<K extends UndoSnapshotKind>(kind: K, snapshot: UndoSnapshotKinds[K], chars = 0): string {
    const token = randomBytes(18).toString('base64url');
    this.entries.set(token, { kind, snapshot, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= undoSnapshotLimits.entries && this.chars <= undoSnapshotLimits.chars) break;
      if (oldest === token) break;
      this.forget(oldest, entry);
    }
    return token;
  }

  /** The snapshot behind the token; NOT_FOUND when it was never given, has expired, or is of another kind. */
  get<K extends UndoSnapshotKind>(kind: K, token: string): UndoSnapshotKinds[K] {
    const entry = this.entries.get(token);
    if (!entry || entry.kind !== kind) {
      throw new AppError(
        'NOT_FOUND',
        `This can no longer be undone: Glossa keeps the last ${undoSnapshotLimits.entries} changes while it runs.`,
      );
    }
    return entry.snapshot as UndoSnapshotKinds[K];
  }

  /** Drops the token once its restore has been written: a snapshot is put back once. */
  spend(token: string): void {
    const entry = this.entries.get(token);
    if (entry) this.forget(token, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(token: string, entry: Entry): void {
    this.entries.delete(token);
    this.chars -= entry.chars;
  }
}

const byStore = new WeakMap<Store, UndoSnapshots>();

/** The undo snapshots of this store, in this process (they end when the app quits). */
export function undoSnapshots(store: Store): UndoSnapshots {
  let snapshots = byStore.get(store);
  if (!snapshots) {
    snapshots = new UndoSnapshots();
    byStore.set(store, snapshots);
  }
  return snapshots;
}
