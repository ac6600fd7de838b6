// The whole brat model through a real store: import → export keeps every id-free brat fact
// (spans with fragments, relations, events with roles, attributes, normalisations, notes,
// equivalences) on committed fixtures and, when its mirror is here, on brat's own example
// corpora; exports pass brat's rule for spans (checked by tests/unit/brat-check.py).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, restoreAnnotation } from '../../electron/services/annotate/annotations';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { addText, openTestContext, tempDir } from './helpers';
import { bratFacts } from './brat-facts';
import { fixturesDir } from './formats-helpers';

const fixture = path.join(fixturesDir, 'brat-model');
const checker = path.resolve(__dirname, 'brat-check.py');
const mirror = '/work/.mirror/nlplab+brat/repo';

function bratCheck(folder: string): { ok: boolean; out: string } {
  const run = spawnSync('python3', [checker, folder], { encoding: 'utf8' });
  return { ok: run.status === 0, out: run.stdout + run.stderr };
}

describe('brat model', () => {
  it('the fixtures round-trip every kind of line, with nothing reported lost', async () => {
    const { ctx, dir } = openTestContext();
    const report = await importAnnotations(ctx, 'brat', fixture, true);
    expect(report.dropped).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(report).toMatchObject({ documentsAdded: 2, annotationsImported: 15, relationsImported: 2, eventsImported: 4, equivalencesImported: 2, normalisationsImported: 2, notesImported: 5, fragmentedImported: 1 });
    expect(report.labelsCreated).toEqual(expect.arrayContaining(['Phosphorylation', 'relation type "_gt_N"', 'attribute "Negation"', 'attribute "CASE"']));
    // Battle is one of the default event types (migration 10): the fixture's Battle events use it.
    expect(report.labelsCreated).not.toContain('Battle');
    const out = path.join(dir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    expect(bratFacts(out)).toEqual(bratFacts(fixture));
    expect(bratCheck(out)).toMatchObject({ ok: true });
    const conf = fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    expect(conf).toMatch(/\[events\][^[]*\nBattle\tactor\*:<ANY>, target\*:<ANY>, location\*:<ANY>, time\*:<ANY>\n/);
    expect(conf).toContain('Certainty\tArg:Battle, Value:High|Low');
    expect(conf).toContain('\n_gt_N\tArg1:');
  });

  it('a span across a line break is written as fragments cut at the break, and read back as one span', async () => {
    const { ctx, dir } = openTestContext();
    const text = 'Shelling hit the\r\nbridge and the\nport at dawn.';
    const documentId = addText(ctx, text);
    const start = text.indexOf('the');
    const end = text.indexOf(' at');
    createAnnotation(ctx, { documentId, labelId: 'claim', start, end });
    const out = path.join(dir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    const ann = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.ann'))!), 'utf8');
    expect(ann.split('\n')[0]).toBe(`T1\tClaim 13 16;18 32;33 37\tthe bridge and the port`);
    expect(bratCheck(out)).toMatchObject({ ok: true });
    const back = openTestContext();
    expect(await importAnnotations(back.ctx, 'brat', out)).toMatchObject({ annotationsImported: 1, dropped: [], conflicts: [] });
    expect(back.store.db.prepare('SELECT count(*) AS n FROM annotation_fragments').get()).toEqual({ n: 0 });
    const row = back.store.db.prepare('SELECT start, "end", quote FROM annotations').get();
    expect(row).toEqual({ start, end, quote: text.slice(start, end) });
  });

  it('the .glossa archive and Glossa JSONL carry fragments, events, equivalences, normalisations and notes exactly', async () => {
    const { ctx, dir } = openTestContext();
    await importAnnotations(ctx, 'brat', fixture, true);
    const archive = path.join(dir, 'all.glossa');
    exportDataset(ctx, { format: 'archive' }, archive);
    const back = openTestContext();
    const report = await importAnnotations(back.ctx, 'archive', archive);
    expect(report).toMatchObject({ eventsImported: 4, equivalencesImported: 2, normalisationsImported: 2, notesImported: 5, fragmentedImported: 1, dropped: [], conflicts: [] });
    const ids = (c: typeof ctx) => c.store.db.prepare('SELECT id FROM events ORDER BY id').pluck().all();
    expect(ids(back.ctx)).toEqual(ids(ctx));
    const out = path.join(back.dir, 'out');
    exportDataset(back.ctx, { format: 'brat' }, out);
    expect(bratFacts(out)).toEqual(bratFacts(fixture));
    const jsonl = path.join(dir, 'all.jsonl');
    exportDataset(ctx, { format: 'jsonl' }, jsonl);
    const records = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown[]>);
    const news = records.find((r) => String(r.text).startsWith('Rebels'))!;
    expect(news.events).toEqual([expect.objectContaining({ type: 'Battle', arguments: [expect.objectContaining({ role: 'actor' }), expect.objectContaining({ role: 'target' }), expect.objectContaining({ role: 'location' }), expect.objectContaining({ role: 'time' })], attributes: { Certainty: 'High', Speculation: true } })]);
    expect(news.normalisations).toContainEqual(expect.objectContaining({ resource: 'GeoNames', resource_id: '170905' }));
    expect((news.annotations as { fragments?: unknown[] }[]).filter((a) => a.fragments).length).toBe(1);
  });

  it('an export to a format that cannot hold fragments or events says so in its summary, with counts', async () => {
    const { ctx, dir } = openTestContext();
    await importAnnotations(ctx, 'brat', fixture, true);
    expect(exportDataset(ctx, { format: 'conll' }, path.join(dir, 'x.conll')).warnings).toEqual(expect.arrayContaining([
      '1 discontinuous span written as its covering span (from the first fragment to the last): this format cannot hold fragments.',
      '4 events, 2 equivalences, 2 normalisations, 5 typed notes left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).',
    ]));
    expect(exportDataset(ctx, { format: 'brat' }, path.join(dir, 'b')).warnings).toEqual([]);
  });

  it('the checker itself rejects a fragment across a line break', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\ntwo');
    fs.writeFileSync(path.join(dir, 'a.ann'), 'T1\tX 0 7\tone two\n');
    expect(bratCheck(dir)).toMatchObject({ ok: false, out: expect.stringContaining('crosses a line break') });
  });

  it('deleting a span takes what points at it: the events it triggers, its arguments, members, normalisations, notes', async () => {
    const { ctx, store } = openTestContext();
    await importAnnotations(ctx, 'brat', fixture, true);
    const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const idOf = (quote: string) => (store.db.prepare('SELECT id FROM annotations WHERE quote = ? ORDER BY start LIMIT 1').get(quote) as { id: string }).id;
    const before = { events: count('events'), args: count('event_arguments'), members: count('equivalence_members'), norms: count('normalisations'), notes: count('notes') };
    deleteAnnotation(ctx, idOf('Rebels'));
    // "Rebels": E1's actor, a member of an equivalence of two (which goes), N2, and R1 with its note.
    expect(count('event_arguments')).toBe(before.args - 1);
    expect(count('equivalence_members')).toBe(before.members - 1);
    expect(count('normalisations')).toBe(before.norms - 1);
    expect(count('notes')).toBe(before.notes - 1);
    deleteAnnotation(ctx, idOf('phosphorylation'));
    // The trigger of E1 and E3 of the second document: both events, their arguments, E2's Theme:E1, the Lemma note.
    expect(count('events')).toBe(before.events - 2);
    expect(count('notes')).toBe(before.notes - 2);
  });

  it("undo of a span's deletion puts back everything the cascade took, and the export is the same again", async () => {
    const { ctx, store, dir } = openTestContext();
    await importAnnotations(ctx, 'brat', fixture, true);
    const tables = ['annotation_fragments', 'events', 'event_arguments', 'event_attributes', 'equivalence_members', 'normalisations', 'notes', 'relations'];
    const counts = () => tables.map((t) => (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    const before = counts();
    const idOf = (sql: string) => (store.db.prepare(sql).get() as { id: string }).id;
    const tokens = [
      deleteAnnotation(ctx, idOf(`SELECT id FROM annotations WHERE quote = 'phosphorylation'`)).undoToken,
      deleteAnnotation(ctx, idOf(`SELECT id FROM annotations WHERE quote = 'Rebels'`)).undoToken,
      deleteAnnotation(ctx, idOf(`SELECT a.id FROM annotations a JOIN annotation_fragments f ON f.annotation_id = a.id LIMIT 1`)).undoToken,
    ];
    expect(counts()).not.toEqual(before);
    for (const token of tokens.reverse()) restoreAnnotation(ctx, token);
    expect(counts()).toEqual(before);
    const out = path.join(dir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    expect(bratFacts(out)).toEqual(bratFacts(fixture));
  });

  it.runIf(fs.existsSync(mirror))('brat\'s own example corpora round-trip with every kind of line kept (mirror of nlplab/brat)', async () => {
    const dir = tempDir();
    execFileSync('sh', ['-c', `git --git-dir=${mirror} archive HEAD example-data/corpora | tar x -C ${dir}`]);
    const corpora = path.join(dir, 'example-data', 'corpora');
    const { ctx, dir: storeDir } = openTestContext();
    const report = await importAnnotations(ctx, 'brat', corpora, true);
    const out = path.join(storeDir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    // CoNLL-ST 2006 uses both "N" and "n" (and "Adv", "adv"…) as types: Glossa's names ignore
    // case, so those merge, and the report says so per spelling. Compared with case folded, every
    // fact is kept; nothing else is reported lost.
    const fold = (facts: ReturnType<typeof bratFacts>): Record<string, string[]> => Object.fromEntries(Object.entries(facts).map(([k, v]: [string, string[]]) => [k, v.map((f) => f.toLowerCase()).sort()]));
    const [before, after] = [fold(bratFacts(corpora)), fold(bratFacts(out))];
    for (const kind of Object.keys(before)) expect(after[kind], kind).toEqual(before[kind]);
    expect(report).toMatchObject({ annotationsImported: 9438, relationsImported: 5772, eventsImported: 653, equivalencesImported: 88, notesImported: 1165, unanchored: [], conflicts: [] });
    expect(report.dropped.length).toBeGreaterThan(0);
    for (const d of report.dropped) expect(d.reason).toMatch(/differs from "[^"]+" only in case/);
    expect(bratCheck(out)).toMatchObject({ ok: true });
  }, 120_000);
});
if (!fs.existsSync(mirror)) console.log(`brat-model: ${mirror} is absent (fetch github:nlplab/brat); the real-corpus round trip is skipped.`);
