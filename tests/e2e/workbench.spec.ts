import { Seeder } from './analysis-seed';
import { expect, restart, sampleTitle, test } from './fixtures';

test('first run: the sample report is in the library and opens in the reader', async ({ app, reader }) => {
  const row = app.library.report(sampleTitle);
  await expect(row).toContainText('Meridian Wire');
  await expect(row).toContainText('0 Claim');
  await reader.openFromLibrary(sampleTitle);
  await expect(reader.text()).toContainText('Rebel commanders said on Friday');
  await expect(reader.sidebar()).toContainText('press 1, 2 or 3');
});

test('select with the mouse, tag, see it painted and listed, and find it again after a restart', async ({ session, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  // Start and end mid-word: the selection snaps to whole words.
  await reader.dragSelect('commanders', 'Friday');
  await expect(reader.toolbar()).toBeVisible();
  expect(await reader.selectedQuote()).toBe('commanders said on Friday');
  await reader.tagWithToolbar('Claim');

  await expect(reader.cards()).toHaveCount(1);
  await expect(reader.card('commanders said on Friday')).toBeVisible();
  const id = await reader.cardId('commanders said on Friday');
  await expect.poll(() => reader.highlightedText(id)).toBe('commanders said on Friday');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Claim');

  // The annotation is in the store on disk, with its quote.
  const [stored] = await state.annotations();
  expect(stored).toMatchObject({ labelId: 'claim', quote: 'commanders said on Friday' });

  const again = await restart(session);
  await expect(again.library.report(sampleTitle)).toContainText('1 Claim');
  await again.reader.openFromLibrary(sampleTitle);
  await expect(again.reader.cards()).toHaveCount(1);
  expect(await again.reader.highlightedText(id)).toBe('commanders said on Friday');
});

test('Alt keeps the exact selection instead of snapping to words', async ({ reader }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('commanders', 'Friday', { alt: true, fromAt: 0.3, toAt: 0.4 });
  const quote = await reader.selectedQuote();
  expect(quote.startsWith('commanders')).toBe(false);
  expect('commanders said on Friday'.includes(quote)).toBe(true);
});

test('overlapping and nested spans stay visible and each can be picked', async ({ page, reader }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Rebel', 'Dorsk', '1');
  await expect(reader.cards()).toHaveCount(1);
  await reader.tag('Rebel', 'commanders', '2');
  await reader.tag('river', 'Dorsk', '3');
  await expect(reader.cards()).toHaveCount(3);

  const claim = await reader.cardId('Rebel commanders said on Friday that they had seized the river town of Dorsk');
  const source = await reader.cardId('Rebel commanders');
  const location = await reader.cardId('river town of Dorsk');
  await expect.poll(() => reader.highlightedText(claim)).toBe('Rebel commanders said on Friday that they had seized the river town of Dorsk');
  await expect.poll(() => reader.highlightedText(source)).toBe('Rebel commanders');
  await expect.poll(() => reader.highlightedText(location)).toBe('river town of Dorsk');

  // "Rebel" carries two underlines (two layers); hovering names both labels.
  const rebel = reader.span('Rebel commanders');
  await expect(rebel).toHaveAttribute('title', 'Claim · Source');
  await expect(rebel).toHaveAttribute('data-layers', '0 1');

  // Click each underline row: the bottom row is layer 0, the one above it layer 1.
  const [line] = await rebel.evaluate((el) => [...el.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  const box = line!;
  const x = Math.round(box.x + box.width / 2);
  await page.mouse.click(x, Math.floor(box.y + box.height - 1));
  await expect(reader.cardById(claim)).toHaveClass(/selected/);
  await page.mouse.click(x, Math.floor(box.y + box.height - 5));
  await expect(reader.cardById(source)).toHaveClass(/selected/);
  // Clicking the text itself picks the innermost span.
  await page.keyboard.press('Escape');
  await page.mouse.click(x, Math.round(box.y + box.height / 3));
  await expect(reader.cardById(source)).toHaveClass(/selected/);
  // And again cycles outwards to the enclosing claim.
  await page.mouse.click(x, Math.round(box.y + box.height / 3));
  await expect(reader.cardById(claim)).toHaveClass(/selected/);
  await expect(reader.cardById(source)).not.toHaveClass(/selected/);
});

test('delete, undo and redo', async ({ page, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  // The layer chooser counts my annotations as they come and go.
  const myLayer = page.locator('#layer-choice option').first();
  await expect(myLayer).toHaveText(/^My layer .* — 0$/);
  await reader.tag('spokesman', 'governor', '2');
  await expect(reader.cards()).toHaveCount(1);
  await expect(myLayer).toHaveText(/^My layer .* — 1$/);
  const id = await reader.cardId('spokesman for the provincial governor');

  await reader.annotation('spokesman for the provincial governor').delete();
  await expect(reader.cards()).toHaveCount(0);
  await expect(myLayer).toHaveText(/^My layer .* — 0$/);
  await expect(reader.highlights()).toHaveCount(0);
  expect(await state.annotationCount()).toBe(0);

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
  expect(await reader.cardId('spokesman for the provincial governor')).toBe(id);
  await expect.poll(() => reader.highlightedText(id)).toBe('spokesman for the provincial governor');
  expect(await state.annotationCount()).toBe(1);

  await page.keyboard.press('Control+Shift+z');
  await expect(reader.cards()).toHaveCount(0);
  expect(await state.annotationCount()).toBe(0);
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
});

test('relabel and note edits are saved and undoable', async ({ page, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Kestrava', 'Kestrava', '1', { fromAt: 0.2, toAt: 0.9 });
  const card = reader.annotation('Kestrava');
  await card.label().selectOption({ label: 'Location' });
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Location');
  await card.writeNote('Provincial capital');
  const stored = async () => (await state.annotations())[0]!;
  expect(await stored()).toMatchObject({ labelId: 'location', note: 'Provincial capital' });

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(card.note()).toHaveValue('');
  expect((await stored()).note).toBe('');
  await page.keyboard.press('Control+z');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Claim');
  expect((await stored()).labelId).toBe('claim');
  await page.keyboard.press('Control+Shift+z');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Location');
  expect((await stored()).labelId).toBe('location');
});

test('keyboard only: move word by word, extend with Shift+arrows, tag with a number key', async ({ page, app, reader, state }) => {
  const row = app.library.report(sampleTitle);
  await expect(row).toBeVisible();
  // Through the top bar's buttons to the first report.
  for (let i = 0; i < 16 && !(await row.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader.text()).toBeVisible();
  await reader.text().focus();
  await page.keyboard.press('ArrowRight'); // first word: KESTRAVA
  expect(await reader.selectedQuote()).toBe('KESTRAVA');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await reader.selectedQuote()).toBe('Northern Vell Province');
  await page.keyboard.press('3');
  await expect(reader.card('Northern Vell Province')).toBeVisible();
  expect(await state.annotations()).toEqual([expect.objectContaining({ labelId: 'location', quote: 'Northern Vell Province' })]);
  // The toolbar's buttons are reachable too.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await reader.selectedQuote()).toBe('14 March');
  await page.keyboard.press('Tab');
  await expect(reader.toolbarButtons().first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader.card('14 March')).toBeVisible();
});

test('a long report: clicking a card scrolls the reader to its span and flashes it', async ({ app, reader, session }) => {
  const paragraphs = Array.from({ length: 600 }, (_, i) => `Paragraph ${i + 1}. Officials in Port Alder said the convoy reached checkpoint ${i + 1} before dusk.`);
  const target = 'checkpoint 577';
  Seeder.report(session.core.ctx, { title: 'Convoy log', text: paragraphs.join('\n\n') }).span('location', target);
  await app.reload();
  await reader.openFromLibrary('Convoy log');
  // Only the paragraphs on screen are in the DOM.
  expect(await reader.blocks().count()).toBeLessThan(60);
  await expect(reader.text()).not.toContainText(target);

  await reader.annotation(target).quote().click();
  const highlight = reader.highlights().filter({ hasText: target });
  await expect(highlight).toBeInViewport();
  await expect(highlight).toHaveClass(/flash/);
  await expect(highlight).toHaveClass(/selected/);
});

test('the application menu reaches every screen and the import menu works from the keyboard', async ({ page, app }) => {
  await expect(app.library.reports()).toBeVisible();
  await app.menu('show-claims');
  await app.expectScreen('Claims');
  await app.menu('show-map');
  await app.expectScreen('Map');
  await app.menu('show-labels');
  await app.expectScreen('Labels & schema');
  await app.menu('show-library');
  await app.expectScreen('Library');

  await app.importButton().focus();
  await page.keyboard.press('Enter');
  await expect(app.menuItem('Files…')).toBeFocused();
  await page.keyboard.press('End');
  await expect(app.menuItem('Annotated data…')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.importAnnotations.dialog()).toBeVisible();
});

test('Ctrl+Z pressed while a new tag is still being saved undoes that tag', async ({ page, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Telephone', 'lines', '1');
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(0);
  await expect(reader.highlights()).toHaveCount(0);
  await expect.poll(() => state.annotationCount()).toBe(0);
});
