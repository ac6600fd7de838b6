// The CLI covers every format both ways: export --format NAME --out PATH and
// import-annotations --format NAME PATH, printing JSON.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFormatIds } from '../../shared/formats';
import { openTestContext } from './helpers';
import { seedUnicode } from './formats-helpers';
import { runCli } from './cli-bundle';


async function cli(args: string[]) {
  return runCli(args);
}

describe('CLI datasets', () => {
  it('exports every format and imports the importable ones back', async () => {
    const { ctx, dir, store } = openTestContext();
    seedUnicode(ctx);
    store.close();
    const db = path.join(dir, 'glossa.sqlite');
    for (const format of datasetFormatIds) {
      const out = path.join(dir, format === 'brat' ? 'brat-out' : `out-${format}`);
      const run = await cli(['export', '--format', format, '--out', out, '--db', db]);
      expect(run.stderr, format).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ path: out });
      expect(fs.existsSync(out)).toBe(true);
    }
    const target = path.join(dir, 'target.sqlite');
    const imported = await cli(['import-annotations', '--format', 'archive', path.join(dir, 'out-archive'), '--db', target]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ documentsAdded: 4, annotationsImported: 22, relationsImported: 8, unanchored: [] });
    const again = JSON.parse((await cli(['import-annotations', '--format', 'doccano', path.join(dir, 'out-doccano'), '--db', target])).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ documentsMatched: 4, annotationsImported: 0, annotationsAlreadyPresent: 22 });
    const filtered = JSON.parse((await cli(['export', '--format', 'spacy', '--labels', 'Location', '--utf16', '--out', path.join(dir, 'loc.jsonl'), '--db', db])).stdout) as Record<string, unknown>;
    expect(filtered).toMatchObject({ annotations: 7, relations: 0, offsetUnit: 'utf16' });
    expect((await cli(['export', '--format', 'xml', '--out', path.join(dir, 'x'), '--db', db])).status).toBe(2);
    expect((await cli(['import-annotations', '--format', 'conll', path.join(dir, 'x'), '--db', db])).status).toBe(2);
    const bad = await cli(['import-annotations', '--format', 'doccano', path.join(dir, 'out-csv'), '--db', target]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/out-csv line 1: not valid JSON/);
  }, 60_000);
});
