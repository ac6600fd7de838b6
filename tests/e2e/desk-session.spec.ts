// Issue 14's measure: the reference session on the sample report, by mouse and by keyboard only,
// with every action counted. Targets: ≤ 150 actions by mouse, ≤ 220 by keyboard, no wrong link.
// `npm run bench` runs this file with GLOSSA_SESSION_OUT set and prints the two counts.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { DeskSession, plannedLinks, plannedPlaces, plannedSpans, plannedStatuses, startOf } from './pages/desk-session';
import type { StoreState } from '../harness/store-state';
import { sessionTargets } from '../bench/session-bench';

/** What the session left in the store, against the plan: every span, link, status and place. */
async function checkStore(state: StoreState) {
  const annotations = await state.annotations();
  const byStart = (start: number, quote: string) => annotations.find((a) => a.start === start && a.quote === quote);
  const shape = (a: { labelId: string; start: number; quote: string }) => `${a.labelId}@${a.start}:${a.quote}`;
  const labelOf = { '1': 'claim', '2': 'source', '3': 'location' } as const;
  expect(annotations.map(shape).sort()).toEqual(plannedSpans.map((s) => shape({ labelId: labelOf[s.label], start: startOf(s), quote: s.quote })).sort());

  const relations = await state.relations();
  const expected = new Set(plannedLinks.map((l) => `${l.typeId} ${byStart(startOf(l.from), l.from.quote)!.id} ${byStart(startOf(l.to), l.to.quote)!.id}`));
  const made = relations.map((r) => `${r.typeId} ${r.fromId} ${r.toId}`);
  const wrongLinks = made.filter((key) => !expected.has(key)).length;
  expect(wrongLinks, 'wrong links').toBe(0);
  expect(made.length).toBe(expected.size);

  for (const { claim, status } of plannedStatuses) {
    expect(await state.attributeValues(byStart(startOf(claim), claim.quote)!.id)).toMatchObject({ 'claim-status': status });
  }
  for (const { place, lat, lon } of plannedPlaces) {
    expect(await state.place(byStart(startOf(place), place.quote)!.id)).toMatchObject({ lat: Number(lat), lon: Number(lon) });
  }
  return wrongLinks;
}

for (const mode of ['mouse', 'keyboard'] as const) {
  test(`the reference session ${mode === 'mouse' ? 'mainly by mouse' : 'by keyboard only'}: within ${sessionTargets[mode]} actions, no wrong link`, async ({ page, app, session, state }, info) => {
    test.setTimeout(180_000);
    const desk = new DeskSession(page, app, mode);
    const out = info.outputPath('session.jsonl');
    const actions = await desk.run(() => session.dialogs.saveAnswers.push(out));
    const wrongLinks = await checkStore(state);
    await expect.poll(async () => (await import('node:fs')).existsSync(out)).toBe(true);
    const figure = { mode, actions, wrongLinks, steps: desk.actions.log.length };
    console.log(`session_${mode}_actions ${actions}`);
    if (process.env.GLOSSA_SESSION_OUT) appendFileSync(path.resolve(process.env.GLOSSA_SESSION_OUT), `${JSON.stringify(figure)}\n`);
    expect(actions, desk.actions.log.join(' · ')).toBeLessThanOrEqual(sessionTargets[mode]);
  });
}
