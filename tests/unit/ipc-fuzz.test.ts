// Issue 11: a seeded fuzz of every IPC channel through the real dispatcher (contract validation
// included) over a real store. Payloads come from each channel's argument schema (fuzz-payloads.ts),
// so a channel added to shared/contract.ts is fuzzed without a change here: well-formed calls with
// ids of any document (foreign ids), real, spent, expired and forged undo tokens, boundary numbers,
// huge strings, wrong types. Paths are only ever inside this test's temp folder (hostile paths
// are g-paths' fuzz); dialogs answer from the harness's scripted dialogs. Afterwards no handler
// has thrown anything but AppError and the store is sound (store-invariants.ts).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { createRelation } from '../../electron/services/annotate/relations';
import { exportDataset } from '../../electron/services/datasets/export';
import { createHandlers } from '../../electron/services/index';
import { resolvePlace } from '../../electron/services/places/places';
import { seedSampleOnFirstRun } from '../../electron/sample/seed';
import { openStore } from '../../electron/store/store';
import { channels, contract } from '../../shared/contract';
import { ScriptedDialogs } from '../harness/harness';
import { channelPayloads, Pick, resolvePicks, type PickKind } from './fuzz-payloads';
import { addText, tempDir } from './helpers';
import { storeViolations } from './store-invariants';

const seed = 20_261_130;
const payloadsPerChannel = Number(process.env.GLOSSA_FUZZ_RUNS ?? 40);

const reports = [
  'Rebels said they took the bridge at Dorsk on Friday, according to the Observatory.',
  'The army said it still held Veskar and the road north; a local council denied it.',
];

function tag(ctx: ReturnType<typeof createContext>, documentId: string, text: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

/** Files the fuzz may name: reports, annotated data of each importable format, an archive, a folder. */
function writeFixtures(dir: string, ctx: ReturnType<typeof createContext>): string[] {
  const file = (name: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
    return path.join(dir, name);
  };
  fs.mkdirSync(dir, { recursive: true });
  const archive = path.join(dir, 'library.glossa');
  exportDataset(ctx, { format: 'archive' }, archive);
  return [
    file('reports/a.txt', 'A short report about shelling near Dorsk.'),
    file('reports/b.md', '# Note\n\nThe council said the road to Veskar was open.'),
    file('reports/c.html', '<html><body><p>Witnesses in Aleppo said the market was hit.</p></body></html>'),
    path.join(dir, 'reports'),
    file('data/doccano.jsonl', JSON.stringify({ text: 'Fighting reached Dorsk.', label: [[17, 22, 'Location']] }) + '\n'),
    file('data/labelstudio.json', JSON.stringify([{ data: { text: 'Shelling in Veskar.' }, annotations: [{ result: [{ value: { start: 12, end: 18, labels: ['Location'] } }] }] }])),
    file('brat/report.txt', 'The Observatory said Dorsk fell.'),
    file('brat/report.ann', 'T1\tLocation 21 26\tDorsk\n'),
    path.join(dir, 'brat'),
    file('data/w3c.jsonld', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] })),
    archive,
    path.join(dir, 'missing.txt'),
  ];
}

function forgedToken(n: number): string {
  return Buffer.from(`forged-${n}-undo-token`).toString('base64url').slice(0, 24).padEnd(24, 'A');
}

function collectTokens(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectTokens(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'undoToken' || k === 'token') && typeof v === 'string') into.add(v);
      else collectTokens(v, into);
    }
  }
}

describe('IPC fuzz', () => {
  it(`sends ${payloadsPerChannel} seeded payloads to every channel; only AppErrors, and the store stays sound`, async () => {
    const dir = tempDir('glossa-fuzz-');
    const store = openStore(path.join(dir, 'glossa.sqlite'));
    const dialogs = new ScriptedDialogs();
    // Ids from a counter, so that the seeded payloads pick the same rows on every run.
    let nextId = 0;
    const ctx = { ...createContext(store, dialogs, '0.0.0-fuzz'), newId: () => `fuzz-${String(++nextId).padStart(6, '0')}` };
    seedSampleOnFirstRun(ctx);
    for (const text of reports) {
      const documentId = addText(ctx, text, text.slice(0, 20));
      const claim = tag(ctx, documentId, text, text.slice(0, 30), 'claim');
      const place = tag(ctx, documentId, text, text.includes('Dorsk') ? 'Dorsk' : 'Veskar', 'location');
      setValues(ctx, claim, { 'claim-status': 'disputed' });
      createRelation(ctx, { typeId: 'located-at', fromId: claim, toId: place });
      resolvePlace(ctx, { annotationId: place, lat: 36.2, lon: 37.1 });
    }
    const fixtures = writeFixtures(path.join(dir, 'files'), ctx);
    const spare = addText(ctx, 'A report deleted before the fuzz starts, so that its undo token is live.', 'Spare');
    const spareClaim = tag(ctx, spare, 'A report deleted before the fuzz', 'A report', 'claim');
    for (let i = 0; i < 30; i++) {
      // A few imports through the open dialog (each reads files on a worker), then cancels.
      if (i < 6) dialogs.openAnswers.push([fixtures[i % 4]!]);
      dialogs.saveAnswers.push(i % 5 === 4 ? null : path.join(dir, 'exports', `export-${i}`));
      dialogs.annotationAnswers.push(fixtures[4 + (i % 8)] ?? null);
    }
    fs.mkdirSync(path.join(dir, 'exports'));

    const logged: string[] = [];
    const dispatch = createDispatcher(createHandlers(ctx), { logError: (channel, error) => logged.push(`${channel}: ${String(error).slice(0, 300)}`) });
    const tokens = new Set<string>();
    const pools = new Map<PickKind, string[]>();
    const refreshPools = () => {
      const column = (sql: string) => (store.db.prepare(sql).pluck().all() as string[]).concat('missing-id');
      pools.set('document', column('SELECT id FROM documents ORDER BY id'));
      pools.set('annotation', column('SELECT id FROM annotations ORDER BY id'));
      pools.set('label', column('SELECT id FROM labels ORDER BY id'));
      pools.set('attribute', column('SELECT id FROM label_attributes ORDER BY id'));
      pools.set('relationType', column('SELECT id FROM relation_types ORDER BY id'));
      pools.set('relation', column('SELECT id FROM relations ORDER BY id'));
      pools.set('any', [...pools.values()].flat());
    };
    const choose = (p: Pick): unknown => {
      if (p.kind === 'path') return fixtures[p.n % fixtures.length];
      if (p.kind === 'token') {
        // Mostly a token seen in an answer (the newest more often: likelier still live), else a forged one.
        const seen = [...tokens];
        if (p.n % 3 === 1 && seen.length > 0) return seen[seen.length - 1 - (p.n % Math.min(6, seen.length))];
        if (p.n % 3 === 2 && seen.length > 0) return seen[p.n % seen.length];
        return forgedToken(p.n);
      }
      const pool = pools.get(p.kind)!;
      return pool[p.n % pool.length];
    };

    // Payloads are drawn per channel with a fixed seed, then sent round-robin across channels.
    const perChannel = channels.map((channel, i) =>
      fc.sample(channelPayloads(contract[channel].args), { seed: seed + i, numRuns: payloadsPerChannel }),
    );
    const sent = new Map<string, number>();
    const timeSpent = new Map<string, number>();
    const succeeded = new Map<string, number>();
    let total = 0;
    // Live undo tokens of every kind, as the page would hold them. Each is first sent to the
    // restore channels of the other kinds (refused), then to its own (restored), then the
    // delete is done again so that the fuzz starts with live tokens.
    const restoreChannels = ['documents.restore', 'annotations.restore', 'relations.restore', 'places.restore'] as const;
    const tokenOf = async (channel: string, args: unknown): Promise<string> => {
      const answer = await dispatch(channel, args);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
      collectTokens(answer.value, tokens);
      return (answer.value as { undoToken: string }).undoToken;
    };
    const firstOf = (sql: string) => store.db.prepare(sql).pluck().get() as string;
    const relation = firstOf('SELECT id FROM relations ORDER BY id');
    const placed = firstOf('SELECT annotation_id FROM places ORDER BY annotation_id');
    const deletes: [string, unknown, (typeof restoreChannels)[number]][] = [
      ['relations.delete', { id: relation }, 'relations.restore'],
      ['places.clear', { annotationId: placed }, 'places.restore'],
      ['annotations.delete', { id: spareClaim }, 'annotations.restore'],
      ['documents.delete', { id: spare }, 'documents.restore'],
    ];
    const live: string[] = [];
    for (const [channel, args] of deletes) live.push(await tokenOf(channel, args));
    for (const [i, token] of live.entries()) {
      for (const channel of restoreChannels) {
        if (channel === deletes[i]![2]) continue;
        expect(await dispatch(channel, { token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    }
    // Restores in reverse order of the deletes (the claim needs its document back first).
    for (const i of [3, 2, 1, 0]) expect((await dispatch(deletes[i]![2], { token: live[i] })).ok, deletes[i]![2]).toBe(true);
    for (const [channel, args] of deletes) await tokenOf(channel, args);
    refreshPools();
    for (let round = 0; round < payloadsPerChannel; round++) {
      for (const [i, channel] of channels.entries()) {
        const payload = resolvePicks(perChannel[i]![round], choose);
        const began = performance.now();
        const answer = await dispatch(channel, payload);
        timeSpent.set(channel, (timeSpent.get(channel) ?? 0) + performance.now() - began);
        if (answer.ok) collectTokens(answer.value, tokens);
        if (answer.ok) succeeded.set(channel, (succeeded.get(channel) ?? 0) + 1);
        sent.set(channel, (sent.get(channel) ?? 0) + 1);
        if (++total % 25 === 0) refreshPools();
      }
    }
    // Wrong channels and whole payloads of the wrong kind, once each.
    for (const channel of ['nope', '__proto__', 42, null]) {
      expect((await dispatch(channel, {})).ok).toBe(false);
      total++;
    }

    // Every token seen, spent or live, against every restore channel: typed answers only.
    for (const token of tokens) for (const channel of restoreChannels) await dispatch(channel, { token });
    total += tokens.size * restoreChannels.length;
    if (process.env.GLOSSA_FUZZ_PROFILE) console.log(JSON.stringify(Object.fromEntries(succeeded)));
    if (process.env.GLOSSA_FUZZ_PROFILE) console.log([...timeSpent].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([c, ms]) => `${c} ${ms.toFixed(0)} ms`).join('\n'));
    expect(total).toBeGreaterThanOrEqual(2000);
    expect([...sent.keys()].sort()).toEqual([...channels].sort());
    expect(logged).toEqual([]);
    expect(storeViolations(ctx, path.join(dir, 'final-exports'))).toEqual([]);
    store.close();
  }, 180_000);
});
