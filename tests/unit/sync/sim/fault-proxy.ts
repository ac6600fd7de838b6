// A faulty network between one simulated replica and the team server: an HTTP proxy that, by a
// seeded draw per request, drops the request, drops the response after the server acted on it,
// delivers it twice, keeps a copy to deliver much later (a reordered duplicate), or refuses
// everything while the replica is cut off. The simulation drives replicas one at a time, so the
// draws happen in a fixed order and a seed replays a run exactly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRates {
  /** The request never reaches the server. */
  dropRequest: number;
  /** The server acts on the request, but its answer never reaches the replica. */
  dropResponse: number;
  /** The request reaches the server twice; the replica sees the second answer. */
  duplicate: number;
  /** A copy of the request is kept and delivered again at a later, random moment. */
  replayLater: number;
}

export const noFaults: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, replayLater: 0 };

interface CapturedRequest {
  method: string;
  path: string;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

export interface FaultTally {
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  replayed: number;
  refusedWhileCut: number;
}

export class FaultProxy {
  private server: http.Server | null = null;
  private readonly held: CapturedRequest[] = [];
  /** While true, every request fails as if the network were down. */
  cut = false;
  rates: FaultRates;
  readonly tally: FaultTally = { forwarded: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0, replayed: 0, refusedWhileCut: 0 };

  constructor(
    private readonly upstream: URL,
    private readonly random: () => number,
    rates: FaultRates,
  ) {
    this.rates = rates;
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 1;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests kept for a later delivery. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Delivers one kept request (the draw picks which), as a late duplicate; its answer goes nowhere. */
  async replayOne(): Promise<boolean> {
    if (this.held.length === 0) return false;
    const [request] = this.held.splice(Math.floor(this.random() * this.held.length), 1);
    await this.forward(request!).catch(() => undefined);
    this.tally.replayed++;
    return true;
  }

  /** Delivers every kept request, oldest first. */
  async replayAll(): Promise<void> {
    while (this.held.length > 0) {
      const request = this.held.shift()!;
      await this.forward(request).catch(() => undefined);
      this.tally.replayed++;
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const request: CapturedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: forwardedHeaders(req.headers), body };
    if (this.cut) {
      this.tally.refusedWhileCut++;
      return void req.socket.destroy();
    }
    const draw = this.random();
    const { dropRequest, dropResponse, duplicate, replayLater } = this.rates;
    if (draw < dropRequest) {
      this.tally.droppedRequests++;
      return void req.socket.destroy();
    }
    try {
      if (draw < dropRequest + replayLater) this.held.push(request);
      let answer = await this.forward(request);
      if (draw >= dropRequest + replayLater && draw < dropRequest + replayLater + duplicate) {
        this.tally.duplicated++;
        answer = await this.forward(request);
      }
      if (draw >= dropRequest + replayLater + duplicate && draw < dropRequest + replayLater + duplicate + dropResponse) {
        this.tally.droppedResponses++;
        return void req.socket.destroy();
      }
      this.tally.forwarded++;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  }

  private forward(request: CapturedRequest): Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = http.request(
        { host: this.upstream.hostname, port: this.upstream.port, method: request.method, path: request.path, headers: { ...request.headers, 'content-length': request.body.length }, agent: false },
        (upstream) => {
          void readBody(upstream).then(
            (body) => resolve({ status: upstream.statusCode ?? 502, headers: answerHeaders(upstream.headers, body.length), body }),
            reject,
          );
        },
      );
      out.once('error', reject);
      out.end(request.body);
    });
  }
}

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** The request's headers minus the ones that describe this hop. */
function forwardedHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const { host: _host, connection: _connection, 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = headers;
  return rest;
}

function answerHeaders(headers: http.IncomingHttpHeaders, length: number): http.OutgoingHttpHeaders {
  const { connection: _connection, 'transfer-encoding': _encoding, 'keep-alive': _keepAlive, ...rest } = headers;
  return { ...rest, 'content-length': length };
}
