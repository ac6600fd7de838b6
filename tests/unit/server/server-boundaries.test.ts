// The team server's import boundary (build/eslint.config.mjs): server/ reaches shared/, Node and
// its packages, never the app's electron/ or renderer/ code, nor the electron package.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.mjs') });
});

async function ruleIds(code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'server/probe.ts'), warnIgnored: true });
  return result!.messages.map((m) => m.ruleId);
}

describe('the server import boundary', () => {
  it('lets a server file import shared/, Node built-ins and pg', async () => {
    const code = "import http from 'node:http';\nimport pg from 'pg';\nimport { Change } from '../shared/sync/protocol';\nexport const used = [http, pg, Change];\n";
    expect(await ruleIds(code)).toEqual([]);
  });

  it.each([
    ["import { startCore } from '../electron/core';", 'startCore'],
    ["import { openStore } from '../electron/store/store';", 'openStore'],
    ["import { api } from '../renderer/src/api';", 'api'],
    ["import { app } from 'electron';", 'app'],
  ])('refuses %s', async (line, name) => {
    expect(await ruleIds(`${line}\nexport const used = ${name};\n`)).toEqual(['no-restricted-imports']);
  });
});
