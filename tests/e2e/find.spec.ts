// Find in the report (Ctrl+F, F3, the Edit menu) and Tag all, over the real core and store.
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import { FindBar } from './pages/find-bar';

const paragraphs = Array.from(
  { length: 600 },
  (_, i) => `Paragraph ${i + 1}. Officials in ${i === 570 ? 'Alep\u0300po' : 'Port Alder'} said the convoy reached checkpoint ${i + 1} before dusk.`,
);
const longReport = { title: 'Convoy log', text: `${paragraphs.join('\n\n')}\n\nLater, ALEPPO and Aleppos: حَلَبَ, then حلب.` };

test('find: the count, every match painted, next and previous scroll a long report to a match far below', async ({ app, page, reader, session }) => {
  Seeder.report(session.core.ctx, longReport);
  await app.reload();
  await reader.openFromLibrary('Convoy log');
  const find = new FindBar(page);

  // Folded: case and diacritics; the first match is far below the screen.
  await find.find('aleppo');
  await find.expectCount('1 of 3');
  await expect(find.current()).toBeInViewport();
  expect(await find.currentText()).toBe('Alep\u0300po');
  await expect(reader.text()).toContainText('Paragraph 571.');

  await page.keyboard.press('Enter');
  await find.expectCount('2 of 3');
  expect(await find.currentText()).toBe('ALEPPO');
  await page.keyboard.press('F3');
  await find.expectCount('3 of 3');
  expect(await find.currentText()).toBe('Aleppo');
  // Every match in the paragraphs on screen is painted, the current one distinct.
  await expect(find.hits()).toHaveText(['ALEPPO', 'Aleppo']);
  await expect(find.hits().first()).toHaveAttribute('data-find', 'hit');
  await page.keyboard.press('Shift+Enter');
  await find.expectCount('2 of 3');
  await page.keyboard.press('Shift+F3');
  await find.expectCount('1 of 3');
  await expect(find.current()).toBeInViewport();

  // Options: whole word, match case; a bad regular expression says why, inline.
  await find.option('Whole word').check();
  await find.expectCount(/of 2$/);
  await find.option('Match case').check();
  await find.field().fill('ALEPPO');
  await find.expectCount('1 of 1');
  await find.option('Match case').uncheck();
  await find.option('Whole word').uncheck();
  await find.field().fill('حلب');
  await find.expectCount(/of 2$/);
  await find.option('Regular expression').check();
  await find.field().fill('checkpoint (57');
  await expect(find.error()).toContainText('Not a valid regular expression');
  await expect(find.field()).toHaveAttribute('aria-invalid', 'true');
  await find.field().fill('checkpoint 59\\d');
  await find.expectCount('1 of 10');
  await expect(find.error()).toHaveCount(0);

  // From the Edit menu, too; Escape closes the bar, clears the highlights and gives the focus to the text.
  await app.menu('find-next');
  await find.expectCount('2 of 10');
  await page.keyboard.press('Escape');
  await expect(find.bar()).toHaveCount(0);
  await expect(find.hits()).toHaveCount(0);
  await expect(reader.text()).toBeFocused();
  await app.menu('find');
  await expect(find.field()).toBeFocused();
  await expect(find.field()).toHaveValue('checkpoint 59\\d');
});

test('tag all: every match tagged in one step, matches already tagged skipped and counted, undone and redone at once', async ({ app, page, reader, session, state }) => {
  const seeded = Seeder.report(session.core.ctx, {
    title: 'Dorsk wire',
    text: 'Shelling near Dorsk.\n\nDORSK officials denied it.\n\nRefugees left Dorsk for Halvik.\n\nIn Dorsk, markets reopened. Dorskovo is another town.',
  });
  seeded.span('location', 'Dorsk');
  await app.reload();
  await reader.openFromLibrary('Dorsk wire');
  await expect(reader.cards()).toHaveCount(1);
  const find = new FindBar(page);

  await find.find('dorsk');
  await find.option('Whole word').check();
  await find.expectCount('1 of 4');
  await find.openTagAll();
  await expect(find.matchCheckboxes()).toHaveCount(4);
  // Leave out the third match: tag the other three, of which the first is already a location.
  await find.matchCheckboxes().nth(2).uncheck();
  await find.tagChecked('Location');
  await expect(app.notice('Tagged 2 as Location, 1 already tagged.')).toBeVisible();
  await expect(reader.cards()).toHaveCount(3);
  const locations = (await state.annotations()).filter((a) => a.labelId === 'location').map((a) => a.quote);
  expect(locations.sort()).toEqual(['DORSK', 'Dorsk', 'Dorsk']);

  // One Ctrl+Z takes back both; one Ctrl+Shift+Z puts both back.
  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
  expect(await state.annotationCount()).toBe(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(reader.cards()).toHaveCount(3);
  expect(await state.annotationCount()).toBe(3);
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(1);
  expect(await state.annotationCount()).toBe(1);
});
