import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import { SearchPage } from './pages/search-page';

const first = 'Shelling hit Aleppo on Monday.\n\nThe convoy reached حلب late; officials in ALEPPO said the road was open.';
const second = 'Aid workers near Idlib said the road to Aleppo was closed.';

test('corpus search: Ctrl+Shift+F, ranked hits with the match marked, and a hit opens the report with the match selected', async ({ page, app, session, reader }) => {
  Seeder.report(session.core.ctx, { title: 'Convoy report', text: first, publishedAt: '2026-03-01' });
  const idlib = Seeder.report(session.core.ctx, { title: 'Idlib road', text: second, publishedAt: '2026-03-02' });
  idlib.span('location', 'Aleppo');
  await app.reload();
  const search = new SearchPage(page);
  await search.openWithKeys();
  await expect(search.queryBox()).toBeFocused();

  await search.search('aleppo');
  await expect(search.count()).toHaveText(/^2 reports match/);
  await expect(search.reports()).toHaveCount(2);
  await expect(search.hits('Convoy report')).toHaveCount(2);
  expect(await search.marks()).toEqual(expect.arrayContaining(['Aleppo', 'ALEPPO']));

  // Arabic with its article and vowel marks folded away.
  await search.search('حلب');
  await expect(search.count()).toHaveText(/^1 report matches/);

  // A query FTS5 would reject gets a sentence, and the old results stay out of the way.
  await search.search('"convoy reached');
  await expect(search.error()).toContainText('closing quote');

  // Inside spans of a label.
  await search.search('aleppo');
  await search.insideSpansOf().selectOption('Location');
  await expect(search.count()).toHaveText(/^1 report matches/);
  await expect(search.hits()).toHaveCount(1);
  await search.insideSpansOf().selectOption('');
  await expect(search.reports()).toHaveCount(2);

  // Keyboard: down from the query box into the hits, down again, Enter opens the report at that hit.
  await search.queryBox().focus();
  await page.keyboard.press('ArrowDown');
  const hits = search.hits('Convoy report');
  await expect(hits.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await expect(hits.nth(1).locator('mark')).toHaveText('ALEPPO');
  await page.keyboard.press('Enter');
  await expect(app.heading('Convoy report')).toBeVisible();
  // The match is selected in the reader, ready to tag.
  await expect(reader.toolbar()).toBeVisible();
  await expect.poll(() => reader.selectedQuote()).toBe('ALEPPO');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('ALEPPO');
});

test('the consistency reports list a text under two labels and its untagged occurrences', async ({ page, app, session }) => {
  const a = Seeder.report(session.core.ctx, { title: 'Kraków one', text: 'Troops entered Kraków at dawn. Later Kraków was quiet.' });
  a.span('location', 'Kraków');
  a.span('claim', 'Kraków', undefined, 'Later ');
  Seeder.report(session.core.ctx, { title: 'Kraków two', text: 'In KRAKOW the mayor spoke.' });
  await app.reload();
  const search = new SearchPage(page);
  await search.open();
  await search.showConsistency();
  await expect(search.consistencyList('Same text, different labels').locator(':scope > li')).toHaveCount(1);
  await expect(search.consistencyList('Same text, different labels')).toContainText('Kraków');
  const untagged = search.consistencyList('Tagged here, not there');
  await expect(untagged).toContainText('tagged Location 1×');
  await untagged.getByRole('button', { name: /Kraków two/ }).first().click();
  await expect(app.heading('Kraków two')).toBeVisible();
  // The match is selected once its window of the text has loaded, a moment after the heading.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('KRAKOW');
});
