// The renderer's only way out: the window.glossa bridge, with envelopes unwrapped into values
// or ApiErrors carrying a message written for the user.
import type { GlossaApi } from '../../shared/bridge';
import type { ArgsOf, Channel, ResultOf } from '../../shared/contract';
import type { Envelope, ErrorCode, ErrorDetails, InUseDetails } from '../../shared/errors';

declare global {
  interface Window {
    glossa?: GlossaApi;
  }
}

class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What data still uses, when a call was refused as IN_USE; null for any other failure. */
export function inUseDetails(error: unknown): InUseDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'IN_USE' || !error.details || !('count' in error.details)) return null;
  return error.details;
}

function bridge(): GlossaApi {
  if (!window.glossa) {
    throw new ApiError('INTERNAL', 'Glossa cannot reach its main process (the bridge is missing).');
  }
  return window.glossa;
}

export async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const method = bridge()[channel] as unknown as (a: ArgsOf<C>) => Promise<Envelope<ResultOf<C>>>;
  const envelope = await method(args);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
  return envelope.value as ResultOf<C>;
}

export function onMenuCommand(listener: Parameters<GlossaApi['onMenuCommand']>[0]): () => void {
  return window.glossa ? window.glossa.onMenuCommand(listener) : () => undefined;
}

/** The code of a refused call (shared/errors.ts), or null for any other failure. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  return error instanceof ApiError ? error.code : null;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function onAppEvent(listener: Parameters<GlossaApi['onEvent']>[0]): () => void {
  return window.glossa ? window.glossa.onEvent(listener) : () => undefined;
}
