// The server's HTTP handler: routes, bearer tokens, body limits, validation with the shared zod
// schemas, the per-token rate limit, and one structured log line per request (never the token).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Change, PullQuery, PushRequest, syncLimits, utf8Bytes, type SyncError, type SyncErrorCode } from '../shared/sync/protocol';
import { authenticate, type Analyst } from './analysts';
import type { Db } from './db';
import { schemaVersion } from './migrate';
import { pullChanges } from './pull';
import { pushChanges } from './push';
import { RateLimiter } from './rate-limit';

export interface AppOptions {
  db: Db;
  log: Logger;
  /** Requests per minute per token. */
  rateLimit: number;
}

const statusOf: Record<SyncErrorCode, number> = {
  MALFORMED_JSON: 400,
  INVALID_REQUEST: 400,
  INVALID_CHANGE: 400,
  TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  TOKEN_REVOKED: 401,
  FORBIDDEN_LAYER: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

type ChangeProblem = NonNullable<SyncError['error']['changes']>[number];

/** A refusal the handler turns into a JSON error answer. */
class Refusal extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly changes?: ChangeProblem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What one request did, for its log line. */
interface Outcome {
  analyst?: Analyst;
  counts?: Record<string, number>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store', ...headers });
  res.end(json);
}

/**
 * The body, refused with 413 once it passes `limit` bytes (by its Content-Length or as it streams
 * in). An oversized body is read to its end and dropped, so the client gets the 413 instead of a
 * reset connection; one declared over four times the limit is not read at all.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = (size: number) => new Refusal('TOO_LARGE', `The body is ${size} bytes or more; a push is at most ${limit} bytes.`);
  if (Number.isFinite(declared) && declared > limit * 4) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
      if (size > limit * 4) {
        req.destroy();
        reject(tooLarge(size));
      }
    });
    req.on('end', () => (size > limit ? reject(tooLarge(size)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header) : null;
  return match ? match[1]! : null;
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(change)'}: ${i.message}`).join('; ');
}

/** Parses and checks a push: sizes (413), shapes (400), and that every change is the token's analyst's to write (403). */
function validatePush(raw: Buffer, analyst: Analyst): Change[] {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new Refusal('MALFORMED_JSON', `The body is not JSON: ${(error as Error).message}`);
  }
  if (body && typeof body === 'object' && Array.isArray((body as { changes?: unknown }).changes) && (body as { changes: unknown[] }).changes.length > syncLimits.maxBatchChanges) {
    throw new Refusal('TOO_LARGE', `A push carries at most ${syncLimits.maxBatchChanges} changes (got ${(body as { changes: unknown[] }).changes.length}).`);
  }
  const request = PushRequest.safeParse(body);
  if (!request.success) throw new Refusal('INVALID_REQUEST', `A push is {"changes": [1 to ${syncLimits.maxBatchChanges} changes]}: ${issuesText(request.error)}`);
  const idOf = (item: unknown) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined);
  const oversized = request.data.changes.flatMap((item, at) => {
    const bytes = utf8Bytes(JSON.stringify(item));
    return bytes > syncLimits.maxChangeBytes ? [{ at, id: idOf(item), message: `${bytes} bytes; a change is at most ${syncLimits.maxChangeBytes}` }] : [];
  });
  if (oversized.length) throw new Refusal('TOO_LARGE', 'Some changes are too large.', oversized);
  const changes: Change[] = [];
  const invalid: ChangeProblem[] = [];
  request.data.changes.forEach((item, at) => {
    const parsed = Change.safeParse(item);
    if (parsed.success) changes.push(parsed.data);
    else invalid.push({ at, id: idOf(item), message: issuesText(parsed.error) });
  });
  if (invalid.length) throw new Refusal('INVALID_CHANGE', `${invalid.length} of ${request.data.changes.length} changes are not valid changes; nothing was stored.`, invalid);
  const forbidden = changes.flatMap((change, at) => {
    if (change.analyst !== analyst.id) return [{ at, id: change.id, message: `made by ${change.analyst}, but this token is ${analyst.id}'s` }];
    if (change.layer !== 'shared' && change.layer !== 'gold' && change.layer !== analyst.id) return [{ at, id: change.id, message: `layer ${change.layer} is another analyst's` }];
    return [];
  });
  if (forbidden.length) throw new Refusal('FORBIDDEN_LAYER', "A token writes only its own analyst's changes, in its own layer or the shared and gold ones; nothing was stored.", forbidden);
  return changes;
}

export function createApp({ db, log, rateLimit }: AppOptions) {
  const limiter = new RateLimiter(rateLimit);
  // Failed authentications count per address, so guessing tokens costs the database nothing past the limit.
  const failures = new RateLimiter(rateLimit);

  async function authorise(req: IncomingMessage): Promise<Analyst> {
    const address = `address:${req.socket.remoteAddress ?? 'unknown'}`;
    const failWait = failures.peek(address);
    if (failWait > 0) throw new Refusal('RATE_LIMITED', `Too many failed authentications from this address; retry in ${failWait} s.`, undefined, { 'retry-after': String(failWait) });
    const token = bearerToken(req);
    if (!token) throw new Refusal('UNAUTHORIZED', 'Send the analyst token as "Authorization: Bearer TOKEN".', undefined, { 'www-authenticate': 'Bearer' });
    const auth = await authenticate(db, token);
    if (!auth.ok) {
      failures.take(address);
      const message = auth.code === 'TOKEN_REVOKED' ? 'This token was revoked; ask the team admin for a new one.' : 'The token is not valid.';
      throw new Refusal(auth.code, message, undefined, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    const wait = limiter.take(auth.analyst.id);
    if (wait > 0) throw new Refusal('RATE_LIMITED', `Too many requests; retry in ${wait} s.`, undefined, { 'retry-after': String(wait) });
    return auth.analyst;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, outcome: Outcome): Promise<void> {
    const path = url.pathname;
    const allow = (method: string) => {
      if (req.method !== method) throw new Refusal('METHOD_NOT_ALLOWED', `${path} takes ${method}.`, undefined, { allow: method });
    };
    if (path === '/health') {
      allow('GET');
      try {
        const version = await schemaVersion(db);
        const head = version > 0 ? (await db.query<{ seq: number }>('SELECT seq FROM sequence_head')).rows[0]?.seq ?? 0 : 0;
        send(res, 200, { status: 'ok', database: 'reachable', migration: version, head });
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'health: database unreachable');
        send(res, 503, { status: 'unavailable', database: 'unreachable', migration: null });
      }
      return;
    }
    if (path === '/v1/push') {
      allow('POST');
      outcome.analyst = await authorise(req);
      const changes = validatePush(await readBody(req, syncLimits.maxPushBytes), outcome.analyst);
      const result = await pushChanges(db, changes);
      outcome.counts = {
        changes: changes.length,
        stored: result.accepted.filter((a) => !a.duplicate).length,
        duplicates: result.accepted.filter((a) => a.duplicate).length,
        rejected: result.rejected.length,
        conflicts: result.conflicts.length,
        head: result.head,
      };
      send(res, 200, result);
      return;
    }
    if (path === '/v1/me') {
      allow('GET');
      outcome.analyst = await authorise(req);
      send(res, 200, { id: outcome.analyst.id, name: outcome.analyst.name });
      return;
    }
    if (path === '/v1/pull') {
      allow('GET');
      outcome.analyst = await authorise(req);
      const query = PullQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) throw new Refusal('INVALID_REQUEST', `A pull is /v1/pull?after=N&limit=M (M from 1 to ${syncLimits.maxPullChanges}): ${issuesText(query.error)}`);
      const page = await pullChanges(db, query.data);
      outcome.counts = { after: query.data.after, changes: page.changes.length, highWater: page.highWater, head: page.head };
      send(res, 200, page);
      return;
    }
    throw new Refusal('NOT_FOUND', `No such endpoint: ${path}. The server answers GET /health, GET /v1/me, POST /v1/push and GET /v1/pull.`);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = performance.now();
    const outcome: Outcome = {};
    const url = new URL(req.url ?? '/', 'http://glossa.invalid');
    res.setHeader('x-request-id', requestId);
    try {
      await route(req, res, url, outcome);
    } catch (error) {
      const refusal = error instanceof Refusal ? error : null;
      if (!refusal) log.error({ requestId, err: { message: (error as Error).message, stack: (error as Error).stack } }, 'request failed');
      const code = refusal?.code ?? 'INTERNAL';
      const body: SyncError = {
        error: { code, message: refusal?.message ?? 'The server failed to handle this request; nothing was stored.', requestId, ...(refusal?.changes ? { changes: refusal.changes } : {}) },
      };
      if (!res.headersSent) send(res, statusOf[code], body, { ...refusal?.headers, ...(code === 'TOO_LARGE' ? { connection: 'close' } : {}) });
    } finally {
      log.info(
        { requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started), analyst: outcome.analyst?.id, analystName: outcome.analyst?.name, ...outcome.counts },
        'request',
      );
    }
  };
}
