// The process boundaries in build/eslint.config.mjs, checked by linting small snippets as if they
// were files in renderer/ and shared/, so a config that stops refusing them fails here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.mjs') });
});

interface Finding {
  ruleId: string | null;
  line: number;
  severity: number;
}

async function lint(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath), warnIgnored: true });
  return result!.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, severity: m.severity }));
}

const cleanRenderer = [
  "import { useState } from 'react';",
  "import { storedOffsetUnit } from '../../shared/offsets';",
  'export function useThing(): number {',
  '  const [n] = useState(storedOffsetUnit.length);',
  '  return n;',
  '}',
].join('\n');

/** cleanRenderer with one more import (and a use of it) at the top, so it is line 1. */
function withImport(importLine: string, name: string): string {
  return `${importLine}\n${cleanRenderer}\nexport const used = ${name};\n`;
}

const refused = { ruleId: 'no-restricted-imports', line: 1, severity: 2 };

describe('import boundaries', () => {
  it('a renderer file that imports only React and shared/ is clean', async () => {
    expect(await lint('renderer/src/probe.tsx', cleanRenderer)).toEqual([]);
  });

  it.each([
    ["import fs from 'node:fs';", 'fs'],
    ["import path from 'path';", 'path'],
    ["import { readFile } from 'fs/promises';", 'readFile'],
    ["import { ipcRenderer } from 'electron';", 'ipcRenderer'],
    ["import type { IpcRenderer } from 'electron';\nconst x: IpcRenderer | null = null;", 'x'],
    ["import x from '../../electron/core';", 'x'],
    ["import { openStore } from '../../electron/store/store';", 'openStore'],
  ])('a renderer file may not say %s', async (importLine, name) => {
    expect(await lint('renderer/src/probe.tsx', withImport(importLine, name))).toEqual([refused]);
  });

  it.each([
    ["import crypto from 'node:crypto';", 'crypto'],
    ["import { app } from 'electron';", 'app'],
    ["import { openStore } from '../electron/store/store';", 'openStore'],
    ["import { api } from '../renderer/src/api';", 'api'],
  ])('a shared file may not say %s', async (importLine, name) => {
    const code = `${importLine}\nimport { AppError } from './errors';\nexport const used = [${name}, AppError];\n`;
    expect(await lint('shared/probe.ts', code)).toEqual([refused]);
  });

  it('only electron/shell imports the electron package; tests may import its types', async () => {
    const valueImport = "import { app } from 'electron';\nexport const a = app;\n";
    const typeImport = "import type { App } from 'electron';\nexport type A = App;\n";
    expect(await lint('electron/shell/probe.ts', valueImport)).toEqual([]);
    expect(await lint('electron/services/probe.ts', valueImport)).toEqual([refused]);
    expect(await lint('electron/services/probe.ts', typeImport)).toEqual([refused]);
    expect(await lint('tests/unit/probe.test.ts', typeImport)).toEqual([]);
    expect(await lint('tests/unit/probe.test.ts', valueImport)).toEqual([refused]);
  });

  it('applies the rules of hooks in the renderer', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function useMaybe(on: boolean): number {',
      '  if (on) {',
      '    const [n] = useState(1);',
      '    return n;',
      '  }',
      '  return 0;',
      '}',
    ].join('\n');
    const findings = await lint('renderer/src/probe.ts', code);
    expect(findings.map((f) => f.ruleId)).toEqual(['react-hooks/rules-of-hooks']);
  });
});
