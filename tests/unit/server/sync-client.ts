// A minimal HTTP(S) client for the team-server tests (node:http, so a test can trust its own
// self-signed certificate), and changes made the way a Glossa client makes them.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Change } from '../../../shared/sync/protocol';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  text: string;
}

export function request(url: string, options: { method?: string; token?: string; body?: string | Buffer; ca?: Buffer } = {}): Promise<Answer> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) } : {}),
        },
        ...(options.ca ? { ca: options.ca } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function change(analyst: string, overrides: Partial<Change> = {}): Change {
  return {
    id: randomUUID(),
    analyst,
    entity: 'annotation',
    entityId: randomUUID(),
    op: 'put',
    fields: { start: 0, end: 5, label: 'claim' },
    layer: analyst,
    madeAt: new Date().toISOString(),
    base: 0,
    ...overrides,
  };
}

export interface PushAnswer {
  accepted: { id: string; seq: number; duplicate: boolean }[];
  rejected: { id: string; reason: string; message: string }[];
  conflicts: { id: number; changeId: string; entity: string; entityId: string; field: string }[];
  head: number;
}

export interface PulledChange extends Change {
  seq: number;
  receivedAt: string;
  conflicted: string[];
}

export interface PullAnswer {
  changes: PulledChange[];
  highWater: number;
  head: number;
  hasMore: boolean;
}

export async function push(server: string, token: string, changes: unknown[], ca?: Buffer): Promise<Answer & { body: PushAnswer }> {
  return (await request(`${server}/v1/push`, { token, body: JSON.stringify({ changes }), ca })) as Answer & { body: PushAnswer };
}

export async function pull(server: string, token: string, after = 0, limit?: number): Promise<Answer & { body: PullAnswer }> {
  const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
  return (await request(`${server}/v1/pull?${query}`, { token })) as Answer & { body: PullAnswer };
}

/** Every change on the server, page by page. */
export async function pullAll(server: string, token: string, pageSize = 1000): Promise<PulledChange[]> {
  const all: PulledChange[] = [];
  let after = 0;
  for (;;) {
    const page = await pull(server, token, after, pageSize);
    if (page.status !== 200) throw new Error(`pull answered ${page.status}: ${page.text}`);
    all.push(...page.body.changes);
    after = page.body.highWater;
    if (!page.body.hasMore) return all;
  }
}
