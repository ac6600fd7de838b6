// Search off the main thread: the search worker answers over its own read-only connection (so it
// sees only committed writes, and sees them at once), a newer query supersedes an older one, a
// stalled worker is replaced, and the store's lock file still refuses a second running copy of
// Glossa (a real second process) while readers in other processes can read beside it (WAL).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCore, type Core } from '../../electron/core';
import { searchRunnerFor, startSearchWorker } from '../../electron/services/search/search-runner';
import { openStore } from '../../electron/store/store';
import { SearchQuery } from '../../shared/schemas/search';
import { runProcess } from './child-process';
import { addText, ScriptedDialogs, tempDir } from './helpers';

const repo = path.resolve(__dirname, '../..');

function appCore(): Core {
  const core = startCore({ storePath: path.join(tempDir(), 'glossa.sqlite'), dialogs: new ScriptedDialogs(), appVersion: 'test', searchInWorker: true });
  onTestFinished(() => core.close());
  return core;
}

const query = (text: string) => SearchQuery.parse({ query: text });

describe('search worker', () => {
  it('answers on its own connection: a committed write at once, an uncommitted one not', async () => {
    const core = appCore();
    addText(core.ctx, 'The convoy reached Aleppo at dawn.', 'Convoy');
    expect(await core.dispatch('search.query', { query: 'aleppo' })).toMatchObject({ ok: true, value: { total: 1 } });
    addText(core.ctx, 'Aleppo again, in a second report.', 'Second');
    expect(await core.dispatch('search.query', { query: 'aleppo' })).toMatchObject({ ok: true, value: { total: 2 } });
    // A write transaction still open on the main connection: the main thread would see its own
    // write; the worker's connection must not.
    core.store.db.exec('BEGIN IMMEDIATE');
    try {
      addText(core.ctx, 'Uncommitted zephyrine text.', 'Pending');
      expect(core.store.db.prepare("SELECT count(*) FROM documents WHERE title = 'Pending'").pluck().get()).toBe(1);
      expect(await core.dispatch('search.query', { query: 'zephyrine' })).toMatchObject({ ok: true, value: { total: 0 } });
    } finally {
      core.store.db.exec('ROLLBACK');
    }
    expect(await core.dispatch('search.consistency', {})).toMatchObject({ ok: true });
  });

  it('answers an older query SUPERSEDED once a newer one of its kind is asked, and the newer one in full', async () => {
    const core = appCore();
    addText(core.ctx, 'Grain prices rose in Port Alder.', 'Grain');
    const older = core.dispatch('search.query', { query: 'grain' });
    const consistency = core.dispatch('search.consistency', {});
    const newer = core.dispatch('search.query', { query: 'prices' });
    expect(await older).toMatchObject({ ok: false, error: { code: 'SUPERSEDED' } });
    expect(await newer).toMatchObject({ ok: true, value: { total: 1 } });
    // Another kind is not superseded by a query.
    expect(await consistency).toMatchObject({ ok: true });
  });

  it('replaces a worker still busy with a superseded query and resends what is still wanted', async () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const store = openStore(file);
    onTestFinished(() => store.close());
    const core = startCore({ storePath: path.join(tempDir(), 'other.sqlite'), dialogs: new ScriptedDialogs(), appVersion: 'test' });
    onTestFinished(() => core.close());
    addText({ ...core.ctx, store }, 'Fishing crews said the river was closed.', 'River');
    const runner = startSearchWorker(store, { stallMs: 0 });
    onTestFinished(() => runner.close());
    const first = runner.query(query('river'));
    const second = runner.query(query('fishing'));
    await expect(first).rejects.toMatchObject({ code: 'SUPERSEDED' });
    await expect(second).resolves.toMatchObject({ total: 1 });
    await expect(runner.query(query('crews'))).resolves.toMatchObject({ total: 1 });
    expect(searchRunnerFor(store)).toBe(runner);
  });

  it('keeps a second running copy out with the lock file, while another process can read the store', async () => {
    const core = appCore();
    addText(core.ctx, 'Officials said the bridge at Dorsk was open.', 'Bridge');
    const file = core.store.path;
    // A second Glossa (the real CLI, another process) is refused.
    const second = await runProcess(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/cli.ts'), 'search', 'bridge', '--db', file, '--json'], {
      cwd: repo,
      env: { ...process.env, GLOSSA_DB: '' },
    });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toMatch(/in use by another running copy/);
    // A reader in another process reads beside the open store: the connection is not exclusive.
    const reader = await runProcess(
      process.execPath,
      ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1], { readonly: true, timeout: 2000 }); console.log(db.prepare('SELECT count(*) FROM documents').pluck().get());`, file],
      { cwd: repo },
    );
    expect(reader.stderr).toBe('');
    expect(reader.stdout.trim()).toBe(String(core.store.db.prepare('SELECT count(*) FROM documents').pluck().get()));
    // The app's own search still works, and after it closes the CLI opens the store.
    expect(await core.dispatch('search.query', { query: 'dorsk' })).toMatchObject({ ok: true, value: { total: 1 } });
    core.close();
    const after = await runProcess(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/cli.ts'), 'search', 'dorsk', '--db', file, '--json'], {
      cwd: repo,
      env: { ...process.env, GLOSSA_DB: '' },
    });
    expect(after.stderr).toBe('');
    expect(JSON.parse(after.stdout)).toMatchObject({ total: 1 });
    // Three child processes, two of them the CLI from its TypeScript: minutes on a loaded machine.
  }, 180_000);
});

describe('store lock file', () => {
  it('replaces a lock file that is not an SQLite file, and is released when the store closes', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    openStore(file).close();
    fs.writeFileSync(`${file}-lock`, 'not a database at all, written over by hand');
    const store = openStore(file);
    expect(() => openStore(file)).toThrow(/in use by another running copy/);
    store.close();
    openStore(file).close();
  });
});

describe('search worker in a process with nothing else to do', () => {
  it('keeps the process alive while a query is pending, and lets it exit when idle', async () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    openStore(file).close();
    const script = `
      const { openStore } = require(${JSON.stringify(path.join(repo, 'electron/store/store.ts'))});
      const { startSearchWorker } = require(${JSON.stringify(path.join(repo, 'electron/services/search/search-runner.ts'))});
      const store = openStore(${JSON.stringify(file)});
      const runner = startSearchWorker(store);
      runner.query({ query: 'anything', page: 0, pageSize: 20, hitsPerReport: 5 }).then((r) => console.log('answered', r.total));`;
    const run = await runProcess(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('answered 0');
  }, 90_000);
});
