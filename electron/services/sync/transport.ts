// The team server over HTTP(S): Node's fetch (undici) with a custom CA when given (a team's
// self-signed certificate), retries with backoff on network errors and 503, and one clear
// AppError per failure. The token goes in the Authorization header only: never in a message.
import { Agent, fetch as undiciFetch } from 'undici';
import { AppError } from '../../../shared/errors';
import { SyncError } from '../../../shared/sync/protocol';

export interface TeamServer {
  url: string;
  token: string;
  /** PEM text of a CA to trust. */
  ca?: string;
}

export interface TransportOptions {
  signal?: AbortSignal;
  /** Attempts for a request that fails on the network (default 4). */
  attempts?: number;
  /** First wait between attempts, doubled each time (default 250 ms). */
  backoffMs?: number;
}

export interface Transport {
  get(path: string): Promise<unknown>;
  post(path: string, body: string): Promise<unknown>;
  close(): Promise<void>;
}

export function cancelled(): AppError {
  return new AppError('SYNC_CANCELLED', 'Sync was cancelled; everything done so far is kept, and the next sync continues from there.');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The server's own words, without anything that could echo the token. */
function serverMessage(body: unknown, status: number): { code: string; message: string } {
  const parsed = SyncError.safeParse(body);
  if (parsed.success) return { code: parsed.data.error.code, message: parsed.data.error.message };
  return { code: '', message: `HTTP ${status}` };
}

function refusal(status: number, body: unknown, retryAfter: string | null, where: string): AppError {
  const { code, message } = serverMessage(body, status);
  if (status === 401 && code === 'TOKEN_REVOKED') return new AppError('SYNC_UNAUTHORIZED', `The team server at ${where} says this token was revoked; ask the team admin for a new one.`);
  if (status === 401) return new AppError('SYNC_UNAUTHORIZED', `The team server at ${where} does not accept this token (${message}). Check the token you were given.`);
  if (status === 403) return new AppError('SYNC_FORBIDDEN', `The team server at ${where} refused changes in a layer this token may not write: ${message}`);
  if (status === 413) return new AppError('SYNC_TOO_LARGE', `The team server at ${where} refused a request as too large: ${message}`);
  if (status === 429) {
    const seconds = Number(retryAfter);
    return new AppError('SYNC_RATE_LIMITED', `The team server at ${where} asks to wait${Number.isFinite(seconds) ? ` ${seconds} s` : ''} before the next request (rate limit); nothing was lost.`);
  }
  if (status >= 500) return new AppError('SYNC_UNAVAILABLE', `The team server at ${where} failed (HTTP ${status}: ${message}); nothing was lost, sync again later.`);
  return new AppError('INTERNAL', `The team server at ${where} answered HTTP ${status}: ${message}`);
}

/** A rate limit's Retry-After up to this is waited out; a longer one is reported. */
const maxRetryAfterSeconds = 5;

/** TLS failures that trying again cannot mend. */
const untrustedCertificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** A URL for messages: scheme, host and port only (no credentials, no query). */
function shown(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

export function createTransport(server: TeamServer, options: TransportOptions = {}): Transport {
  let base: URL;
  try {
    base = new URL(server.url);
  } catch {
    throw new AppError('INVALID_ARGS', 'The team server address is not a URL (e.g. https://team.example:8443).');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new AppError('INVALID_ARGS', 'The team server address starts with https:// (or http:// on localhost).');
  const where = shown(base);
  const dispatcher = new Agent({ connect: server.ca ? { ca: server.ca } : {}, keepAliveTimeout: 10_000 });
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 250;

  async function send(method: 'GET' | 'POST', path: string, body?: string): Promise<unknown> {
    const url = new URL(path, base);
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (options.signal?.aborted) throw cancelled();
      try {
        const response = await undiciFetch(url, {
          method,
          dispatcher,
          signal: options.signal,
          headers: { authorization: `Bearer ${server.token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body,
        });
        const text = await response.text();
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        if (response.ok) return parsed;
        const retryAfter = response.headers.get('retry-after');
        const error = refusal(response.status, parsed, retryAfter, where);
        const shortWait = response.status === 429 && Number(retryAfter) <= maxRetryAfterSeconds;
        if ((response.status !== 503 && !shortWait) || attempt === attempts) throw error;
        lastError = error;
        if (shortWait) {
          await wait(Number(retryAfter) * 1000, options.signal);
          continue;
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (options.signal?.aborted) throw cancelled();
        const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
        if (untrustedCertificate.test(code)) {
          throw new AppError('SYNC_UNAVAILABLE', `The team server at ${where} has a certificate this computer does not trust (${code}). If the team uses its own certificate, give its CA (glossa sync --ca FILE).`);
        }
        lastError = error;
        if (attempt === attempts) break;
      }
      await wait(backoff * 2 ** (attempt - 1), options.signal);
    }
    if (lastError instanceof AppError) throw lastError;
    const cause = (lastError as { cause?: { code?: string; message?: string } })?.cause;
    const reason = cause?.code ?? cause?.message ?? (lastError as Error)?.message ?? 'no answer';
    throw new AppError('SYNC_UNAVAILABLE', `Could not reach the team server at ${where} (${reason}) after ${attempts} attempts; nothing was lost, sync again when it is reachable.`);
  }

  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    close: () => dispatcher.close(),
  };
}
