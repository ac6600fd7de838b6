// --analyst NAME (or GLOSSA_ANALYST) through the built `glossa` command: who acts, a new name
// added with a word on stderr, each analyst's annotations in their own layer (the same span in
// several), and `export --layer`.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from './child-process';
import { tempDir } from './helpers';

const repo = path.resolve(__dirname, '../..');
const glossaBin = path.join(repo, 'dist/cli.js');
const fixture = path.join(repo, 'tests/fixtures/good/utf8.txt');

function glossa(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runProcess(process.execPath, [glossaBin, ...args], { cwd: repo, env: { ...process.env, GLOSSA_DB: '', GLOSSA_ANALYST: '', ...env } });
}

beforeAll(async () => {
  const built = await runProcess(process.execPath, [path.join(repo, 'build/scripts/build.mjs')]);
  expect(built.status).toBe(0);
}, 120_000);

describe('glossa --analyst', () => {
  it('annotates as the analyst named, each in their own layer, and exports one layer or all', async () => {
    const db = path.join(tempDir(), 'store.sqlite');
    expect((await glossa(['import', fixture, '--db', db])).status).toBe(0);
    const docs = JSON.parse((await glossa(['docs', '--db', db])).stdout) as { id: string }[];
    const doc = docs[0]!.id;

    const asBob = await glossa(['annotate', doc, '--label', 'Location', '--quote', 'Varnholt', '--db', db, '--analyst', 'Bob']);
    expect(asBob.status).toBe(0);
    expect(asBob.stderr).toMatch(/^glossa: added the analyst "Bob" \(id [0-9a-f-]{36}\) to /);
    const asCarol = await glossa(['annotate', doc, '--label', 'Location', '--quote', 'Varnholt', '--db', db], { GLOSSA_ANALYST: 'Carol' });
    expect(asCarol.status).toBe(0);
    expect(asCarol.stderr).toContain('added the analyst "Carol"');
    // Known now, in any case: nothing said.
    const again = await glossa(['annotate', doc, '--label', 'Source', '--quote', 'Zoë Haddad', '--db', db, '--analyst', 'bob']);
    expect(again).toMatchObject({ status: 0, stderr: '' });

    const exported = async (layer?: string) => {
      const run = await glossa(['export', '--format', 'jsonl', '--out', '-', '--db', db, ...(layer ? ['--layer', layer] : [])]);
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { annotations: { quote: string; analyst: string }[] }).annotations.map((a) => `${a.analyst}:${a.quote}`).sort();
    };
    expect(await exported()).toEqual(['Bob:Varnholt', 'Bob:Zoë Haddad', 'Carol:Varnholt']);
    expect(await exported('all')).toEqual(['Bob:Varnholt', 'Bob:Zoë Haddad', 'Carol:Varnholt']);
    expect(await exported('Carol')).toEqual(['Carol:Varnholt']);
    expect(await exported('gold')).toEqual([]);

    const unknown = await glossa(['export', '--format', 'jsonl', '--out', '-', '--db', db, '--layer', 'Nobody']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No analyst "Nobody" \(layers: Bob, Carol, .*gold, all\)/);
    const reserved = await glossa(['annotate', doc, '--label', 'Location', '--quote', 'Varnholt', '--db', db, '--analyst', 'gold']);
    expect(reserved.status).toBe(1);
    expect(reserved.stderr).toMatch(/names a layer in exports/);
  });
});
