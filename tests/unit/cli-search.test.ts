// `glossa search` end to end: a real CLI process over a real store; its JSON, its ordering, its
// options, and its offsets checked in Python.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './child-process';
import { createContext } from '../../electron/core';
import { openStore } from '../../electron/store/store';
import { addText, ScriptedDialogs, tempDir } from './helpers';
import { runCli } from './cli-bundle';

const cli = (args: string[]) => runCli(args);

async function ok(args: string[]): Promise<unknown> {
  const run = await cli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

interface Hit {
  documentId: string;
  title: string;
  start: number;
  end: number;
  quote: string;
  snippet: string;
}

/** A store with two reports, written in this process and closed before the CLI opens it. */
function storeWith(texts: Record<string, string>): { db: string; ids: Record<string, string> } {
  const db = path.join(tempDir(), 'glossa.sqlite');
  const store = openStore(db);
  const ctx = createContext(store, new ScriptedDialogs(), 'test');
  const ids = Object.fromEntries(Object.entries(texts).map(([title, text]) => [title, addText(ctx, text, title)]));
  store.close();
  return { db, ids };
}

describe('cli search', () => {
  it('prints {total, hits} best first, with code-point offsets Python agrees with', { timeout: 120_000 }, async () => {
    const texts = {
      Aleppo: '🙂 Shelling hit حلب and Aleppo 👨‍👩‍👧 on Monday; Zu\u0308rich aid reached Aleppo.',
      'Harbour news': 'Fishing crews in Port Alder said prices in Aleppo rose.',
    };
    const { db, ids } = storeWith(texts);
    // One at a time: each CLI process holds the store's lock while it runs.
    const all = await ok(['search', 'aleppo', '--db', db, '--json']);
    const limited = await ok(['search', 'aleppo', '--limit', '1', '--db', db]);
    const inDoc = await ok(['search', 'aleppo', '--doc', ids['Harbour news']!, '--db', db]);
    const scripts = await ok(['search', 'zurich', 'OR', 'حلب', '--db', db]);
    const result = all as { total: number; hits: Hit[] };
    expect(result.total).toBe(2);
    expect(Object.keys(result.hits[0]!).sort()).toEqual(['documentId', 'end', 'quote', 'snippet', 'start', 'title']);
    expect(result.hits[0]!.documentId).toBe(ids.Aleppo); // the title match ranks first
    expect(result.hits.filter((h) => h.documentId === ids.Aleppo)).toHaveLength(2);
    expect((limited as { hits: Hit[] }).hits).toHaveLength(1);
    expect((inDoc as { hits: Hit[] }).hits.map((h) => h.title)).toEqual(['Harbour news']);

    const hits = [...result.hits, ...(scripts as { hits: Hit[] }).hits];
    const stored = Object.fromEntries(Object.entries(texts).map(([title, text]) => [ids[title]!, text]));
    const check = await runProcess('python3', ['tests/unit/search-offsets.py'], { input: JSON.stringify({ texts: stored, hits }) });
    expect(JSON.parse(check.stdout)).toEqual({ checked: hits.length, bad: [] });
    expect(hits.map((h) => h.quote)).toEqual(expect.arrayContaining(['Zu\u0308rich', 'حلب']));
  });

  it('says what is wrong with a bad query or option', { timeout: 120_000 }, async () => {
    const { db } = storeWith({ A: 'A report' });
    const bad = await cli(['search', '"unclosed', '--db', db, '--json']);
    const usage = await cli(['search', 'x', '--limit', 'lots', '--db', db]);
    const label = await cli(['search', 'x', '--label', 'Nowhere', '--db', db]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: 'INVALID_ARGS', message: expect.stringContaining('closing quote') });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--limit must be a whole number');
    expect(label.stderr).toContain('no label named "Nowhere"');
  });
});
