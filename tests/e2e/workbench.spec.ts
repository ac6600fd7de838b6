import { expect, sampleTitle, test } from './fixtures';

test('first run: the sample report is in the library and opens in the reader', async ({ page, reader }) => {
  const row = page.getByRole('list', { name: 'Reports' }).getByRole('button', { name: sampleTitle });
  await expect(row).toContainText('Meridian Wire');
  await expect(row).toContainText('0 Claim');
  await reader.openFromLibrary(sampleTitle);
  await expect(reader.text()).toContainText('Rebel commanders said on Friday');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toContainText('press 1, 2 or 3');
});

test('select with the mouse, tag, see it painted and listed, and find it again after a restart', async ({ session, reader }) => {
  await reader.openFromLibrary(sampleTitle);
  // Start and end mid-word: the selection snaps to whole words.
  await reader.dragSelect('commanders', 'Friday');
  await expect(reader.toolbar()).toBeVisible();
  expect(await reader.selectedQuote()).toBe('commanders said on Friday');
  await reader.tagWithToolbar('Claim');

  await expect(reader.cards()).toHaveCount(1);
  await expect(reader.card('commanders said on Friday')).toBeVisible();
  const id = await reader.cardId('commanders said on Friday');
  expect(await reader.highlightedText(id)).toBe('commanders said on Friday');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Claim');

  // The annotation is in the store on disk, with its quote.
  const [stored] = session.core.store.db.prepare('SELECT label_id, quote FROM annotations').all() as { label_id: string; quote: string }[];
  expect(stored).toEqual({ label_id: 'claim', quote: 'commanders said on Friday' });

  const page = await session.restart();
  const again = new (reader.constructor as typeof import('./reader-page').ReaderPage)(page);
  await expect(page.getByRole('list', { name: 'Reports' }).getByRole('button', { name: sampleTitle })).toContainText('1 Claim');
  await again.openFromLibrary(sampleTitle);
  await expect(again.cards()).toHaveCount(1);
  expect(await again.highlightedText(id)).toBe('commanders said on Friday');
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
  await reader.dragSelect('Rebel', 'Dorsk');
  await page.keyboard.press('1');
  await expect(reader.cards()).toHaveCount(1);
  await reader.dragSelect('Rebel', 'commanders');
  await page.keyboard.press('2');
  await reader.dragSelect('river', 'Dorsk');
  await page.keyboard.press('3');
  await expect(reader.cards()).toHaveCount(3);

  const claim = await reader.cardId('Rebel commanders said on Friday that they had seized the river town of Dorsk');
  const source = await reader.cardId('Rebel commanders');
  const location = await reader.cardId('river town of Dorsk');
  expect(await reader.highlightedText(claim)).toBe('Rebel commanders said on Friday that they had seized the river town of Dorsk');
  expect(await reader.highlightedText(source)).toBe('Rebel commanders');
  expect(await reader.highlightedText(location)).toBe('river town of Dorsk');

  // "Rebel" carries two underlines (two layers); hovering names both labels.
  const rebel = reader.text().locator('[data-ids]', { hasText: /^Rebel commanders$/ });
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

test('delete, undo and redo', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('spokesman', 'governor');
  await page.keyboard.press('2');
  await expect(reader.cards()).toHaveCount(1);
  const id = await reader.cardId('spokesman for the provincial governor');

  await reader.card('spokesman for the provincial governor').getByRole('button', { name: 'Delete annotation' }).click();
  await expect(reader.cards()).toHaveCount(0);
  await expect(reader.highlights()).toHaveCount(0);
  const count = () => (session.core.store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
  expect(count()).toBe(0);

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
  expect(await reader.cardId('spokesman for the provincial governor')).toBe(id);
  expect(await reader.highlightedText(id)).toBe('spokesman for the provincial governor');
  expect(count()).toBe(1);

  await page.keyboard.press('Control+Shift+z');
  await expect(reader.cards()).toHaveCount(0);
  expect(count()).toBe(0);
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
});

test('relabel and note edits are saved and undoable', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('Kestrava', 'Kestrava', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('1');
  const card = reader.card('Kestrava');
  await card.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Location' });
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Location');
  const note = card.getByRole('textbox', { name: 'Note' });
  await note.fill('Provincial capital');
  await note.press('Tab');
  await expect(card).toContainText('Saved');
  const row = () => session.core.store.db.prepare('SELECT label_id, note FROM annotations').get() as { label_id: string; note: string };
  expect(row()).toEqual({ label_id: 'location', note: 'Provincial capital' });

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  expect(row().note).toBe('');
  await page.keyboard.press('Control+z');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Claim');
  expect(row().label_id).toBe('claim');
  await page.keyboard.press('Control+Shift+z');
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Location');
  expect(row().label_id).toBe('location');
});

test('keyboard only: move word by word, extend with Shift+arrows, tag with a number key', async ({ page, reader, session }) => {
  const row = page.getByRole('list', { name: 'Reports' }).getByRole('button', { name: sampleTitle });
  await expect(row).toBeVisible();
  // Through the top bar's buttons to the first report.
  for (let i = 0; i < 10 && !(await row.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
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
  const stored = session.core.store.db.prepare('SELECT label_id, quote FROM annotations').get();
  expect(stored).toEqual({ label_id: 'location', quote: 'Northern Vell Province' });
  // The toolbar's buttons are reachable too.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await reader.selectedQuote()).toBe('14 March');
  await page.keyboard.press('Tab');
  await expect(reader.toolbar().getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader.card('14 March')).toBeVisible();
});

test('a long report: clicking a card scrolls the reader to its span and flashes it', async ({ page, reader, session }) => {
  const paragraphs = Array.from({ length: 600 }, (_, i) => `Paragraph ${i + 1}. Officials in Port Alder said the convoy reached checkpoint ${i + 1} before dusk.`);
  const text = paragraphs.join('\n\n');
  const { addDocument } = await import('../../electron/services/library/documents');
  const { createAnnotation } = await import('../../electron/services/annotate/annotations');
  const added = addDocument(session.core.ctx, { title: 'Convoy log', text, outlet: 'Test' });
  if (added.status !== 'added') throw new Error('not added');
  const target = 'checkpoint 577';
  const start = text.indexOf(target);
  createAnnotation(session.core.ctx, { documentId: added.document.id, labelId: 'location', start, end: start + target.length });
  await page.reload();
  await reader.openFromLibrary('Convoy log');
  // Only the paragraphs on screen are in the DOM.
  expect(await page.locator('.reader-text .block').count()).toBeLessThan(60);
  await expect(reader.text()).not.toContainText(target);

  await reader.card(target).locator('.quote').click();
  const highlight = reader.text().locator('.ann', { hasText: target });
  await expect(highlight).toBeInViewport();
  await expect(highlight).toHaveClass(/flash/);
  await expect(highlight).toHaveClass(/selected/);
});

test('the application menu reaches every screen and the import menu works from the keyboard', async ({ page }) => {
  await expect(page.getByRole('list', { name: 'Reports' })).toBeVisible();
  await page.evaluate(() => window.__glossaMenu('show-claims'));
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await page.evaluate(() => window.__glossaMenu('show-map'));
  await expect(page.getByRole('heading', { name: 'Map', level: 1 })).toBeVisible();
  await page.evaluate(() => window.__glossaMenu('show-labels'));
  await expect(page.getByRole('heading', { name: 'Labels & schema', level: 1 })).toBeVisible();
  await page.evaluate(() => window.__glossaMenu('show-library'));
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();

  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await importButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Files…' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Annotated data…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Import annotations' })).toBeVisible();
});

test('Ctrl+Z pressed while a new tag is still being saved undoes that tag', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('Telephone', 'lines');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(0);
  await expect(reader.highlights()).toHaveCount(0);
  await expect.poll(() => (session.core.store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n).toBe(0);
});
