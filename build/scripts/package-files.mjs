// What electron-builder packs from node_modules, as far as Glossa's config decides it: the
// `!node_modules/...` patterns of build/electron-builder.yml, plus electron-builder's own
// default exclusions (app-builder-lib's NodeModuleCopyHelper and fileMatcher: read me again
// when electron-builder changes). Used to trim the production tree that the ship test runs on,
// and by the bench to report the packed payload (package_mb).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Minimatch } = require('minimatch');
const yaml = require('js-yaml');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function readBuilderConfig(root = repoRoot) {
  return yaml.load(fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8'));
}

/** The config's exclusions that apply inside node_modules, without their "!". */
export function packagedNodeModuleExclusions(root = repoRoot) {
  return readBuilderConfig(root)
    .files.filter((pattern) => pattern.startsWith('!node_modules/'))
    .map((pattern) => pattern.slice(1));
}

// electron-builder's defaults for every dependency (names anywhere, names at a package's top, extensions).
const defaultExcludedNames = new Set(
  (
    '.DS_Store,CHANGELOG.md,ChangeLog,changelog.md,Changelog.md,Changelog,binding.gyp,.npmignore,node_gyp_bins,' +
    '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,thumbs.db,.gitignore,.gitkeep,.gitattributes,.idea,.vs,.flowconfig,' +
    '.jshintrc,.eslintrc,.circleci,.yarn-integrity,.yarn-metadata.json,yarn-error.log,yarn.lock,package-lock.json,' +
    'npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,circle.yml,.nyc_output,.husky,.github,' +
    'electron-builder.env'
  ).split(','),
);
const defaultExcludedAtPackageTop = new Set(
  'karma.conf.js,.coveralls.yml,README.md,readme.markdown,README,readme.md,Readme.md,Readme,readme,test,tests,__tests__,powered-test,example,examples,.bin'.split(','),
);
const defaultExcludedExtensions = 'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,mk,a,o,obj,forge-meta,pdb'
  .split(',')
  .map((ext) => `.${ext}`);

let matchers;
function configMatchers() {
  matchers ??= packagedNodeModuleExclusions().map((pattern) => new Minimatch(pattern, { dot: true }));
  return matchers;
}

/** Whether a package's top folder holds this path: node_modules/x/NAME or node_modules/@s/x/NAME. */
function isAtPackageTop(parts) {
  const inside = parts.lastIndexOf('node_modules', parts.length - 2);
  if (inside < 0) return false;
  const depth = parts[inside + 1].startsWith('@') ? 3 : 2;
  return parts.length - inside - 1 === depth;
}

/** Whether electron-builder leaves this node_modules path (posix, from the app root) out. */
export function isExcludedFromPackage(relativePath, isDirectory) {
  const parts = relativePath.split('/');
  const name = parts[parts.length - 1];
  if (defaultExcludedNames.has(name) || name.startsWith('._')) return true;
  if (isAtPackageTop(parts) && defaultExcludedAtPackageTop.has(name)) return true;
  if (!isDirectory && defaultExcludedExtensions.some((ext) => name.endsWith(ext))) return true;
  // A folder is left out whole when a pattern ending in /** takes everything in it.
  return configMatchers().some((m) => m.match(relativePath) || (isDirectory && m.pattern.endsWith('/**') && m.match(`${relativePath}/x`)));
}

function sizeOf(dir, relative, exclude) {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (exclude(rel, entry.isDirectory())) continue;
    if (entry.isDirectory()) {
      const inner = sizeOf(dir, rel, exclude);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += fs.statSync(path.join(dir, rel)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/**
 * The payload electron-builder would pack beside Electron itself (app.asar, its unpacked part
 * and extraResources), from the files its config selects: dist/, package.json, the production
 * tree's node_modules as trimmed above, and the Electron build of better-sqlite3 (or the Node
 * build when that is absent: the same code, a similar size).
 */
export function packagedPayload({ root = repoRoot, productionTree }) {
  const dist = sizeOf(path.join(root, 'dist'), '', () => false);
  const modules = sizeOf(productionTree, 'node_modules', (rel, isDir) => isExcludedFromPackage(rel, isDir));
  const electronNative = path.join(root, '.native', 'electron', 'better_sqlite3.node');
  const nodeNative = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const native = fs.statSync(fs.existsSync(electronNative) ? electronNative : nodeNative).size;
  const manifest = fs.statSync(path.join(root, 'package.json')).size;
  const bytes = dist.bytes + modules.bytes + native + manifest;
  return { bytes, mb: Math.round((bytes / 1e6) * 10) / 10, distBytes: dist.bytes, nodeModulesBytes: modules.bytes, files: dist.files + modules.files + 2 };
}
