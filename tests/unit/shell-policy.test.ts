// The Electron shell's decisions, checked without Electron: store path, native binary path,
// navigation and request filters, and the IPC door's sender check over a real core.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core';
import { rendererEntryUrl } from '../../electron/protocol/renderer-files';
import {
  argValue,
  electronNativeBindingPath,
  guardedHandler,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSenderUrl,
  resolveStorePath,
  withExtension,
} from '../../electron/shell/policy';
import { ScriptedDialogs, tempDir } from './helpers';

describe('store path', () => {
  const userData = path.join('/home/ana/.config', 'Glossa');

  it('defaults to glossa.sqlite in the user-data folder', () => {
    expect(resolveStorePath(['electron', '.'], {}, userData)).toBe(path.join(userData, 'glossa.sqlite'));
  });

  it('takes --db PATH and --db=PATH, resolved against the working folder', () => {
    expect(resolveStorePath(['glossa', '--db', 'lib.sqlite'], {}, userData, '/work')).toBe(path.resolve('/work/lib.sqlite'));
    expect(resolveStorePath(['glossa', '--db=/tmp/x.sqlite'], {}, userData)).toBe(path.resolve('/tmp/x.sqlite'));
  });

  it('takes GLOSSA_DB when there is no --db, and --db wins over it', () => {
    expect(resolveStorePath(['glossa'], { GLOSSA_DB: '/data/env.sqlite' }, userData)).toBe(path.resolve('/data/env.sqlite'));
    expect(resolveStorePath(['glossa', '--db', '/data/arg.sqlite'], { GLOSSA_DB: '/data/env.sqlite' }, userData)).toBe(
      path.resolve('/data/arg.sqlite'),
    );
  });

  it('ignores an empty value and a --db with nothing after it', () => {
    expect(resolveStorePath(['glossa', '--db'], { GLOSSA_DB: '' }, userData)).toBe(path.join(userData, 'glossa.sqlite'));
    expect(argValue(['a', '--dbx', 'y'], '--db')).toBeUndefined();
  });
});

describe('native binding path', () => {
  it('uses resources/native when packaged and .native/electron in a checkout', () => {
    expect(electronNativeBindingPath(true, '/opt/Glossa/resources', '/ignored')).toBe(
      path.join('/opt/Glossa/resources', 'native', 'better_sqlite3.node'),
    );
    expect(electronNativeBindingPath(false, '/ignored', '/src/glossa')).toBe(
      path.join('/src/glossa', '.native', 'electron', 'better_sqlite3.node'),
    );
  });
});

describe('navigation and requests', () => {
  it('allows navigation only within app://glossa', () => {
    expect(isAllowedNavigation(rendererEntryUrl)).toBe(true);
    expect(isAllowedNavigation('app://glossa/index.html#/doc/1')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://glossa/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://glossa.evil/index.html',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('trusts IPC only from app://glossa frames', () => {
    expect(isTrustedSenderUrl(rendererEntryUrl)).toBe(true);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl('https://glossa/index.html')).toBe(false);
  });

  it('lets through app://glossa, devtools and data: requests only', () => {
    expect(isAllowedRequest('app://glossa/app.js')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://cdn.example.com/x.js', 'http://localhost:3000/', 'ws://localhost/', 'file:///tmp/a.txt', 'app://other/x.js', 'blob:null/1']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('export file names', () => {
  it('adds the extension only when missing, with or without its dot', () => {
    expect(withExtension('corpus', 'csv')).toBe('corpus.csv');
    expect(withExtension('corpus', '.jsonl')).toBe('corpus.jsonl');
    expect(withExtension('corpus.CSV', 'csv')).toBe('corpus.CSV');
    expect(withExtension('corpus.csv.bak', 'csv')).toBe('corpus.csv.bak.csv');
  });
});

describe('IPC door', () => {
  function openCore() {
    const dir = tempDir();
    const core = startCore({
      storePath: path.join(dir, 'glossa.sqlite'),
      dialogs: new ScriptedDialogs(),
      appVersion: '9.9.9-test',
    });
    return core;
  }

  it('dispatches a request from the app origin to the real core', async () => {
    const core = openCore();
    try {
      const answer = await guardedHandler(core.dispatch, 'app.info')(rendererEntryUrl, {});
      expect(answer).toMatchObject({ ok: true, value: { version: '9.9.9-test', offsetUnit: 'utf16' } });
      const labels = await guardedHandler(core.dispatch, 'labels.list')('app://glossa/index.html', {});
      expect(labels.ok && (labels.value as { name: string }[]).map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest']);
    } finally {
      core.close();
    }
  });

  it('refuses a request from any other frame, without reaching the core', async () => {
    const core = openCore();
    try {
      for (const sender of ['https://example.com/', 'file:///tmp/x.html', undefined]) {
        const answer = await guardedHandler(core.dispatch, 'documents.list')(sender, {});
        expect(answer.ok).toBe(false);
        expect(!answer.ok && answer.error.message).toMatch(/not part of Glossa/);
      }
    } finally {
      core.close();
    }
  });

  it('still validates arguments for trusted frames', async () => {
    const core = openCore();
    try {
      const answer = await guardedHandler(core.dispatch, 'documents.get')(rendererEntryUrl, { id: 42 });
      expect(!answer.ok && answer.error.code).toBe('INVALID_ARGS');
    } finally {
      core.close();
    }
  });
});
