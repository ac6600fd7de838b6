// Damage the store's checks must find: changed bytes inside a document's text (content hash),
// and damaged pages found by the check that now runs after opening, off the main thread.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAppCore } from '../../electron/app-core';
import { startCore } from '../../electron/core';
import type { AppEvent } from '../../shared/contract';
import { exportDataset } from '../../electron/services/datasets/export';
import { openStore } from '../../electron/store/store';
import { ScriptedDialogs, tempDir } from './helpers';

/** Deterministic bytes (a small LCG), so a failure can be replayed. */
function seededBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const marker = 'UNIQUE-MARKER-PARAGRAPH';
const longText = `Ceasefire report\n\n${'The mediator said the talks went on. '.repeat(40)}${marker} ${'Rebels held the bridge at dawn. '.repeat(40)}`;

async function makeStore(dir: string): Promise<{ file: string; id: string }> {
  const file = path.join(dir, 'glossa.sqlite');
  const core = startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test' });
  const { addDocument } = await import('../../electron/services/library/documents');
  const result = addDocument(core.ctx, { title: 'Ceasefire report', text: longText });
  core.close();
  if (result.status !== 'added') throw new Error('duplicate');
  return { file, id: result.document.id };
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, at);
  fs.closeSync(fd);
}

describe('store damage', () => {
  it('reports 64 random bytes written into a document\'s text as DOCUMENT_DAMAGED instead of showing the changed text', async () => {
    const { file, id } = await makeStore(tempDir());
    const at = fs.readFileSync(file).indexOf(marker);
    expect(at).toBeGreaterThan(0);
    overwrite(file, at, seededBytes(11, 64));
    const core = startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test' });
    try {
      const answer = await core.dispatch('documents.get', { id });
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('DOCUMENT_DAMAGED');
        expect(answer.error.message).toContain('has changed in the store since it was imported');
      }
      // The library still lists it, so the user can see what is damaged.
      const list = await core.dispatch('documents.list', {});
      expect(list.ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('refuses to export a document whose text no longer matches its hash, naming it', async () => {
    const dir = tempDir();
    const { file } = await makeStore(dir);
    const at = fs.readFileSync(file).indexOf(marker);
    overwrite(file, at, seededBytes(12, 64));
    const core = startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test' });
    try {
      expect(() => exportDataset(core.ctx, { format: 'jsonl' }, path.join(dir, 'out.jsonl'))).toThrow(/"Ceasefire report" has changed in the store/);
      expect(fs.existsSync(path.join(dir, 'out.jsonl'))).toBe(false);
    } finally {
      core.close();
    }
  });

  it('opens a store at once and reports damaged pages through the check after opening (store-damaged event)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'glossa.sqlite');
    const store = openStore(file);
    const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    store.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`key-${i}`, 'x'.repeat(300));
    });
    // Damage leaf pages of the meta rows just added, which opening never reads (it reads the
    // header, the schema and the first meta rows); page numbers are 1-based.
    const leaves = store.db.prepare("SELECT pageno FROM dbstat WHERE name = 'meta' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    const pageSize = store.db.pragma('page_size', { simple: true }) as number;
    store.close();
    const middle = leaves[Math.floor(leaves.length / 2)]!;
    expect(leaves.length).toBeGreaterThan(10);
    overwrite(file, (middle - 1) * pageSize, Buffer.alloc(pageSize, 0xab));
    const events: AppEvent[] = [];
    const app = startAppCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test', emit: (e) => events.push(e), logError: () => undefined });
    try {
      // Opened without the check: the store is up and answering.
      expect(app.core).toBeDefined();
      await app.checked;
      expect(events).toEqual([{ name: 'store-damaged', payload: { problem: expect.stringContaining('is damaged') } }]);
      const status = await app.dispatch('store.status', {});
      expect(status).toMatchObject({ ok: true, value: { state: 'damaged' } });
    } finally {
      app.close();
    }
  });

  it('takes the exclusive lock once the check after opening is done, refusing a second copy', async () => {
    const { file } = await makeStore(tempDir());
    const app = startAppCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test' });
    try {
      await app.checked;
      expect(app.status().state).toBe('ok');
      expect(() => openStore(file)).toThrow(/in use by another running copy/);
    } finally {
      app.close();
    }
  });
});
