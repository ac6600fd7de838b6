// The Electron build of better-sqlite3: the published prebuild first, the node-gyp command as the
// fallback, and when either runs again. The Node build in node_modules (the one these tests
// load) must never be the target.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronHeadersUrl,
  isUpToDate,
  nativeElectronPaths,
  nodeGypCommand,
  prebuildCommand,
  repoRoot,
  wantedStamp,
} from '../../build/scripts/native-electron.mjs';
import { tempDir } from './helpers';

describe('prebuild-install command for Electron', () => {
  const prebuild = prebuildCommand({ root: '/src/glossa', electronVersion: '45.5.0', arch: 'arm64', platform: 'darwin', nodeExecutable: '/usr/bin/node' });

  it("runs the installed prebuild-install (better-sqlite3's own installer) with node", () => {
    expect(prebuild.command).toBe('/usr/bin/node');
    expect(prebuild.args[0]).toBe(path.join('/src/glossa', 'node_modules', 'prebuild-install', 'bin.js'));
    expect(fs.existsSync(path.join(repoRoot, 'node_modules', 'prebuild-install', 'bin.js'))).toBe(true);
  });

  it("asks for the Electron runtime's binary for that version, arch and platform", () => {
    expect(prebuild.args.slice(1)).toEqual(['--runtime=electron', '--target=45.5.0', '--arch=arm64', '--platform=darwin', '--verbose']);
  });

  it('unpacks into the private copy, never into node_modules', () => {
    expect(prebuild.cwd).toBe(path.join('/src/glossa', '.native', 'electron', 'build-src'));
  });
});

describe('node-gyp command for Electron (the fallback)', () => {
  const gyp = nodeGypCommand({ root: '/src/glossa', electronVersion: '45.5.0', arch: 'arm64', nodeExecutable: '/usr/bin/node' });

  it('runs the installed node-gyp with node', () => {
    expect(gyp.command).toBe('/usr/bin/node');
    expect(gyp.args[0]).toBe(path.join('/src/glossa', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  });

  it("targets Electron's version, arch and headers, in release mode", () => {
    expect(gyp.args.slice(1)).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=arm64',
      `--dist-url=${electronHeadersUrl}`,
      `--devdir=${path.join('/src/glossa', '.native', 'electron', 'gyp-headers')}`,
    ]);
    expect(electronHeadersUrl).toBe('https://electronjs.org/headers');
  });

  it('is a declared devDependency, not a transitive one that may disappear', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toHaveProperty(['node-gyp']);
  });

  it('builds in a private copy under .native/electron, never in node_modules', () => {
    expect(gyp.cwd).toBe(path.join('/src/glossa', '.native', 'electron', 'build-src'));
    expect(gyp.cwd).not.toContain('node_modules');
    const paths = nativeElectronPaths('/src/glossa');
    expect(paths.binary).toBe(path.join('/src/glossa', '.native', 'electron', 'better_sqlite3.node'));
    expect(paths.source).toBe(path.join('/src/glossa', 'node_modules', 'better-sqlite3'));
  });
});

describe('rebuild stamp', () => {
  it('records the installed Electron and better-sqlite3 versions', () => {
    const stamp = wantedStamp(repoRoot, 'x64');
    const version = (pkg: string) =>
      (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    expect(stamp).toEqual({ electron: version('electron'), betterSqlite3: version('better-sqlite3'), platform: process.platform, arch: 'x64' });
  });

  it('is up to date only when the binary exists and every field matches', () => {
    const root = tempDir();
    const paths = nativeElectronPaths(root);
    const stamp = { electron: '45.5.0', betterSqlite3: '12.6.2', platform: 'linux', arch: 'x64' };
    expect(isUpToDate(paths, stamp)).toBe(false);

    fs.mkdirSync(paths.dir, { recursive: true });
    fs.writeFileSync(paths.stamp, JSON.stringify({ ...stamp, builtAt: 'then' }));
    expect(isUpToDate(paths, stamp)).toBe(false); // no binary yet

    fs.writeFileSync(paths.binary, 'binary');
    expect(isUpToDate(paths, stamp)).toBe(true);
    expect(isUpToDate(paths, { ...stamp, electron: '46.0.0' })).toBe(false);
    expect(isUpToDate(paths, { ...stamp, arch: 'arm64' })).toBe(false);

    fs.writeFileSync(paths.stamp, 'not json');
    expect(isUpToDate(paths, stamp)).toBe(false);
  });
});
