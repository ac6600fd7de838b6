// Desk speed (issue 14): links go where they are meant, pick mode ends when anything else is
// done, notices say what happened with Undo at hand, the keys that jump and select, compact
// cards, and highlights by status.
import { Seeder } from './analysis-seed';
import { expect, sampleTitle, test } from './fixtures';

test('the Link dialog ranks the source in the claim’s own sentence first: typing its first word and Enter links it', async ({ page, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('A spokesman', 'governor', '2');
  await reader.tag('the spokesman,', 'Nuñez', '2', { fromAt: 0 });
  await reader.tag('Our forces', 'square', '1', { fromAt: 0 });
  const claim = reader.annotation('Our forces hold the bridge and the market square');
  await expect(reader.selectedCard()).toContainText('Our forces hold');

  await reader.text().focus();
  await page.keyboard.press('l');
  await page.keyboard.type('spokesman');
  // Each row shows its words around, the one in the claim's sentence first.
  await expect(reader.linkTargets()).toHaveCount(2);
  await expect(reader.linkTargets().first()).toContainText('the spokesman, Samir Nuñez');
  await expect(reader.linkTargets().first()).toContainText('told reporters');
  await page.keyboard.press('Enter');
  await expect(claim.links()).toContainText(/attributed to →\s*“the spokesman, Samir Nuñez”/);
  const [relation] = await state.relations();
  expect(relation!.toId).toBe((await state.annotation('the spokesman, Samir Nuñez')).id);
});

test('pick mode names the claim and relation, and any other action ends it; a pair linked twice says so in words', async ({ page, app, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Dorsk', 'Dorsk', '3', { fromAt: 0.2, toAt: 0.9 });
  await reader.tag('they', 'Dorsk', '1');
  const claim = reader.annotation('they had seized the river town of Dorsk');

  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await reader.pickLinkTargetInText();
  const banner = app.notice('Linking the Claim “they had seized the river town of Dorsk” located at: click the Location to link to');
  await expect(banner).toBeVisible();
  // A click on plain text ends it: the next click on a highlight selects, it does not link.
  await reader.span('Friday').or(reader.text().getByText(/Friday/).first()).click();
  await expect(banner).toBeHidden();
  await reader.span('Dorsk').first().click({ position: { x: 3, y: 3 } });
  expect(await state.relations()).toHaveLength(0);

  // Escape ends it too; so does anything done in the list.
  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await reader.pickLinkTargetInText();
  await expect(banner).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await reader.pickLinkTargetInText();
  await reader.annotation('Dorsk').quote().click();
  await expect(banner).toBeHidden();

  // Linked from the dialog: a notice says what, with Undo; the pair is then marked as linked.
  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await reader.linkTargets().first().click();
  const linked = app.notice('Linked “they had seized the river…” located at “Dorsk”.');
  await expect(linked).toBeVisible();
  expect(await state.relations()).toHaveLength(1);
  await linked.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await state.relations()).length).toBe(0);
  await expect(app.notice('Removed the link “they had seized the river…” located at “Dorsk”.')).toBeVisible();
  // One notice at a time.
  await expect(page.locator('.notices .notice')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(claim.links()).toContainText('located at');

  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await expect(reader.linkTargets().first()).toContainText('(already linked)');
  await reader.pickLinkTargetInText();
  await reader.span('Dorsk').first().click({ position: { x: 3, y: 3 } });
  const refusal = page.getByRole('alert').filter({ hasText: '"they had seized the river town of Dorsk" is already linked to "Dorsk" by "located at".' });
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toHaveText(/[0-9a-f]{8}-|relation [0-9a-z]/);
  expect(await state.relations()).toHaveLength(1);
});

test('keys: step through annotations, select a sentence without its period, set the status, and F6 back to the text', async ({ page, app, reader, session, state }) => {
  const sample = Seeder.sample(session.core.ctx);
  sample.span('source', 'Rebel commanders');
  sample.span('location', 'Dorsk');
  sample.span('location', 'Kestrava', undefined, 'road to');
  await app.reload();
  await reader.openFromLibrary(sampleTitle);
  await reader.text().focus();
  await page.keyboard.press(']');
  await expect(reader.selectedCard()).toContainText('Rebel commanders');
  await page.keyboard.press(']');
  await expect(reader.selectedCard()).toContainText('Dorsk');
  await page.keyboard.press('Shift+BracketRight');
  await expect(reader.selectedCard()).toContainText('Kestrava');
  await page.keyboard.press('[');
  await expect(reader.selectedCard()).toContainText('Dorsk');

  // "s" selects the sentence around, without its final period; 1 tags it.
  await page.keyboard.press('s');
  await expect.poll(() => reader.selectedQuote()).toMatch(/^KESTRAVA, Northern Vell Province/);
  // Shift+3: the third status, on the new claim, even when pressed while the tag is still on its way to the store
  // (before, it went to the annotation selected before, or nowhere).
  const dorsk = (await state.annotations()).find((a) => a.quote === 'Dorsk')!;
  const dorskValues = await state.attributeValues(dorsk.id);
  const slowDisk = session.hold('annotations.create');
  await page.keyboard.press('1');
  await page.keyboard.press('Shift+Digit3');
  slowDisk.release();
  await expect.poll(async () => (await state.annotations()).find((a) => a.labelId === 'claim')?.quote).toMatch(/^KESTRAVA, Northern Vell Province.*in the hills of Northern Vell$/);
  const claim = (await state.annotations()).find((a) => a.labelId === 'claim')!;
  await expect.poll(() => state.attributeValues(claim.id)).toMatchObject({ 'claim-status': 'disputed' });
  expect(await state.attributeValues(dorsk.id)).toEqual(dorskValues);
  await expect(reader.cardById(claim.id).getByRole('list', { name: 'Values' }).or(reader.cardById(claim.id).getByRole('combobox', { name: 'status' }))).toBeVisible();

  // From the list, F6 (or Escape) goes back to the text.
  await reader.annotation('Dorsk').quote().focus();
  await page.keyboard.press('F6');
  await expect(reader.text()).toBeFocused();
  await reader.annotation('Dorsk').quote().focus();
  await page.keyboard.press('Escape');
  await expect(reader.text()).toBeFocused();
  // The keys never reach text fields: "s" in a note stays a letter.
  await reader.annotation('Dorsk').quote().click();
  await reader.selectedCard().getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('s]');
  await expect(reader.selectedCard().getByRole('textbox', { name: 'Note' })).toHaveValue('s]');
});

test('compact cards: 8–10 fit in the sidebar at 1280×820, with values, links and place as chips; highlights hide by status', async ({ app, reader, session }) => {
  const sample = Seeder.sample(session.core.ctx);
  const first = sample.claim('they had seized the river town of Dorsk', { 'claim-status': 'disputed', 'claim-confidence': 'low' }, { source: { quote: 'Rebel commanders', kind: 'armed group' }, location: 'Dorsk' });
  sample.claim('two villages on the road to Kestrava', {}, { location: 'Kestrava' });
  for (const quote of ['Samir Nuñez', 'Vell Valley Monitoring Group', 'Zoë Haddad', 'Ayşe Kaya']) sample.span('source', quote);
  for (const quote of ['Halvik', 'Tamsin Ford']) sample.span('location', quote);
  await app.reload();
  await reader.openFromLibrary(sampleTitle);
  await expect(reader.cards()).not.toHaveCount(0);
  const fitting = await reader.sidebar().locator('.card-scroll').evaluate((scroll) => {
    const view = scroll.getBoundingClientRect();
    return [...scroll.querySelectorAll('article.card')].filter((card) => card.getBoundingClientRect().bottom <= view.bottom + 0.5).length;
  });
  // The target: 8–10 cards in view (this mix of claims, sources and places shows 9).
  expect(fitting).toBeGreaterThanOrEqual(8);
  const card = reader.cardById(first.claim);
  await expect(card.getByRole('list', { name: 'Values' })).toHaveText(/disputed\s*low/);
  await expect(card.getByRole('combobox', { name: 'status' })).toHaveCount(0);
  await expect(reader.annotation('two villages on the road to Kestrava').summary()).toHaveText('not reviewed');

  const highlight = reader.text().locator(`[data-ids~="${first.claim}"]`);
  await expect(highlight.first()).toBeVisible();
  await reader.sidebar().getByRole('button', { name: /^Status/ }).click();
  await reader.sidebar().getByRole('button', { name: 'Highlight disputed' }).click();
  await expect(highlight).toHaveCount(0);
  await reader.sidebar().getByRole('button', { name: 'Highlight disputed' }).click();
  await expect(highlight.first()).toBeVisible();
  await reader.sidebar().getByRole('button', { name: 'Colour by status' }).click();
  await expect(highlight.first()).toHaveAttribute('title', /Claim \(disputed\)/);
});
