// Agreement and curation over a real store: analysts annotate as themselves (ctx.analyst), the
// service reads their layers, and curation writes the gold layer with every decision recorded.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { analystNamed } from '../../electron/services/analysts/analysts';
import { agreementReport, exportAgreement, reportDisagreements } from '../../electron/services/agreement/agreement';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { createRelation } from '../../electron/services/annotate/relations';
import { addEventArgument, createEvent } from '../../electron/services/events/events';
import type { ServiceContext } from '../../electron/services/context';
import { applyRule, curationView, decide, undoDecision } from '../../electron/services/curation/curation';
import { decisionHistory } from '../../electron/services/curation/decisions';
import { openStore } from '../../electron/store/store';
import { runProcess } from './child-process';
import { addText, errorCodeOf, openTestContext, ScriptedDialogs, tempDir } from './helpers';

const wire = 'Rebels said they had seized Dorsk, according to the Observatory.';
const emoji = '🙂 Officials in Kharkiv 👨‍👩‍👧 denied the report.';

function tagAs(ctx: ServiceContext, name: string, documentId: string, text: string, quote: string, labelId: string): string {
  ctx.analyst = analystNamed(ctx, name).analyst;
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

/** Ann and Bob on two reports: they agree on a claim and a place, differ on the source; Bob never opened the second report. */
function corpus(ctx: ServiceContext) {
  const first = addText(ctx, wire, 'Wire');
  const second = addText(ctx, emoji, 'Emoji');
  const annClaim = tagAs(ctx, 'Ann', first, wire, 'Rebels said they had seized Dorsk', 'claim');
  const annSource = tagAs(ctx, 'Ann', first, wire, 'the Observatory', 'source');
  tagAs(ctx, 'Ann', first, wire, 'Dorsk', 'location');
  tagAs(ctx, 'Ann', second, emoji, 'Kharkiv', 'location');
  const bobClaim = tagAs(ctx, 'Bob', first, wire, 'Rebels said they had seized Dorsk', 'claim');
  const bobSource = tagAs(ctx, 'Bob', first, wire, 'Observatory', 'source');
  tagAs(ctx, 'Bob', first, wire, 'Dorsk', 'location');
  ctx.analyst = analystNamed(ctx, 'Ann').analyst;
  createRelation(ctx, { typeId: 'attributed-to', fromId: annClaim, toId: annSource });
  setValues(ctx, annClaim, { 'claim-confidence': 'high' });
  ctx.analyst = analystNamed(ctx, 'Bob').analyst;
  createRelation(ctx, { typeId: 'attributed-to', fromId: bobClaim, toId: bobSource });
  setValues(ctx, bobClaim, { 'claim-confidence': 'high' });
  return { first, second };
}

describe('agreement over a real store', () => {
  it('figures per label with the counts behind them; a report one analyst left untouched is listed and counted', () => {
    const { ctx } = openTestContext();
    const { first, second } = corpus(ctx);
    const report = agreementReport(ctx, { analysts: ['Ann', 'bob'] });
    expect(report.reports).toBe(2);
    expect(report.pairsCompared).toBe(1);
    const ann = report.analysts.find((a) => a.name === 'Ann')!;
    const bob = report.analysts.find((a) => a.name === 'Bob')!;
    expect(ann.untouched).toEqual([]);
    expect(bob.untouched).toEqual([{ documentId: second, title: 'Emoji' }]);
    const byLabel = Object.fromEntries(report.labels.map((l) => [l.label, l]));
    expect(byLabel.Claim!.all.exactF1).toBe(1);
    expect(byLabel.Claim!.all.alphaU).toBe(1);
    expect(byLabel.Source!.all.exactF1).toBe(0);
    expect(byLabel.Source!.all.overlapF1).toBe(1);
    // Ann's Kharkiv has no counterpart: Location agreement is 2·1/(2+1), and the report counts.
    expect(byLabel.Location!.all.exactF1).toBeCloseTo(2 / 3, 10);
    expect(byLabel.Location!.spans).toEqual({ [ann.id]: 2, [bob.id]: 1 });
    expect(byLabel.Location!.all.alphaU!).toBeLessThan(1);
    expect(report.relations.f1).toBe(0); // the source spans differ, so the relations do
    const attributedTo = ctx.store.db.prepare(`SELECT name FROM relation_types WHERE id = 'attributed-to'`).pluck().get() as string;
    expect(report.relations.types).toEqual([
      { type: attributedTo, f1: 0, counts: { [ann.id]: 1, [bob.id]: 1 }, pairs: [{ a: ann.id, b: bob.id, f1: 0, matched: 0 }] },
    ]);
    expect(report.eventRoles).toEqual({ f1: null, counts: { [ann.id]: 0, [bob.id]: 0 }, pairs: [{ a: ann.id, b: bob.id, f1: null, matched: 0 }], types: [] });
    expect(report.attributes).toEqual([
      { label: 'Claim', attribute: 'confidence', level: 'ordinal', alpha: null, units: 1, pairable: 1 },
    ]);
    const emojiRow = report.perReport.find((r) => r.documentId === second)!;
    expect(emojiRow.spans).toEqual({ [ann.id]: 1, [bob.id]: 0 });
    expect(emojiRow.disagreements).toBe(1);
    expect(report.perReport.find((r) => r.documentId === first)!.disagreements).toBe(2);
  });

  it('event roles agree per role: the same trigger, role and argument by both analysts', () => {
    const { ctx } = openTestContext();
    const { first } = corpus(ctx);
    const seized = wire.indexOf('seized');
    for (const [name, role] of [['Ann', 'Place'], ['Bob', 'Place'], ['Ann', 'Agent'], ['Bob', 'Attacker']] as const) {
      ctx.analyst = analystNamed(ctx, name).analyst;
      const place = ctx.store.db.prepare(`SELECT id FROM annotations WHERE layer = ? AND quote = 'Dorsk'`).pluck().get(ctx.analyst.id) as string;
      const trigger = ctx.store.db.prepare(`SELECT trigger_id FROM events e JOIN annotations a ON a.id = e.trigger_id WHERE a.layer = ?`).pluck().get(ctx.analyst.id) as string | undefined;
      const event = trigger
        ? ctx.store.db.prepare('SELECT id FROM events WHERE trigger_id = ?').pluck().get(trigger) as string
        : createEvent(ctx, { documentId: first, labelId: 'event-battle', trigger: { start: seized, end: seized + 'seized'.length } }).id;
      addEventArgument(ctx, { eventId: event, role, target: { annotationId: place } });
    }
    const roles = agreementReport(ctx, { analysts: ['Ann', 'Bob'] }).eventRoles;
    expect(roles.types.map((t) => [t.type, t.f1])).toEqual([
      ['Agent', 0],
      ['Attacker', 0],
      ['Place', 1],
    ]);
    expect(roles.f1).toBeCloseTo(0.5, 10);
  });

  it('measures in code points: an emoji before a span shifts nothing', () => {
    const { ctx } = openTestContext();
    const { second } = corpus(ctx);
    tagAs(ctx, 'Bob', second, emoji, 'Kharkiv', 'location');
    const report = agreementReport(ctx, { analysts: ['Ann', 'Bob'], documentIds: [second], labels: ['Location'] });
    expect(report.labels.map((l) => l.label)).toEqual(['Location']);
    expect(report.labels[0]!.all).toEqual({ exactF1: 1, overlapF1: 1, charKappa: 1, alphaU: 1 });
  });

  it('one analyst, none, an unknown analyst or label: a clear message and nothing computed', () => {
    const { ctx } = openTestContext();
    corpus(ctx);
    expect(errorCodeOf(() => agreementReport(ctx, { analysts: ['Ann'] }))).toBe('INVALID_ARGS');
    expect(() => agreementReport(ctx, { analysts: [] })).toThrow(/at least 2 \(none given\)/);
    expect(() => agreementReport(ctx, { analysts: ['Ann', 'Ann'] })).toThrow(/only Ann given/);
    expect(() => agreementReport(ctx, { analysts: ['Ann', 'Zed'] })).toThrow(/No analyst "Zed" in this store \(analysts: .*Ann, Bob/);
    expect(errorCodeOf(() => agreementReport(ctx, { analysts: ['Ann', 'Bob'], labels: ['Nope'] }))).toBe('NOT_FOUND');
  });

  it('exports the figures as CSV (BOM, CRLF, a row per figure) and JSON through the save dialog', async () => {
    const { ctx, dialogs, dir } = openTestContext();
    const { second } = corpus(ctx);
    dialogs.exportPath = path.join(dir, 'agreement.csv');
    expect(await exportAgreement(ctx, { analysts: ['Ann', 'Bob'], format: 'csv' })).toEqual({ path: dialogs.exportPath });
    const csv = fs.readFileSync(dialogs.exportPath, 'utf8');
    expect(csv.startsWith('\uFEFFscope,label,document_id,analyst_a,analyst_b,measure,value\r\n')).toBe(true);
    expect(csv).toContain('\r\nlabel,Claim,,Ann,Bob,exactF1,1\r\n');
    expect(csv).toContain(`\r\nanalyst,,${second},Bob,,untouched,1\r\n`);
    dialogs.exportPath = path.join(dir, 'agreement.json');
    await exportAgreement(ctx, { analysts: ['Ann', 'Bob'], format: 'json' });
    expect(JSON.parse(fs.readFileSync(dialogs.exportPath, 'utf8'))).toEqual(agreementReport(ctx, { analysts: ['Ann', 'Bob'] }));
    dialogs.exportPath = null;
    expect(await exportAgreement(ctx, { analysts: ['Ann', 'Bob'], format: 'json' })).toEqual({ path: null });
  });

  it('lists a report’s disagreements with who made each span', () => {
    const { ctx } = openTestContext();
    const { first } = corpus(ctx);
    const result = reportDisagreements(ctx, { documentId: first, analysts: ['Ann', 'Bob'] });
    const open = result.spans.filter((s) => !s.agreed).map((s) => [s.quote, s.analysts.length]);
    expect(open).toEqual([
      ['the Observatory', 1],
      ['Observatory', 1],
    ]);
  });
});

describe('curation into the gold layer', () => {
  it('a rule pre-accepts agreed spans; decisions are recorded, undoable, and never lost', () => {
    const { ctx } = openTestContext();
    const { first } = corpus(ctx);
    ctx.analyst = analystNamed(ctx, 'Judge').analyst;
    const view = curationView(ctx, { documentId: first, analysts: ['Ann', 'Bob'], rule: 'unanimous' });
    expect(view.candidates.map((c) => [c.quote, c.preAccepted])).toEqual([
      ['Rebels said they had seized Dorsk', true],
      ['Dorsk', true],
      ['the Observatory', false],
      ['Observatory', false],
    ]);
    expect(view.progress).toEqual({ candidates: 4, decided: 0, accepted: 0, rejected: 0 });

    const applied = applyRule(ctx, { documentId: first, analysts: ['Ann', 'Bob'], rule: 'unanimous' });
    expect(applied.decisions.map((d) => [d.action, d.rule, d.fromLayers.length, d.decidedBy])).toEqual([
      ['accept', 'unanimous', 2, ctx.analyst.id],
      ['accept', 'unanimous', 2, ctx.analyst.id],
    ]);
    const observatory = view.candidates.find((c) => c.quote === 'the Observatory')!;
    const edited = decide(ctx, {
      documentId: first,
      start: observatory.start,
      end: observatory.end,
      labelId: observatory.labelId,
      action: 'edit',
      edited: { start: observatory.start + 4, end: observatory.end, labelId: 'source' },
      note: 'the article is not part of the name',
      analysts: ['Ann', 'Bob'],
    });
    const bare = view.candidates.find((c) => c.quote === 'Observatory')!;
    const rejected = decide(ctx, { documentId: first, start: bare.start, end: bare.end, labelId: bare.labelId, action: 'reject', note: 'same as the edit', analysts: ['Ann', 'Bob'] });
    expect(rejected.goldAnnotationId).toBeNull();
    expect(errorCodeOf(() => decide(ctx, { documentId: first, start: bare.start, end: bare.end, labelId: bare.labelId, action: 'accept', analysts: ['Ann', 'Bob'] }))).toBe('DUPLICATE');

    const after = curationView(ctx, { documentId: first, analysts: ['Ann', 'Bob'], rule: 'unanimous' });
    expect(after.progress).toEqual({ candidates: 4, decided: 4, accepted: 3, rejected: 1 });
    expect(after.gold.map((g) => g.quote).sort()).toEqual(['Dorsk', 'Observatory', 'Rebels said they had seized Dorsk']);
    const goldNote = ctx.store.db.prepare('SELECT note, layer, created_by FROM annotations WHERE id = ?').get(edited.goldAnnotationId);
    expect(goldNote).toEqual({ note: 'the article is not part of the name', layer: 'gold', created_by: ctx.analyst.id });

    const undone = undoDecision(ctx, edited.id);
    expect(undone.undoneAt).not.toBeNull();
    expect(ctx.store.db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(edited.goldAnnotationId)).toBeUndefined();
    expect(errorCodeOf(() => undoDecision(ctx, edited.id))).toBe('INVALID_ARGS');
    const history = decisionHistory(ctx, first);
    expect(history).toHaveLength(4);
    expect(history.filter((d) => d.undoneAt !== null).map((d) => d.id)).toEqual([edited.id]);
    expect(curationView(ctx, { documentId: first, analysts: ['Ann', 'Bob'], rule: 'unanimous' }).progress.decided).toBe(3);
  });

  it('majority and threshold rules over three analysts', () => {
    const { ctx } = openTestContext();
    const { first } = corpus(ctx);
    tagAs(ctx, 'Cy', first, wire, 'Observatory', 'source');
    const majority = curationView(ctx, { documentId: first, analysts: ['Ann', 'Bob', 'Cy'], rule: 'majority' });
    expect(majority.candidates.filter((c) => c.preAccepted).map((c) => c.quote)).toEqual(['Rebels said they had seized Dorsk', 'Dorsk', 'Observatory']);
    const three = curationView(ctx, { documentId: first, analysts: ['Ann', 'Bob', 'Cy'], rule: 'threshold', threshold: 3 });
    expect(three.candidates.filter((c) => c.preAccepted)).toEqual([]);
  });

  it('pages the candidates in reading order, with every undecided disagreement indexed and the progress over all', () => {
    const { ctx } = openTestContext();
    const { first } = corpus(ctx);
    const query = { documentId: first, analysts: ['Ann', 'Bob'], rule: 'unanimous' as const };
    const all = curationView(ctx, query);
    expect(all.undecidedDisagreements).toEqual([2, 3]);
    const page = curationView(ctx, { ...query, offset: 1, limit: 2 });
    expect(page.candidates.map((c) => c.quote)).toEqual(['Dorsk', 'the Observatory']);
    expect([page.offset, page.total, page.progress.candidates]).toEqual([1, 4, 4]);
    expect(page.undecidedDisagreements).toEqual([2, 3]);
    const bare = all.candidates[3]!;
    decide(ctx, { documentId: first, start: bare.start, end: bare.end, labelId: bare.labelId, action: 'reject', analysts: ['Ann', 'Bob'] });
    expect(curationView(ctx, { ...query, offset: 9, limit: 5 })).toMatchObject({ candidates: [], offset: 4, total: 4, undecidedDisagreements: [2] });
  });
});

describe('cli agreement and curate', () => {
  it('prints the figures per label with spans by analyst name, untouched reports and the report count; curate pre-fills gold', { timeout: 120_000 }, async () => {
    const db = path.join(tempDir(), 'glossa.sqlite');
    const store = openStore(db);
    const ctx = createContext(store, new ScriptedDialogs(), 'test');
    const { first, second } = corpus(ctx);
    store.close();
    const repo = path.resolve(__dirname, '../..');
    const cli = (args: string[]) => runProcess(process.execPath, ['--import', 'tsx', path.join(repo, 'electron/cli.ts'), ...args], { cwd: repo, env: { ...process.env, GLOSSA_DB: '' } });

    const run = await cli(['agreement', '--analysts', 'Ann,Bob', '--labels', 'Claim,Location', '--json', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { labels: Record<string, Record<string, unknown>>; untouched: Record<string, string[]>; reports: number };
    expect(Object.keys(out.labels)).toEqual(['Claim', 'Location']);
    expect(out.labels.Claim).toMatchObject({ exactF1: 1, overlapF1: 1, charKappa: 1, alphaU: 1, spans: { Ann: 1, Bob: 1 } });
    expect(out.labels.Location).toMatchObject({ spans: { Ann: 2, Bob: 1 } });
    expect(out.untouched).toEqual({ Ann: [], Bob: [second] });
    expect(out.reports).toBe(2);

    const lone = await cli(['agreement', '--analysts', 'Ann', '--json', '--db', db]);
    expect(lone.status).toBe(2);
    expect(JSON.parse(lone.stderr).error.message).toMatch(/at least two names/);
    const unknown = await cli(['agreement', '--analysts', 'Ann,Zed', '--db', db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No analyst "Zed"/);

    const curate = await cli(['curate', '--doc', first, '--from', 'Ann,Bob', '--rule', 'unanimous', '--db', db]);
    expect(curate.stderr).toBe('');
    expect(JSON.parse(curate.stdout)).toMatchObject({ accepted: 2, alreadyDecided: 0 });
    const again = await cli(['curate', '--doc', first, '--from', 'Ann,Bob', '--rule', 'majority', '--db', db]);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, alreadyDecided: 2 });
    const badRule = await cli(['curate', '--doc', first, '--from', 'Ann,Bob', '--rule', 'most', '--db', db]);
    expect(badRule.status).toBe(2);
  });
});
