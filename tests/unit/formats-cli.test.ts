// The CLI covers every format both ways: export --format NAME --out PATH and
// import-annotations --format NAME PATH, printing JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFormats } from '../../shared/schemas/datasets';
import { openTestContext } from './helpers';
import { seedUnicode } from './formats-helpers';

const repo = path.resolve(__dirname, '../..');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/cli.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GLOSSA_DB: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI datasets', () => {
  it('exports every format and imports the importable ones back', () => {
    const { ctx, dir, store } = openTestContext();
    seedUnicode(ctx);
    store.close();
    const db = path.join(dir, 'glossa.sqlite');
    for (const format of datasetFormats) {
      const out = path.join(dir, format === 'brat' ? 'brat-out' : `out-${format}`);
      const run = cli(['export', '--format', format, '--out', out, '--db', db]);
      expect(run.stderr, format).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ path: out });
      expect(fs.existsSync(out)).toBe(true);
    }
    const target = path.join(dir, 'target.sqlite');
    const imported = cli(['import-annotations', '--format', 'archive', path.join(dir, 'out-archive'), '--db', target]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ documentsAdded: 4, annotationsImported: 22, relationsImported: 8, unanchored: [] });
    const again = JSON.parse(cli(['import-annotations', '--format', 'doccano', path.join(dir, 'out-doccano'), '--db', target]).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ documentsMatched: 4, annotationsImported: 0, annotationsAlreadyPresent: 22 });
    const filtered = JSON.parse(cli(['export', '--format', 'spacy', '--labels', 'Location', '--utf16', '--out', path.join(dir, 'loc.jsonl'), '--db', db]).stdout) as Record<string, unknown>;
    expect(filtered).toMatchObject({ annotations: 7, relations: 0, offsetUnit: 'utf16' });
    expect(cli(['export', '--format', 'xml', '--out', path.join(dir, 'x'), '--db', db]).status).toBe(2);
    expect(cli(['import-annotations', '--format', 'conll', path.join(dir, 'x'), '--db', db]).status).toBe(2);
    const bad = cli(['import-annotations', '--format', 'doccano', path.join(dir, 'out-csv'), '--db', target]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/out-csv line 1: not valid JSON/);
  }, 60_000);
});
