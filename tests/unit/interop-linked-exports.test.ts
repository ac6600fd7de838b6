// Issue 12, exports of the brat model: brat → import → export to every format that Glossa reads
// back → import into a new library → export to brat, comparing id-free brat facts. doccano and
// Label Studio write events as relations from the trigger to each argument (role as the label)
// and read them back as events; W3C writes an event as a linking annotation of its trigger's and
// arguments' annotations and a discontinuous span as one target per fragment; Glossa JSONL and
// the archive carry everything. Formats that cannot hold fragments say so with a count.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetFormatId, ImportableFormatId } from '../../shared/formats';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { openTestContext } from './helpers';
import { bratFacts, type BratFacts } from './brat-facts';
import { fixturesDir } from './formats-helpers';

const fixture = path.join(fixturesDir, 'brat-model');

async function bratImported() {
  const t = openTestContext();
  await importAnnotations(t.ctx, 'brat', fixture, true);
  return t;
}

/** Exports in `format`, imports that into a new library (as `reader`), exports brat again. */
async function roundTrip(format: DatasetFormatId, reader: ImportableFormatId, file: string) {
  const { ctx, dir } = await bratImported();
  const out = path.join(dir, file);
  const counts = exportDataset(ctx, { format }, out);
  const back = openTestContext();
  const report = await importAnnotations(back.ctx, reader, out, true);
  const bratOut = path.join(back.dir, 'brat');
  exportDataset(back.ctx, { format: 'brat' }, bratOut);
  return { counts, report, facts: bratFacts(bratOut), out };
}

const pick = (facts: BratFacts, kinds: (keyof BratFacts)[]) => Object.fromEntries(kinds.map((k) => [k, facts[k]]));
const spansEventsAttributes: (keyof BratFacts)[] = ['spans', 'relations', 'events', 'attributes'];

describe('exports carry events and discontinuous spans', () => {
  it('doccano: events as relations from the trigger (labelled with the role), read back as events; fragments beside the covering entity', async () => {
    const { counts, report, facts, out } = await roundTrip('doccano', 'doccano', 'out.jsonl');
    expect(pick(facts, spansEventsAttributes)).toEqual(pick(bratFacts(fixture), spansEventsAttributes));
    expect(report).toMatchObject({ eventsImported: 4, fragmentedImported: 1, dropped: [], conflicts: [] });
    const news = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => String(l.text).startsWith('Rebels'))!;
    const entities = news.entities as { id: number; label: string; start_offset: number; end_offset: number; fragments?: number[][] }[];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const roles = (news.relations as { from_id: number; to_id: number; type: string; glossa_event?: string }[]).filter((r) => r.glossa_event);
    expect(roles.map((r) => [byId.get(r.from_id)!.label, r.type, byId.get(r.to_id)!.label])).toEqual([
      ['Battle', 'actor', 'Actor'],
      ['Battle', 'target', 'Actor'],
      ['Battle', 'location', 'Place'],
      ['Battle', 'time', 'Time'],
    ]);
    // "Rebels … northern front" (brat's T7 0 6;14 28): the covering span, its fragments beside it for Glossa.
    const front = entities.find((e) => e.fragments)!;
    expect([front.start_offset, front.end_offset, front.fragments]).toEqual([0, 28, [[0, 6], [14, 28]]]);
    expect(counts.warnings).toEqual([
      '1 discontinuous span written as its covering span (from the first fragment to the last): this format cannot hold fragments.',
      '4 events written as relations from their trigger to each argument, labelled with the role (Glossa reads them back as events).',
      '2 equivalences, 2 normalisations, 5 typed notes left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).',
    ]);
  });

  it('Label Studio: events as relation results from the trigger region, read back as events', async () => {
    const { counts, report, facts, out } = await roundTrip('labelstudio', 'labelstudio', 'out.json');
    expect(pick(facts, spansEventsAttributes)).toEqual(pick(bratFacts(fixture), spansEventsAttributes));
    expect(report).toMatchObject({ eventsImported: 4, fragmentedImported: 1, dropped: [], conflicts: [] });
    const tasks = JSON.parse(fs.readFileSync(out, 'utf8')) as { data: { text: string }; annotations: { result: Record<string, unknown>[] }[] }[];
    const results = tasks.find((t) => t.data.text.startsWith('Rebels'))!.annotations[0]!.result;
    const label = (id: unknown) => ((results.find((r) => r.id === id)!.value as { labels: string[] }).labels[0]);
    const roles = results.filter((r) => r.type === 'relation' && (r.glossa as { event?: string }).event);
    expect(roles.map((r) => [label(r.from_id), (r.labels as string[])[0], label(r.to_id)])).toEqual([
      ['Battle', 'actor', 'Actor'],
      ['Battle', 'target', 'Actor'],
      ['Battle', 'location', 'Place'],
      ['Battle', 'time', 'Time'],
    ]);
    expect(counts.warnings[0]).toBe('1 discontinuous span written as its covering span (from the first fragment to the last): this format cannot hold fragments.');
  });

  it('W3C: an event is a linking annotation of its trigger and arguments with their roles; a discontinuous span has a target per fragment', async () => {
    const { counts, report, facts, out } = await roundTrip('w3c', 'w3c', 'out.jsonld');
    expect(pick(facts, spansEventsAttributes)).toEqual(pick(bratFacts(fixture), spansEventsAttributes));
    expect(report).toMatchObject({ eventsImported: 4, fragmentedImported: 1, dropped: [], conflicts: [] });
    const items = (JSON.parse(fs.readFileSync(out, 'utf8')) as { first: { items: Record<string, unknown>[] } }).first.items;
    const battle = items.find((i) => i.motivation === 'linking' && (i.body as { value: string }).value === 'Battle')!;
    expect((battle.target as Record<string, unknown>[]).map((t) => t['glossa:role'])).toEqual(['trigger', 'actor', 'target', 'location', 'time']);
    const trigger = items.find((i) => i.id === (battle.target as { source: string }[])[0]!.source)!;
    expect((trigger.target as { selector: { exact: string }[] }).selector[0]!.exact).toBe('attacked\ngovernment');
    const front = items.find((i) => i['glossa:discontinuous'] === true)!;
    expect((front.target as { selector: { type: string; exact?: string }[] }[]).map((t) => t.selector[0]!.exact)).toEqual(['Rebels', 'northern front']);
    expect(counts.warnings).toEqual(['2 equivalences, 2 normalisations, 5 typed notes left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).']);
  });

  it('Glossa JSONL and the archive carry every fact, read back exactly', async () => {
    for (const [format, reader, file] of [['jsonl', 'doccano', 'out.jsonl'], ['archive', 'archive', 'out.glossa']] as const) {
      const { counts, report, facts } = await roundTrip(format, reader, file);
      expect(facts, format).toEqual(bratFacts(fixture));
      expect(report, format).toMatchObject({ eventsImported: 4, equivalencesImported: 2, normalisationsImported: 2, fragmentedImported: 1, dropped: [], conflicts: [] });
      expect(counts.warnings, format).toEqual([]);
    }
  });

  it('CSV and CoNLL write the covering span and count it; their events are counted as left out', async () => {
    const { ctx, dir } = await bratImported();
    for (const [format, file] of [['csv', 'x.csv'], ['conll', 'x.conll']] as const) {
      const warnings = exportDataset(ctx, { format }, path.join(dir, file)).warnings;
      expect(warnings, format).toContain('1 discontinuous span written as its covering span (from the first fragment to the last): this format cannot hold fragments.');
      expect(warnings, format).toContain('4 events, 2 equivalences, 2 normalisations, 5 typed notes left out: this format cannot hold them (brat, the .glossa archive and Glossa JSONL can).');
    }
    const csv = fs.readFileSync(path.join(dir, 'x.csv'), 'utf8');
    expect(csv).toMatch(/,Actor,0,28,Rebels of the northern front,/);
  });
});

const mirror = '/work/.mirror/nlplab+brat/repo';

describe.runIf(fs.existsSync(mirror))("brat's own example corpora through doccano, Label Studio and W3C (mirror of nlplab/brat)", () => {
  it('keeps every span, relation, event and attribute', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = fs.mkdtempSync(path.join(openTestContext().dir, 'corpora-'));
    execFileSync('sh', ['-c', `git --git-dir=${mirror} archive HEAD example-data/corpora | tar x -C ${dir}`]);
    const corpora = path.join(dir, 'example-data', 'corpora');
    const { ctx, dir: storeDir } = openTestContext();
    await importAnnotations(ctx, 'brat', corpora, true);
    const direct = path.join(storeDir, 'direct');
    exportDataset(ctx, { format: 'brat' }, direct);
    const before = pick(bratFacts(direct), spansEventsAttributes);
    for (const [format, file] of [['doccano', 'c.jsonl'], ['labelstudio', 'c.json'], ['w3c', 'c.jsonld']] as const) {
      const out = path.join(storeDir, file);
      exportDataset(ctx, { format }, out);
      const back = openTestContext();
      const report = await importAnnotations(back.ctx, format, out, true);
      expect(report.unanchored, format).toEqual([]);
      const bratOut = path.join(back.dir, 'brat');
      exportDataset(back.ctx, { format: 'brat' }, bratOut);
      expect(pick(bratFacts(bratOut), spansEventsAttributes), format).toEqual(before);
    }
  }, 180_000);
});
