// Issue 12 through the real `glossa` command (a child process over a real store): labels the
// schema lacks refuse the file and change nothing without --create-labels, --label-map names
// doccano's label ids, W3C annotations anchor to the report with their URL, import prints a
// summary with paths relative to the chosen folder, and the exit codes of partial success.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Run } from './child-process';
import { tempDir } from './helpers';
import { fixturesDir } from './formats-helpers';
import Database from 'better-sqlite3';
import { runCli } from './cli-bundle';

const fixture = (name: string) => path.join(fixturesDir, 'interchange', name);

function cli(args: string[]): Promise<Run> {
  return runCli(args);
}

async function documentCount(db: string): Promise<number> {
  const docs = await cli(['docs', '--db', db]);
  return (JSON.parse(docs.stdout) as unknown[]).length;
}

describe('glossa import-annotations (issue 12)', () => {
  it('refuses a file whose labels the schema lacks unless --create-labels, changing nothing', async () => {
    const db = path.join(tempDir(), 'store.sqlite');
    const refused = await cli(['import-annotations', '--format', 'doccano', fixture('doccano-labels.jsonl'), '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'glossa: The file uses a label the schema lacks (Date); 2 annotations would be dropped. Pass --create-labels to create it, or add it to the schema first. Nothing was imported.\n',
    );
    expect(await documentCount(db)).toBe(0);
    const created = await cli(['import-annotations', '--format', 'doccano', fixture('doccano-labels.jsonl'), '--create-labels', '--db', db]);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ documentsAdded: 3, annotationsImported: 11, labelsCreated: ['Date'], unanchored: [], dropped: [] });
  }, 60_000);

  it('names doccano label ids with --label-map, and says why without one', async () => {
    const db = path.join(tempDir(), 'store.sqlite');
    const without = await cli(['import-annotations', '--format', 'doccano', fixture('doccano-ids.jsonl'), '--db', db, '--json']);
    expect(without.status).toBe(1);
    expect(JSON.parse(without.stderr)).toMatchObject({ error: { code: 'IMPORT_FAILED', exitCode: 1, message: expect.stringContaining('has the label id 1: doccano wrote label ids, not names') } });
    const withMap = await cli(['import-annotations', '--format', 'doccano', '--label-map', fixture('doccano-label-map.json'), fixture('doccano-ids.jsonl'), '--db', db]);
    expect(withMap.stderr).toBe('');
    expect(withMap.status).toBe(0);
    expect(JSON.parse(withMap.stdout)).toMatchObject({ documentsAdded: 1, annotationsImported: 3 });
    const missing = await cli(['import-annotations', '--format', 'doccano', '--label-map', path.join(tempDir(), 'none.json'), fixture('doccano-ids.jsonl'), '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^glossa: The label map .*none\.json could not be read: ENOENT\./);
    expect((await cli(['import', '--label-map', 'x.json', fixture('doccano-ids.jsonl'), '--db', db])).status).toBe(2);
  }, 60_000);

  it('anchors Hypothesis annotations to the imported page with their URL; what it could not keep exits 3', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const page = path.join(dir, 'port-strike.html');
    fs.writeFileSync(
      page,
      '<html><head><title>Port strike</title><link rel="canonical" href="https://news.example.org/port-strike"></head><body><article><h1>Port strike</h1><p>Officials in Port Alder said the strike ended. The union disagreed, and the dockers stayed away from the quays for a second day.</p></article></body></html>',
    );
    expect((await cli(['import', page, '--db', db])).status).toBe(0);
    const run = await cli(['import-annotations', '--format', 'w3c', fixture('hypothesis.jsonld'), '--create-labels', '--db', db]);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as { documentsMatched: number; annotationsImported: number; unanchored: unknown[]; dropped: unknown[]; labelsCreated: string[] };
    expect(report).toMatchObject({ documentsMatched: 1, annotationsImported: 2, labelsCreated: ['Annotation'] });
    expect(report.unanchored).toHaveLength(1);
    // Tags of single annotations are not kept; the Hypothesis account is kept as the analyst.
    expect(report.dropped).toEqual([expect.objectContaining({ count: 2, reason: expect.stringMatching(/^tags of single annotations/) })]);
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT DISTINCT n.name FROM annotations a JOIN analysts n ON n.id = a.layer').pluck().all()).toEqual(['acct:analyst@hypothes.is']);
    } finally {
      store.close();
    }
  }, 60_000);
});

describe('glossa import (issue 12)', () => {
  it('prints a summary with the exit code, naming files in folders by their path from the chosen folder', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const folder = path.join(dir, 'pages');
    for (const [sub, words] of [['a', 'Alpha report about the port strike and its end.'], ['b', 'Bravo report about the union and the dockers.']]) {
      fs.mkdirSync(path.join(folder, sub!), { recursive: true });
      fs.writeFileSync(path.join(folder, sub!, 'source.html'), `<html><body><p>${words}</p></body></html>`);
    }
    fs.writeFileSync(path.join(folder, 'a', 'broken.pdf'), 'not a pdf');
    const run = await cli(['import', folder, '--db', db, '--json']);
    expect(run.status).toBe(3);
    const output = JSON.parse(run.stdout) as { summary: unknown; imported: { fileName: string }[]; failed: { fileName: string }[] };
    expect(output.summary).toEqual({ imported: 2, duplicates: 0, failed: 1, skipped: 0, exitCode: 3 });
    expect(output.imported.map((i) => i.fileName)).toEqual(['pages/a/source.html', 'pages/b/source.html']);
    expect(output.failed.map((i) => i.fileName)).toEqual(['pages/a/broken.pdf']);
  }, 60_000);

  it('documents the exit codes and --label-map in --help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('--label-map FILE');
    expect(help.stdout).toMatch(/3 {2}partial success: what was kept is stored and the report on stdout names the rest/);
    expect(help.stdout).toContain('labels the schema lacks without\n     --create-labels');
  }, 30_000);
});
