// ESLint flat config: typescript-eslint's recommended rules, the rules of hooks for the renderer,
// and the process boundaries of design.md enforced with no-restricted-imports:
//   - renderer/ is sandboxed web code: no Electron, nothing from the project's electron/ folder,
//     no Node built-ins;
//   - shared/ runs on both sides: no Node built-ins, no Electron, nothing from electron/ or renderer/;
//   - server/ (the team server) imports shared/ and packages, nothing from electron/ or renderer/;
//   - only electron/shell/ (and the _electron tests in tests/electron/) import the electron package;
//     other tests may import its types.
// Run as `eslint -c build/eslint.config.mjs .` from the repository root (patterns are relative to
// the working directory when a config file is given with -c).
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]))];

/** The electron package and its subpaths (electron/main, electron/renderer, ...). */
const electronPackage = {
  regex: '^electron(/.*)?$',
  caseSensitive: true,
  message: 'Only electron/shell/ imports the electron package (design.md: shell/ is the only place that imports electron).',
};

/** node:* and bare built-in names with their subpaths (fs, fs/promises, path, ...). */
const nodeBuiltinModules = {
  regex: `^(node:.*|(${nodeBuiltins.join('|')})(/.*)?)$`,
  caseSensitive: true,
  message: 'Node built-ins are not available here; do the work in electron/services and call it through the contract.',
};

/** Any relative path into the project's electron/ folder. */
const projectElectron = {
  regex: '^\\.{1,2}/(.*/)?electron(/.*)?$',
  caseSensitive: true,
  message: 'Main-process code stays in electron/; reach it through window.glossa and shared/contract.ts.',
};

/** Any relative path into the project's renderer/ folder. */
const projectRenderer = {
  regex: '^\\.{1,2}/(.*/)?renderer(/.*)?$',
  caseSensitive: true,
  message: 'shared/ must not depend on the renderer.',
};

const restrict = (...patterns) => ['error', { patterns }];

const codeFiles = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.native/**',
      'node_modules/**',
      'tests/output/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    files: codeFiles,
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused arguments and catch bindings are fine when prefixed with _, as usual.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Everywhere: the electron package only in the shell (type-only imports included).
  {
    files: codeFiles,
    rules: { 'no-restricted-imports': restrict(electronPackage) },
  },
  // Tests may import Electron's types (e.g. to type a menu template) but not the package itself.
  {
    files: ['tests/**'],
    rules: { 'no-restricted-imports': restrict({ ...electronPackage, allowTypeImports: true }) },
  },
  {
    files: ['electron/shell/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The preload runs in the sandboxed renderer: Electron's renderer modules and shared/ only, no
  // Node built-ins or globals (its tsconfig cannot keep them out: electron.d.ts pulls in Node's types).
  {
    files: ['electron/shell/preload.ts'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltinModules, {
        regex: '^\\.{1,2}/(?!\\.\\./shared/)',
        message: 'The preload reaches only shared/ (the contract and the bridge); the main process is behind IPC.',
      }),
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', 'global', '__dirname', '__filename'].map((name) => ({ name, message: 'Not available in a sandboxed preload.' }))],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(electronPackage, projectElectron, nodeBuiltinModules),
    },
  },
  // The team server is plain Node over PostgreSQL: shared/ and its own files, never the app's code.
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': restrict(electronPackage, projectElectron, projectRenderer),
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(electronPackage, projectElectron, projectRenderer, nodeBuiltinModules),
    },
  },
);
