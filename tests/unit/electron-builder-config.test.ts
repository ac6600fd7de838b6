// The installer configuration: parsed, checked against electron-builder's own schema, and
// checked for what Glossa relies on (ids, targets, the Electron-ABI native module, the icon).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };

type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  linux: { target: Target[]; icon: string; category: string; maintainer: string; description: string; synopsis: string };
  win: { target: Target[] };
  mac: { target: Target[]; icon: string };
  fileAssociations: { ext: string; name: string; mimeType: string }[];
}

const config = yaml.load(fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as BuilderConfig;
const targetNames = (targets: Target[]) => targets.map((t) => (typeof t === 'string' ? t : t.target));

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder config', () => {
  it("passes electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.glossa.app');
    expect(config.productName).toBe('Glossa');
    expect(config.directories.output).toBe('release');
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
  });

  it('ships the Electron-ABI better-sqlite3 where the shell looks for it, and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.extraResources).toContainEqual({ from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
  });

  it('keeps the fuses that close Node-level doors in the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('runs the built main bundle', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/main.js');
    // The native dependency; the others are what the import worker loads (tests/ship checks them all).
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });

  it('has a 512px PNG icon', () => {
    const icon = path.join(root, config.icon);
    expect(path.extname(icon)).toBe('.png');
    expect(pngSize(icon)).toEqual({ width: 512, height: 512 });
  });

  it('has the icon at every size the desktops use, rendered from build/icon.svg', () => {
    const dir = path.join(root, config.linux.icon);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(dir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(root, config.mac.icon))).toEqual({ width: 1024, height: 1024 });
  });

  it('gives every target the metadata it needs (the .deb refuses to build without a homepage)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      homepage: string;
      description: string;
      author: { name: string; email: string };
    };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.description).toMatch(/\S/);
    expect(pkg.author.email).toMatch(/@/);
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.synopsis).toMatch(/\S/);
    expect(config.linux.description).toMatch(/\S/);
  });

  it('associates .glossa archives with Glossa', () => {
    expect(config.fileAssociations).toContainEqual(expect.objectContaining({ ext: 'glossa', mimeType: 'application/x-glossa-archive' }));
  });
});
