// Five clients, clocks up to a day apart, editing offline in seeded random rounds (their own
// layers, the shared report's details, labels of one name made on two sides) and syncing in
// random order, end with identical stores; plus the failures a client must survive and name:
// another analyst's layer (403), the server stopped mid-push, a token of another analyst.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../../electron/services/annotate/annotations';
import { setValues } from '../../../electron/services/annotate/attribute-values';
import { updateDocument } from '../../../electron/services/library/documents';
import { createLabel } from '../../../electron/services/schema/labels';
import { joinTeam, listConflicts, syncNow, teamStatus } from '../../../electron/services/sync';
import { queueChange } from '../../../electron/store/writers/sync-outbox';
import type { NewAnalyst } from '../../../server/analysts';
import { prng } from '../../bench/corpus';
import { startServer } from '../server/server-process';
import { addReport, canonicalDump, openClient, startTeam, type Team } from './sync-fixture';

let team: Team;

beforeAll(async () => {
  team = await startTeam('sync_faults');
}, 180_000);

afterAll(() => team?.stop(), 60_000);

const day = 24 * 3600 * 1000;

describe('many clients and faults', () => {
  it('five clients, clocks ±24 h apart, converge after random offline rounds', async () => {
    const analysts = await Promise.all(['Ana', 'Ben', 'Cem', 'Dia', 'Eli'].map((n) => team.analyst(`${n} five`)));
    const clients = analysts.map((_, i) => {
      const ctx = openClient();
      const skew = (i - 2) * day * 0.5;
      ctx.now = () => new Date(Date.now() + skew).toISOString();
      return ctx;
    });
    const server = (i: number) => ({ url: team.server.url, token: analysts[i]!.token });
    const text = 'Troops entered the town of Kiran at dawn, residents told reporters on the phone.';
    const docId = addReport(clients[0]!, text, 'Kiran');
    for (let i = 0; i < 5; i++) await joinTeam(clients[i]!, server(i));
    await syncNow(clients[0]!, server(0));
    const random = prng(20261201);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) {
        const ctx = clients[i]!;
        for (let op = 0; op < 4; op++) {
          const own = ctx.store.db.prepare('SELECT id FROM annotations WHERE layer = ?').pluck().all(ctx.analyst.id) as string[];
          const roll = random();
          if (roll < 0.4 || own.length === 0) {
            let start = Math.floor(random() * 60);
            if (text[start] === ' ') start += 1;
            createAnnotation(ctx, { documentId: docId, labelId: pick(['claim', 'source', 'location']), start, end: start + 1 + Math.floor(random() * 15) });
          } else if (roll < 0.55) updateAnnotation(ctx, { id: pick(own), note: `note ${round}.${i}.${op}` });
          else if (roll < 0.65) deleteAnnotation(ctx, pick(own));
          else if (roll < 0.8) updateDocument(ctx, { id: docId, title: `Kiran ${round}.${i}` });
          else if (roll < 0.9) createLabel(ctx, { name: `Unit ${round}`, color: '#336699' });
          else {
            const claim = ctx.store.db.prepare("SELECT id FROM annotations WHERE layer = ? AND label_id = 'claim'").pluck().get(ctx.analyst.id) as string | undefined;
            if (claim) setValues(ctx, claim, { status: pick(['unverified', 'disputed', 'corroborated']) });
          }
        }
      }
      for (const i of [0, 1, 2, 3, 4].sort(() => random() - 0.5)) if (random() < 0.7) await syncNow(clients[i]!, server(i));
    }
    for (let pass = 0; pass < 2; pass++) for (let i = 0; i < 5; i++) await syncNow(clients[i]!, server(i));
    const dumps = clients.map(canonicalDump);
    for (const dump of dumps.slice(1)) expect(dump).toBe(dumps[0]);
    for (const ctx of clients) expect(teamStatus(ctx)).toMatchObject({ pending: 0, deferred: 0 });
    // Labels of one name made on two sides: the later claim gave way the same way everywhere.
    const names = clients[0]!.store.db.prepare("SELECT name FROM labels WHERE name LIKE 'Unit%'").pluck().all() as string[];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // Concurrent title edits were held for review, never silently dropped.
    expect(clients.some((ctx) => listConflicts(ctx).length > 0)).toBe(true);
  }, 120_000);

  it("names a change in another analyst's layer (403) and sends nothing of that batch", { timeout: 60_000 }, async () => {
    const [gus, hal] = await Promise.all([team.analyst('Gus'), team.analyst('Hal')]);
    const ctx = openClient();
    await joinTeam(ctx, { url: team.server.url, token: gus.token });
    const before = await team.changeCount();
    ctx.store.transaction(() =>
      queueChange(ctx.store.db, { id: crypto.randomUUID(), analyst: gus.id, entity: 'annotation', entityId: crypto.randomUUID(), op: 'put', fields: { note: 'x' }, layer: hal.id, base: 0, madeAt: ctx.now() }),
    );
    await expect(syncNow(ctx, { url: team.server.url, token: gus.token })).rejects.toMatchObject({ code: 'SYNC_FORBIDDEN', message: expect.stringMatching(/layer/) });
    expect(await team.changeCount()).toBe(before);
    expect(teamStatus(ctx).pending).toBe(1);
  });

  it('refuses a token of another analyst than the store syncs as, changing nothing', { timeout: 60_000 }, async () => {
    const [ivy, jon] = await Promise.all([team.analyst('Ivy'), team.analyst('Jon')]);
    const ctx = openClient();
    await joinTeam(ctx, { url: team.server.url, token: ivy.token });
    addReport(ctx, 'Ivy was here.');
    createAnnotation(ctx, { documentId: ctx.store.db.prepare('SELECT id FROM documents').pluck().get() as string, labelId: 'claim', start: 0, end: 3 });
    await expect(syncNow(ctx, { url: team.server.url, token: jon.token })).rejects.toMatchObject({ code: 'WRONG_ANALYST' });
    const other = openClient();
    addReport(other, 'Someone else.');
    createAnnotation(other, { documentId: other.store.db.prepare('SELECT id FROM documents').pluck().get() as string, labelId: 'claim', start: 0, end: 7 });
    const dump = canonicalDump(other);
    await expect(joinTeam(other, { url: team.server.url, token: jon.token })).rejects.toMatchObject({ code: 'WRONG_ANALYST' });
    expect(canonicalDump(other)).toBe(dump);
    expect(teamStatus(other).joined).toBe(false);
  });

  it('survives the server stopping mid-push: the error says so, and the next sync sends the rest exactly once', async () => {
    const kim: NewAnalyst = await team.analyst('Kim');
    const own = await startServer(team.cluster.url, ['--rate-limit', '100000']);
    const ctx = openClient();
    await joinTeam(ctx, { url: own.url, token: kim.token });
    const docId = addReport(ctx, 'word '.repeat(3000));
    ctx.store.transaction(() => {
      for (let i = 0; i < 2500; i++) createAnnotation(ctx, { documentId: docId, labelId: 'claim', start: i * 5, end: i * 5 + 4 });
    });
    const before = await team.changeCount();
    const expected = before + teamStatus(ctx).pending + 1;
    let batches = 0;
    const run = syncNow(ctx, { url: own.url, token: kim.token }, {
      onProgress: (p) => {
        if (p.phase === 'push' && ++batches === 1) void own.kill('SIGKILL');
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'SYNC_UNAVAILABLE', message: expect.stringMatching(/nothing was lost/) });
    const partial = await team.changeCount();
    expect(partial).toBeGreaterThan(before);
    expect(partial).toBeLessThan(expected);
    await syncNow(ctx, { url: team.server.url, token: kim.token });
    expect(await team.changeCount()).toBe(expected);
    expect(teamStatus(ctx).pending).toBe(0);
  }, 60_000);

  it('names a rate limit with how long to wait, and a store that is not in a team', { timeout: 60_000 }, async () => {
    const lee = await team.analyst('Lee');
    const strict = await startServer(team.cluster.url, ['--rate-limit', '2']);
    try {
      const ctx = openClient();
      await expect(syncNow(ctx, { url: strict.url, token: lee.token })).rejects.toMatchObject({ code: 'SYNC_NOT_JOINED' });
      const refused = (await joinTeam(ctx, { url: strict.url, token: lee.token }).catch((error: unknown) => error)) as Error & { code: string };
      expect(refused).toMatchObject({ code: 'SYNC_RATE_LIMITED', message: expect.stringMatching(/wait \d+ s/) });
      expect(refused.message).not.toContain(lee.token);
      // Whichever request met the limit, nothing was lost: a join cut short starts over on the next run.
      const status = teamStatus(ctx);
      if (status.joined) expect(status.pending).toBeGreaterThan(0);
    } finally {
      await strict.kill();
    }
  });
});
