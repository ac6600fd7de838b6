// Archives opened from the OS or dropped: the command-line parsing, the grant store, and the
// datasets.*OpenedArchive channels through the dispatcher over real stores.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { exportDataset } from '../../electron/services/datasets/export';
import { openArchiveFromOs } from '../../electron/services/datasets/opened-archive-handlers';
import { archivePathsFromArgv } from '../../electron/services/datasets/opened-archives';
import { createGrants, grantDroppedPaths } from '../../electron/services/grants';
import { createHandlers } from '../../electron/services/index';
import type { AppEvent } from '../../shared/contract';
import { addText, openTestContext } from './helpers';

describe('archivePathsFromArgv', () => {
  it('finds the .glossa files on a command line, absolute against the launch folder', () => {
    const argv = ['/opt/Glossa/glossa', '/home/ana/Project.glossa', 'notes/Other.GLOSSA', 'report.pdf'];
    expect(archivePathsFromArgv(argv, '/home/ana')).toEqual(['/home/ana/Project.glossa', '/home/ana/notes/Other.GLOSSA']);
  });

  it('skips the executable, options and the values of --db and --user-data-dir', () => {
    const argv = ['/tmp/odd.glossa', '--db', 'store.glossa', '--user-data-dir', 'x.glossa', '--flag=a.glossa', '-x.glossa', 'y.glossa'];
    expect(archivePathsFromArgv(argv, '/w')).toEqual(['/w/y.glossa']);
  });

  it('finds nothing on a plain launch (npm start passes the app folder)', () => {
    expect(archivePathsFromArgv(['/usr/bin/electron', '.', '--no-sandbox'], '/w')).toEqual([]);
  });
});

describe('the grant store', () => {
  it('gives each path a token and finds the path by it until revoked', () => {
    let n = 0;
    const archives = createGrants(() => `t${++n}`);
    expect(archives.grant('/a/one.glossa')).toBe('t1');
    expect(archives.grant('/a/one.glossa')).toBe('t2');
    expect(archives.pathOf('t1')).toBe('/a/one.glossa');
    archives.revoke('t1');
    expect(() => archives.pathOf('t1')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(archives.pathOf('t2')).toBe('/a/one.glossa');
  });

  it('refuses a token it never gave and a relative path; archiveOf and announce take .glossa archives only', () => {
    const archives = createGrants();
    expect(() => archives.pathOf('made-up')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => archives.grant('one.glossa')).toThrow(expect.objectContaining({ code: 'INVALID_ARGS' }));
    expect(() => archives.announce('/etc/passwd')).toThrow(expect.objectContaining({ code: 'INVALID_ARGS' }));
    expect(() => archives.archiveOf(archives.grant('/etc/passwd'))).toThrow(expect.objectContaining({ code: 'INVALID_ARGS' }));
  });

  it('queues what the OS opened and hands each token out once, oldest first', () => {
    const archives = createGrants();
    const first = archives.announce('/a/1.glossa');
    const second = archives.announce('/a/2.glossa');
    archives.grant('/a/dropped.glossa');
    expect(archives.takeAnnounced()).toEqual([first, second]);
    expect(archives.takeAnnounced()).toEqual([]);
    expect(archives.pathOf(second)).toBe('/a/2.glossa');
  });
});

/** An archive of a project with one annotated report, written by the export. */
function writeArchive(): string {
  const source = openTestContext();
  addText(source.ctx, 'Rebels claim they seized the bridge at dawn.', 'Bridge report');
  const target = path.join(source.dir, 'project.glossa');
  exportDataset(source.ctx, { format: 'archive' }, target);
  return target;
}

function openTarget() {
  const t = openTestContext();
  const events: AppEvent[] = [];
  const ctx = createContext(t.store, t.dialogs, 'test', (event) => events.push(event));
  return { ctx, events, dispatch: createDispatcher(createHandlers(ctx)) };
}

describe('the opened-archive channels', () => {
  it('an archive the OS opened is announced, planned and imported by token; the token is then spent', async () => {
    const archive = writeArchive();
    const { ctx, events, dispatch } = openTarget();
    openArchiveFromOs(ctx, archive);
    expect(events).toEqual([{ name: 'archive-opened', payload: {} }]);
    const taken = await dispatch('datasets.takeOpenedArchives', {});
    const tokens = (taken.ok ? taken.value : []) as string[];
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(await dispatch('datasets.takeOpenedArchives', {})).toEqual({ ok: true, value: [] });

    expect(await dispatch('datasets.planOpenedArchive', { token })).toEqual({
      ok: true,
      value: { path: archive, token, format: 'archive', documents: 1, annotations: 0, missingLabels: [] },
    });
    const imported = await dispatch('datasets.importOpenedArchive', { token });
    expect(imported).toMatchObject({ ok: true, value: { path: archive, format: 'archive', documentsAdded: 1 } });
    expect(await dispatch('datasets.planOpenedArchive', { token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a dropped archive is granted by the preload (grantDroppedPaths); a dropped file of another kind plans as no archive, a relative path gets no token', async () => {
    const archive = writeArchive();
    const { ctx, dispatch } = openTarget();
    const [granted, other, ...rest] = grantDroppedPaths(ctx.grants, [archive, '/etc/passwd', 'project.glossa']);
    expect(rest).toEqual([]);
    expect(granted).toMatchObject({ name: 'project.glossa' });
    expect(await dispatch('datasets.planOpenedArchive', { token: granted!.token })).toMatchObject({ ok: true, value: { documents: 1 } });
    expect(await dispatch('datasets.planOpenedArchive', { token: other!.token })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });

  it('the page cannot name a path or guess a token', async () => {
    const { dispatch } = openTarget();
    expect(await dispatch('datasets.planOpenedArchive', { token: 'guess' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('datasets.planOpenedArchive', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('datasets.importOpenedArchive', { token: 'guess', path: '/x.glossa' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });
});
