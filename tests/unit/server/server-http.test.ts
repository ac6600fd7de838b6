// The team server over HTTP against a real PostgreSQL (a throwaway cluster, see pg-cluster.ts) and
// a real server process: push and pull, idempotency, tokens, layers, limits, the total order
// under concurrent pushes, conflicts on shared fields, the rate limit and the logs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLimits } from '../../../shared/sync/protocol';
import { addAnalyst, type NewAnalyst } from '../../../server/analysts';
import { openDb, type Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { startServer, type ServerProcess } from './server-process';
import { change, pull, pullAll, push, request } from './sync-client';

let cluster: PgCluster;
let db: Db;
let server: ServerProcess;
let alice: NewAnalyst;
let bob: NewAnalyst;

beforeAll(async () => {
  cluster = await startPgCluster('server_http');
  db = openDb(cluster.url);
  await migrate(db);
  alice = await addAnalyst(db, 'Alice');
  bob = await addAnalyst(db, 'Bob');
  server = await startServer(cluster.url, ['--rate-limit', '100000']);
}, 180_000);

afterAll(async () => {
  await server?.kill();
  await db?.end();
  await cluster?.stop();
}, 60_000);

async function storedCount(): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes')).rows[0]!.n;
}

describe('the team server', () => {
  it('answers /health with the database reachable and the migration version', async () => {
    const health = await request(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'reachable', migration: 1 });
  });

  it('answers GET /v1/me with the analyst the token belongs to, and a pull page with the names of its analysts', async () => {
    const me = await request(`${server.url}/v1/me`, { token: bob.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: bob.id, name: 'Bob' });
    expect((await request(`${server.url}/v1/me`)).status).toBe(401);
    await push(server.url, alice.token, [change(alice.id)]);
    const page = await pull(server.url, bob.token);
    expect((page.body as unknown as { analysts: unknown[] }).analysts).toContainEqual({ id: alice.id, name: 'Alice' });
  });

  it('stores pushed changes under consecutive sequences and pulls them back in order, page by page', async () => {
    const before = (await pull(server.url, alice.token)).body.head;
    const changes = [change(alice.id), change(alice.id), change(alice.id, { op: 'delete', fields: {} })];
    const pushed = await push(server.url, alice.token, changes);
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([]);
    expect(pushed.body.accepted).toEqual(changes.map((c, i) => ({ id: c.id, seq: before + 1 + i, duplicate: false })));
    expect(pushed.body.head).toBe(before + 3);

    const first = await pull(server.url, bob.token, before, 2);
    expect(first.status).toBe(200);
    expect(first.body.changes.map((c) => c.id)).toEqual([changes[0]!.id, changes[1]!.id]);
    expect(first.body).toMatchObject({ highWater: before + 2, head: before + 3, hasMore: true });
    const second = await pull(server.url, bob.token, first.body.highWater, 2);
    expect(second.body.changes).toHaveLength(1);
    expect(second.body.changes[0]).toMatchObject({ ...changes[2], seq: before + 3, conflicted: [] });
    expect(second.body).toMatchObject({ highWater: before + 3, hasMore: false });
    const empty = await pull(server.url, bob.token, before + 3);
    expect(empty.body).toMatchObject({ changes: [], highWater: before + 3, head: before + 3, hasMore: false });
  });

  it('accepts duplicated, reordered and replayed pushes idempotently: each change is stored once, with its first sequence', async () => {
    const batch = Array.from({ length: 5 }, () => change(alice.id));
    const first = await push(server.url, alice.token, batch);
    const seqs = new Map(first.body.accepted.map((a) => [a.id, a.seq]));
    const count = await storedCount();

    const again = await push(server.url, alice.token, batch);
    expect(again.body.accepted).toEqual(batch.map((c) => ({ id: c.id, seq: seqs.get(c.id), duplicate: true })));
    const reversed = await push(server.url, alice.token, [...batch].reverse());
    expect(reversed.body.accepted.map((a) => [a.id, a.seq])).toEqual([...batch].reverse().map((c) => [c.id, seqs.get(c.id)]));
    expect(await storedCount()).toBe(count);

    // A lost answer: the client pushes the old batch again with new changes, one of them twice.
    const fresh = change(alice.id);
    const replay = await push(server.url, alice.token, [batch[2]!, fresh, batch[0]!, fresh]);
    expect(replay.body.accepted).toEqual([
      { id: batch[2]!.id, seq: seqs.get(batch[2]!.id), duplicate: true },
      { id: fresh.id, seq: replay.body.head, duplicate: false },
      { id: batch[0]!.id, seq: seqs.get(batch[0]!.id), duplicate: true },
      { id: fresh.id, seq: replay.body.head, duplicate: true },
    ]);
    expect(await storedCount()).toBe(count + 1);

    // An id reused within one push for another object: the first stands, the second neither is stored nor claims its object.
    const twin = change(alice.id);
    const impostor = { ...change(alice.id, { layer: 'gold' }), id: twin.id };
    const twins = await push(server.url, alice.token, [twin, impostor]);
    expect(twins.body.rejected).toEqual([{ id: twin.id, reason: 'id-reused', message: expect.any(String) }]);
    expect((await db.query('SELECT count(*)::int AS n FROM entity_layers WHERE entity_id = $1', [impostor.entityId])).rows[0].n).toBe(0);
    const honest = await push(server.url, alice.token, [change(alice.id, { entityId: impostor.entityId })]);
    expect(honest.body.rejected).toEqual([]);

    // The same id for a different change is refused, and the stored one stays.
    const forged = { ...batch[1]!, fields: { start: 1, end: 2, label: 'source' } };
    const reused = await push(server.url, alice.token, [forged]);
    expect(reused.body.accepted).toEqual([]);
    expect(reused.body.rejected).toEqual([{ id: forged.id, reason: 'id-reused', message: expect.any(String) }]);
    const stored = await db.query('SELECT fields FROM changes WHERE id = $1', [forged.id]);
    expect(stored.rows[0].fields).toEqual(batch[1]!.fields);
  });

  it('answers 401 to a missing, wrong or revoked token', async () => {
    const body = JSON.stringify({ changes: [change(alice.id)] });
    const none = await request(`${server.url}/v1/push`, { body });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const wrong = await request(`${server.url}/v1/pull?after=0`, { token: alice.token.slice(0, -2) + 'xx' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });

    const carol = await addAnalyst(db, 'Carol');
    expect((await push(server.url, carol.token, [change(carol.id)])).status).toBe(200);
    await db.query('UPDATE analysts SET revoked_at = now() WHERE id = $1', [carol.id]);
    const revoked = await push(server.url, carol.token, [change(carol.id)]);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: 'TOKEN_REVOKED' } });
    expect((await pull(server.url, carol.token)).status).toBe(401);
  });

  it("answers 403 to a change in another analyst's layer, or made in another analyst's name, and stores none of the batch", async () => {
    const count = await storedCount();
    const mine = change(alice.id);
    const intoBobs = change(alice.id, { layer: bob.id });
    const asBob = change(bob.id, { layer: bob.id });
    const refused = await push(server.url, alice.token, [mine, intoBobs, asBob]);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN_LAYER', changes: [{ at: 1, id: intoBobs.id }, { at: 2, id: asBob.id }] } });
    expect(await storedCount()).toBe(count);
    // The shared objects and the gold layer are everyone's to write.
    const shared = await push(server.url, alice.token, [change(alice.id, { entity: 'document', layer: 'shared', fields: { title: 'T' } }), change(alice.id, { layer: 'gold' })]);
    expect(shared.status).toBe(200);
    expect(shared.body.accepted).toHaveLength(2);
  });

  it("rejects a change that would move an object into another layer (an object keeps its first change's layer)", async () => {
    const annotation = change(alice.id);
    await push(server.url, alice.token, [annotation]);
    const moved = change(alice.id, { entityId: annotation.entityId, layer: 'gold' });
    const answer = await push(server.url, alice.token, [moved]);
    expect(answer.body.rejected).toEqual([{ id: moved.id, reason: 'layer-mismatch', message: expect.stringContaining(alice.id) }]);
  });

  it('answers 413 to an oversized change, batch or body, and 400 to malformed ones, storing nothing', async () => {
    const count = await storedCount();
    const big = change(alice.id, { fields: { text: 'x'.repeat(syncLimits.maxChangeBytes) } });
    const oversized = await push(server.url, alice.token, [change(alice.id), big]);
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({ error: { code: 'TOO_LARGE', changes: [{ at: 1, id: big.id }] } });

    const tooMany = await push(server.url, alice.token, Array.from({ length: syncLimits.maxBatchChanges + 1 }, () => change(alice.id)));
    expect(tooMany.status).toBe(413);
    const hugeBody = await request(`${server.url}/v1/push`, { token: alice.token, body: JSON.stringify({ changes: [], pad: 'x'.repeat(syncLimits.maxPushBytes) }) });
    expect(hugeBody.status).toBe(413);
    expect(hugeBody.body).toMatchObject({ error: { code: 'TOO_LARGE', message: expect.stringContaining('bytes') } });

    const notJson = await request(`${server.url}/v1/push`, { token: alice.token, body: '{"changes": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: 'MALFORMED_JSON', requestId: expect.any(String) } });
    const notAPush = await request(`${server.url}/v1/push`, { token: alice.token, body: '[1, 2]' });
    expect(notAPush.status).toBe(400);
    expect(notAPush.body).toMatchObject({ error: { code: 'INVALID_REQUEST' } });

    const malformed = [
      { ...change(alice.id), op: 'upsert' },
      { ...change(alice.id), id: 'not-a-uuid' },
      { ...change(alice.id), extra: true },
      { ...change(alice.id), op: 'delete' },
      { ...change(alice.id), entity: 'document' },
      { ...change(alice.id), madeAt: 'yesterday' },
      { ...change(alice.id), fields: { 'bad field!': 1 } },
    ];
    for (const [at, bad] of malformed.entries()) {
      const answer = await push(server.url, alice.token, [change(alice.id), bad]);
      expect(answer.status, `malformed change ${at}`).toBe(400);
      expect(answer.body, `malformed change ${at}`).toMatchObject({ error: { code: 'INVALID_CHANGE', changes: [{ at: 1, message: expect.any(String) }] } });
    }
    const badPull = await request(`${server.url}/v1/pull?after=-1`, { token: alice.token });
    expect(badPull.status).toBe(400);
    expect((await request(`${server.url}/v1/pull?after=0&limit=${syncLimits.maxPullChanges + 1}`, { token: alice.token })).status).toBe(400);
    expect(await storedCount()).toBe(count);
  }, 60_000);

  it('gives concurrent pushes from 5 analysts one gap-free total order', async () => {
    const team = await Promise.all(Array.from({ length: 5 }, (_, i) => addAnalyst(db, `Concurrent ${i}`)));
    const before = (await pull(server.url, alice.token)).body.head;
    const answers = await Promise.all(
      team.flatMap((analyst) =>
        Array.from({ length: 8 }, () => push(server.url, analyst.token, Array.from({ length: 25 }, () => change(analyst.id)))),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const assigned = answers.flatMap((a) => a.body.accepted.map((x) => x.seq)).sort((a, b) => a - b);
    expect(assigned).toEqual(Array.from({ length: 5 * 8 * 25 }, (_, i) => before + 1 + i));
    const pulled = (await pullAll(server.url, bob.token)).filter((c) => c.seq > before);
    expect(pulled.map((c) => c.seq)).toEqual(assigned);
    // Each analyst's own batches keep their order within the total order.
    for (const analyst of team) {
      const theirs = pulled.filter((c) => c.analyst === analyst.id).map((c) => c.seq);
      expect(theirs).toEqual([...theirs].sort((a, b) => a - b));
    }
  }, 60_000);

  it('records a concurrent edit of a shared field as a conflict for review instead of overwriting, and merges other fields', async () => {
    const documentId = randomUUID();
    const created = await push(server.url, alice.token, [change(alice.id, { entity: 'document', entityId: documentId, layer: 'shared', fields: { title: 'Draft', outlet: 'Wire' } })]);
    const seen = created.body.head;
    // Bob edits the title having seen Alice's document.
    const bobs = await push(server.url, bob.token, [change(bob.id, { entity: 'document', entityId: documentId, layer: 'shared', fields: { title: 'Bob title' }, base: seen })]);
    expect(bobs.body.conflicts).toEqual([]);
    // Alice, offline since, edits the title and the outlet from the same base: the outlet merges, the title waits for review.
    const alicesEdit = change(alice.id, { entity: 'document', entityId: documentId, layer: 'shared', fields: { title: 'Alice title', outlet: 'Agency' }, base: seen, madeAt: new Date(Date.now() - 86_400_000).toISOString() });
    const alices = await push(server.url, alice.token, [alicesEdit]);
    expect(alices.status).toBe(200);
    expect(alices.body.conflicts).toEqual([{ id: expect.any(Number), changeId: alicesEdit.id, entity: 'document', entityId: documentId, field: 'title' }]);
    const heads = await db.query<{ field: string; analyst: string }>('SELECT field, analyst FROM entity_heads WHERE entity_id = $1 ORDER BY field', [documentId]);
    expect(heads.rows).toEqual([{ field: 'outlet', analyst: alice.id }, { field: 'title', analyst: bob.id }]);
    const stored = (await pullAll(server.url, bob.token)).find((c) => c.id === alicesEdit.id)!;
    expect(stored.conflicted).toEqual(['title']);
    const open = await db.query('SELECT field, value, head_seq, resolved_seq FROM conflicts WHERE entity_id = $1', [documentId]);
    expect(open.rows).toEqual([{ field: 'title', value: 'Alice title', head_seq: bobs.body.head, resolved_seq: null }]);

    // Alice's own later edit from the same stale base does not conflict with herself on the outlet.
    const again = await push(server.url, alice.token, [change(alice.id, { entity: 'document', entityId: documentId, layer: 'shared', fields: { outlet: 'Agency 2' }, base: seen })]);
    expect(again.body.conflicts).toEqual([]);
    // Resolving: a put with a base at or after Bob's write applies and closes the conflict.
    const resolved = await push(server.url, alice.token, [change(alice.id, { entity: 'document', entityId: documentId, layer: 'shared', fields: { title: 'Agreed title' }, base: again.body.head })]);
    expect(resolved.body.conflicts).toEqual([]);
    const closed = await db.query('SELECT resolved_seq FROM conflicts WHERE entity_id = $1', [documentId]);
    expect(closed.rows).toEqual([{ resolved_seq: resolved.body.head }]);
    // A delete from a stale base by another analyst is held too.
    const staleDelete = change(bob.id, { entity: 'document', entityId: documentId, layer: 'shared', op: 'delete', fields: {}, base: seen });
    const deleted = await push(server.url, bob.token, [staleDelete]);
    expect(deleted.body.conflicts).toMatchObject([{ changeId: staleDelete.id, field: '*' }]);
  });

  it('holds a conflict and closes it again within one push, in the batch order', async () => {
    const labelId = randomUUID();
    const created = await push(server.url, alice.token, [change(alice.id, { entity: 'label', entityId: labelId, layer: 'shared', fields: { name: 'Claim', color: 'red' } })]);
    await push(server.url, bob.token, [change(bob.id, { entity: 'label', entityId: labelId, layer: 'shared', fields: { color: 'blue' }, base: created.body.head })]);
    const stale = change(alice.id, { entity: 'label', entityId: labelId, layer: 'shared', fields: { color: 'green' }, base: created.body.head });
    const review = change(alice.id, { entity: 'label', entityId: labelId, layer: 'shared', fields: { color: 'teal' }, base: created.body.head + 1 });
    const answer = await push(server.url, alice.token, [stale, review]);
    expect(answer.body.conflicts).toMatchObject([{ changeId: stale.id, field: 'color' }]);
    const rows = await db.query('SELECT change_seq, resolved_seq FROM conflicts WHERE entity_id = $1', [labelId]);
    expect(rows.rows).toEqual([{ change_seq: answer.body.head - 1, resolved_seq: answer.body.head }]);
    const heads = await db.query('SELECT field, seq FROM entity_heads WHERE entity_id = $1 ORDER BY field', [labelId]);
    expect(heads.rows).toEqual([{ field: 'color', seq: answer.body.head }, { field: 'name', seq: created.body.head }]);
  });

  it("never lets an analyst's own layer conflict, whatever the base and the clock", async () => {
    const annotation = change(alice.id, { madeAt: new Date(Date.now() + 86_400_000).toISOString() });
    await push(server.url, alice.token, [annotation]);
    const edits = [0, 1, 2].map((n) => change(alice.id, { entityId: annotation.entityId, fields: { end: 10 + n }, base: 0, madeAt: new Date(Date.now() - n * 86_400_000).toISOString() }));
    const answer = await push(server.url, alice.token, edits);
    expect(answer.body.conflicts).toEqual([]);
    expect(answer.body.accepted.map((a) => a.duplicate)).toEqual([false, false, false]);
  });

  it('logs one JSON line per request with its id, analyst and counts, and never the token', async () => {
    const batch = [change(alice.id), change(alice.id)];
    const answer = await push(server.url, alice.token, batch);
    const requestId = answer.headers['x-request-id'];
    await expect.poll(() => server.logs.find((l) => l.requestId === requestId)).toMatchObject({
      msg: 'request', method: 'POST', path: '/v1/push', status: 200, analyst: alice.id, changes: 2, stored: 2, duplicates: 0,
    });
    for (const { token } of [alice, bob]) expect(server.output()).not.toContain(token);
  });

  it('answers 429 with Retry-After past the per-token rate limit, counting each token apart', async () => {
    const limited = await startServer(cluster.url, ['--rate-limit', '3']);
    try {
      for (let i = 0; i < 3; i++) expect((await pull(limited.url, alice.token)).status).toBe(200);
      const refused = await pull(limited.url, alice.token);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await pull(limited.url, bob.token)).status).toBe(200);
      // Failed authentications are counted per address: guessing stops at the limit, before the database.
      for (let i = 0; i < 3; i++) expect((await pull(limited.url, 'x'.repeat(43))).status).toBe(401);
      const guessing = await pull(limited.url, 'y'.repeat(43));
      expect(guessing.status).toBe(429);
      expect(guessing.body).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('failed authentications') } });
    } finally {
      await limited.kill();
    }
  }, 60_000);

  it('answers unknown paths 404 and wrong methods 405, as JSON', async () => {
    expect(await request(`${server.url}/v2/push`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await request(`${server.url}/v1/push`, { token: alice.token })).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } });
  });
});
