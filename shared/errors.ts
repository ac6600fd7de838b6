// Typed errors that cross the IPC boundary as plain data.
export const errorCodes = [
  'INVALID_ARGS',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'DUPLICATE',
  /** Deleting or changing what data still uses; the message says how many and what to pass. */
  'IN_USE',
  'IMPORT_FAILED',
  'EXPORT_FAILED',
  'OFFSETS_MISMATCH',
  'STORE_LOCKED',
  'STORE_CORRUPT',
  'STORE_TOO_NEW',
  /** The store is open for viewing only; the write was refused. */
  'STORE_READ_ONLY',
  /** A document's stored text no longer matches the hash taken when it was imported. */
  'DOCUMENT_DAMAGED',
  /** Not enough free disk space for what was asked (nothing was written). */
  'NO_SPACE',
  /** A schema file written by a newer Glossa. */
  'SCHEMA_TOO_NEW',
  /** A search answered no further because a newer one of its kind was asked for (search worker). */
  'SUPERSEDED',
  /** A write joining two layers (a relation or event argument across them), or to a layer the acting analyst may not write. */
  'LAYER_MISMATCH',
  /** Two analysts with different ids and the same name (an archive, or --analyst on a store that has both). */
  'ANALYST_CONFLICT',
  /** Team sync: the store is not in a team (join first). */
  'SYNC_NOT_JOINED',
  /** Team sync: the token's analyst is not the one whose annotations this store holds. */
  'WRONG_ANALYST',
  /** Team sync: the server refused the token (unknown, or revoked: the message says which). */
  'SYNC_UNAUTHORIZED',
  /** Team sync: a change in a layer the token may not write. */
  'SYNC_FORBIDDEN',
  /** Team sync: a request over the server's size limits. */
  'SYNC_TOO_LARGE',
  /** Team sync: the server asks to wait (the message says how long). */
  'SYNC_RATE_LIMITED',
  /** Team sync: the server could not be reached, or failed; nothing was lost, a rerun continues. */
  'SYNC_UNAVAILABLE',
  /** Team sync: cancelled between batches; what was done is kept. */
  'SYNC_CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * What an IN_USE error is about, as data, so a screen can word its own question instead of
 * editing the message: `count` annotations (or relations) hold what the change would remove.
 */
export interface InUseDetails {
  count: number;
  what: 'label-annotations' | 'attribute-values' | 'option-values' | 'type-relations';
  /** The name of the label, attribute or relation type. */
  name: string;
  /** For option-values: the first removed option still in use, and how many more are. */
  option?: string;
  moreOptions?: number;
}

interface DuplicateDetails {
  /** The name already taken. */
  name: string;
}

export type ErrorDetails = InUseDetails | DuplicateDetails;

export interface ErrorData {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** An error whose message is written for the user; details say the same as data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** What every IPC call returns: Electron's IPC does not keep error classes, so errors are data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
