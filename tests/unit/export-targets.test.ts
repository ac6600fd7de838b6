// The export target module in process: the dialog's replace confirmation by token, a previous
// export's forged or clashing names, and the journal of temps removed at start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core';
import { exportDataset } from '../../electron/services/datasets/export';
import { markerName } from '../../electron/services/export-target/marker';
import { journalFolderOf, removeStaleTemps } from '../../electron/services/export-target/temp-journal';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import { addText, errorCodeOf, openTestContext, ScriptedDialogs } from './helpers';

function library() {
  const t = openTestContext();
  addText(t.ctx, 'Rebels said they took the bridge.', 'First');
  addText(t.ctx, 'The army said it held the bridge.', 'Second');
  return t;
}

describe('export targets', () => {
  it('asks before replacing a previous export from the dialog, and the token works once', async () => {
    const t = library();
    const dialogs = t.ctx.dialogs as ScriptedDialogs;
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const folder = path.join(t.dir, 'brat');
    exportDataset(t.ctx, { format: 'brat' }, folder);
    fs.writeFileSync(path.join(folder, 'mine.txt'), 'mine');
    dialogs.exportPath = folder;
    const asked = await dispatch('datasets.exportDialog', { format: 'brat' });
    expect(asked).toMatchObject({ ok: true, value: { status: 'confirm-replace', path: fs.realpathSync(folder), format: 'brat', files: 6 } });
    const token = (asked as { value: { token: string } }).value.token;
    expect(await dispatch('datasets.exportReplace', { token })).toMatchObject({ ok: true, value: { status: 'written', documents: 2 } });
    expect(await dispatch('datasets.exportReplace', { token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.readFileSync(path.join(folder, 'mine.txt'), 'utf8')).toBe('mine');
  });

  it('never removes or overwrites what a marker does not list, nor what a forged marker names outside the folder', () => {
    const t = library();
    const folder = path.join(t.dir, 'brat');
    exportDataset(t.ctx, { format: 'brat' }, folder);
    const marker = JSON.parse(fs.readFileSync(path.join(folder, markerName), 'utf8')) as { files: string[] };
    // The user's own annotation.conf, no longer listed: the export refuses instead of overwriting it.
    fs.writeFileSync(path.join(folder, markerName), JSON.stringify({ ...marker, files: marker.files.filter((f) => f !== 'annotation.conf') }));
    fs.writeFileSync(path.join(folder, 'annotation.conf'), 'my own conf');
    expect(errorCodeOf(() => exportDataset(t.ctx, { format: 'brat' }, folder, true))).toBe('EXPORT_FAILED');
    expect(fs.readFileSync(path.join(folder, 'annotation.conf'), 'utf8')).toBe('my own conf');
    // A forged marker naming the store and a path outside: neither is touched.
    fs.writeFileSync(path.join(t.dir, 'outside.txt'), 'outside');
    fs.writeFileSync(path.join(folder, markerName), JSON.stringify({ ...marker, files: [...marker.files, '../outside.txt', '../glossa.sqlite'] }));
    fs.rmSync(path.join(folder, 'annotation.conf'));
    exportDataset(t.ctx, { format: 'brat' }, folder, true);
    expect(fs.readFileSync(path.join(t.dir, 'outside.txt'), 'utf8')).toBe('outside');
    expect(fs.existsSync(path.join(t.dir, 'glossa.sqlite'))).toBe(true);
  });

  it('an empty folder is written into; a schema export to the store is refused', async () => {
    const t = library();
    const empty = path.join(t.dir, 'empty');
    fs.mkdirSync(empty);
    exportDataset(t.ctx, { format: 'brat' }, empty);
    expect(fs.readdirSync(empty)).toContain(markerName);
    const dialogs = t.ctx.dialogs as ScriptedDialogs;
    dialogs.exportPath = t.store.path;
    const dispatch = createDispatcher(createHandlers(t.ctx));
    expect(await dispatch('schema.exportDialog', {})).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
  });

  it('removes at start the temps of exports whose process is gone, and keeps those of live ones', () => {
    const t = library();
    t.store.close();
    const journal = journalFolderOf(t.store.path);
    fs.mkdirSync(journal);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const deadTemp = path.join(t.dir, `.big.jsonl.glossa-tmp-${gone}-aaaa.tmp`);
    const deadFolder = path.join(t.dir, `.brat.glossa-tmp-${gone}-bbbb.tmp`);
    const liveTemp = path.join(t.dir, `.live.jsonl.glossa-tmp-${process.ppid}-cccc.tmp`);
    fs.writeFileSync(deadTemp, 'half');
    fs.mkdirSync(deadFolder);
    fs.writeFileSync(path.join(deadFolder, 'a.ann'), 'T1');
    fs.writeFileSync(liveTemp, 'in flight');
    const entry = (name: string, pid: number, temp: string) => fs.writeFileSync(path.join(journal, name), JSON.stringify({ pid, temp, startedAt: '' }));
    entry('1.json', Number(gone), deadTemp);
    entry('2.json', Number(gone), deadFolder);
    entry('3.json', process.ppid, liveTemp);
    const core = startCore({ storePath: t.store.path, dialogs: new ScriptedDialogs(), appVersion: 'test' });
    core.close();
    expect(fs.existsSync(deadTemp)).toBe(false);
    expect(fs.existsSync(deadFolder)).toBe(false);
    expect(fs.existsSync(liveTemp)).toBe(true);
    expect(fs.readdirSync(journal)).toEqual(['3.json']);
    expect(removeStaleTemps(t.store.path)).toBe(0);
  });
});
