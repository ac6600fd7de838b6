// The team service over the real sync engine and the real server on a throwaway PostgreSQL:
// joining keeps the token (0600) and tells the window; an edit is synced in the background a
// moment later; a refused token keeps nothing; a read-only store pauses sync and refuses it;
// leaving forgets the connection and keeps the rows.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import { createContext } from '../../../electron/core';
import { updateDocument } from '../../../electron/services/library/documents';
import type { SchedulerTimings } from '../../../electron/services/team/scheduler';
import { secretsPathFor } from '../../../electron/services/team/secrets-file';
import { syncEngine } from '../../../electron/services/team/sync-engine';
import { startTeamSync } from '../../../electron/services/team/team-services';
import { openStore } from '../../../electron/store/store';
import { profileConfirmedKey } from '../../../electron/store/writers/analysts';
import { addText, openTestContext, rowCounts, ScriptedDialogs } from '../helpers';
import { startTeamServer, type TeamServerUnderTest } from '../server/team-server';

let server: TeamServerUnderTest;

beforeAll(async () => {
  server = await startTeamServer('team_service');
}, 180_000);

afterAll(() => server?.stop(), 60_000);

const timings: SchedulerTimings = { periodMs: 60_000, afterEditMs: 50, backoffStartMs: 100, backoffMaxMs: 400 };

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A library with one report, its team service started with short timings, and the events it sends. */
function library() {
  const test = openTestContext();
  const events: AppEvent[] = [];
  test.ctx.emit = (event) => events.push(event);
  const reportId = addText(test.ctx, 'Rebel commanders said they had seized Dorsk.', 'Dorsk');
  const team = startTeamSync(test.ctx, { timings });
  onTestFinished(() => team.stop());
  const syncEvents = () => events.flatMap((e) => (e.name === 'team-sync' ? [e.payload] : []));
  return { ...test, team, reportId, syncEvents };
}

describe('team service', () => {
  it('joins, keeps the token readable by its user only, and syncs an edit in the background a moment later', async () => {
    const { ctx, store, team, reportId, syncEvents } = library();
    const alice = await server.addAnalyst('Alice');
    const joined = await team.connect({ url: server.url, token: alice.token });
    expect(joined.analyst.name).toBe('Alice');
    // Joining names the analyst: the first run's question is not asked any more.
    expect(store.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(profileConfirmedKey)).toBeDefined();
    expect(joined.pushed).toBeGreaterThan(0);
    expect(team.state()).toMatchObject({ joined: true, automatic: true, pending: 0, running: false, lastError: null, tokenProtection: 'plain-file', serverUrl: server.url });
    const secrets = secretsPathFor(store.path);
    expect(fs.statSync(secrets).mode & 0o777).toBe(0o600);
    // No keychain here: the token is kept as it is (base64 only), and the file says so.
    const kept = JSON.parse(fs.readFileSync(secrets, 'utf8')) as { token: { protection: string; data: string } };
    expect(kept.token.protection).toBe('plain-file');
    expect(Buffer.from(kept.token.data, 'base64').toString('utf8')).toBe(alice.token);
    expect(syncEvents().at(-1)).toMatchObject({ running: false, error: null, result: { pushed: joined.pushed } });

    const before = syncEvents().length;
    updateDocument(ctx, { id: reportId, title: 'Dorsk taken, rebels say' });
    expect(team.state().pending).toBeGreaterThan(0);
    team.noteActivity();
    await until(() => team.state().pending === 0 && !team.state().running);
    const run = syncEvents().slice(before);
    expect(run[0]).toMatchObject({ running: true });
    expect(run.at(-1)).toMatchObject({ running: false, error: null, result: { pushed: 1 } });

    // The team has it: a colleague's new library receives the title.
    const bob = await server.addAnalyst('Bob');
    const colleague = openTestContext();
    await syncEngine.joinTeam(colleague.ctx, { url: server.url, token: bob.token });
    expect(colleague.store.db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(reportId)).toBe('Dorsk taken, rebels say');

    // Automatic off: an edit waits for Sync Now.
    team.setAutomatic(false);
    updateDocument(ctx, { id: reportId, title: 'Dorsk: rebels claim, governor denies' });
    team.noteActivity();
    await new Promise((resolve) => setTimeout(resolve, timings.afterEditMs * 4));
    expect(team.state()).toMatchObject({ automatic: false, pending: 1 });
    expect(await team.syncNow()).toMatchObject({ pushed: 1 });

    const rows = rowCounts(store);
    expect((await team.leave()).joined).toBe(false);
    expect(fs.existsSync(secrets)).toBe(false);
    expect(rowCounts(store)).toEqual(rows);
    await expect(team.syncNow()).rejects.toThrow(/not in a team/);
  });

  it('a refused token or an unreachable server keeps nothing and says why', async () => {
    const { store, team } = library();
    await expect(team.connect({ url: server.url, token: 'glt_not-a-token' })).rejects.toThrow(/token/i);
    await expect(team.connect({ url: 'http://127.0.0.1:9', token: 'glt_not-a-token' })).rejects.toThrow(/reach/i);
    expect(fs.existsSync(secretsPathFor(store.path))).toBe(false);
    expect(team.state()).toMatchObject({ joined: false, tokenProtection: null });
  });

  it('cancel stops a long sync between batches, not as a failure, and the next sync sends the rest', async () => {
    const { ctx, team, reportId, syncEvents } = library();
    const dana = await server.addAnalyst('Dana');
    await team.connect({ url: server.url, token: dana.token });
    team.setAutomatic(false);
    // More than one push batch (1,000 changes).
    const edits = 1_500;
    // One transaction: edits made one by one cost a commit each.
    ctx.store.transaction(() => {
      for (let n = 1; n <= edits; n++) updateDocument(ctx, { id: reportId, outlet: `Wire ${n}` });
    });
    expect(team.state().pending).toBe(edits);
    const emit = ctx.emit;
    ctx.emit = (event) => {
      emit(event);
      if (event.name === 'team-sync' && event.payload.phase === 'push' && event.payload.done > 0) team.cancel();
    };
    await expect(team.syncNow()).rejects.toMatchObject({ code: 'SYNC_CANCELLED' });
    const left = team.state();
    expect(left).toMatchObject({ running: false, lastError: null });
    expect(left.pending).toBeGreaterThan(0);
    expect(left.pending).toBeLessThan(edits);
    expect(syncEvents().at(-1)).toMatchObject({ running: false, cancelled: true });
    ctx.emit = emit;
    expect((await team.syncNow()).pushed).toBe(left.pending);
    expect(team.state().pending).toBe(0);
  });

  it('a read-only store pauses background sync and refuses Sync Now', async () => {
    const { store, dbPath, team } = library();
    const carol = await server.addAnalyst('Carol');
    await team.connect({ url: server.url, token: carol.token });
    team.stop();
    store.close();
    const viewing = openStore(dbPath, { readOnly: true });
    onTestFinished(() => viewing.close());
    const ctx = createContext(viewing, new ScriptedDialogs(), 'test');
    const paused = startTeamSync(ctx, { timings });
    onTestFinished(() => paused.stop());
    expect(paused.state()).toMatchObject({ joined: true, paused: true, automatic: true });
    await expect(paused.syncNow()).rejects.toThrow(/viewing only/);
  });
});
