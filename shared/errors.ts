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
  /** A schema file written by a newer Glossa. */
  'SCHEMA_TOO_NEW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

/** An error whose message is written for the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

/** What every IPC call returns: Electron's IPC does not keep error classes, so errors are data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
