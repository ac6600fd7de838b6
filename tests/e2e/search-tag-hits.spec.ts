import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import { SearchPage } from './pages/search-page';

test('search: tag every hit across reports with a label in one step (menu key), skip those tagged, undo with Ctrl+Z, redo with Ctrl+Shift+Z, and tag only checked hits', async ({ page, app, session }) => {
  const convoy = Seeder.report(session.core.ctx, { title: 'Convoy report', text: 'Shelling hit Aleppo on Monday. Officials in ALEPPO said the road was open.' });
  convoy.span('location', 'Aleppo');
  Seeder.report(session.core.ctx, { title: 'Idlib road', text: 'Aid workers near Idlib said the road to Aleppo was closed.' });
  await app.reload();
  const db = session.core.store.db;
  const locations = () => db.prepare("SELECT count(*) FROM annotations WHERE label_id = 'location'").pluck().get() as number;
  expect(locations()).toBe(1);

  const search = new SearchPage(page);
  await search.openWithKeys();
  await search.search('aleppo');
  await expect(search.count()).toHaveText(/^2 reports match/);

  // The shortcut (Edit ▸ Tag Search Hits…) takes the focus to the label; Tab, Enter tags.
  await page.keyboard.press('Control+Shift+T');
  const tagWith = page.getByRole('combobox', { name: 'Tag with' });
  await expect(tagWith).toBeFocused();
  await tagWith.selectOption({ label: 'Location' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Tag all hits' })).toBeFocused();
  await page.keyboard.press('Enter');
  const said = page.locator('.search-tag-hits [role="status"]');
  await expect(said).toHaveText('Tagged 2 hits in 2 reports as Location, 1 already tagged.');
  expect(locations()).toBe(3);

  // One undo takes back the whole step, across both reports.
  await page.keyboard.press('Control+z');
  await expect(said).toHaveText('Undid the tagging of 2 hits.');
  expect(locations()).toBe(1);
  await expect(page.getByRole('button', { name: 'Undo tagging' })).toHaveCount(0);

  // Redo (Ctrl+Shift+Z) tags the same two hits again; undo takes them back once more.
  await page.keyboard.press('Control+Shift+Z');
  await expect(said).toHaveText('Redid the tagging of 2 hits.');
  expect(locations()).toBe(3);
  await expect(page.getByRole('button', { name: 'Redo tagging' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo tagging' }).click();
  await expect(said).toHaveText('Undid the tagging of 2 hits.');
  expect(locations()).toBe(1);
  await expect(page.getByRole('button', { name: 'Redo tagging' })).toBeVisible();

  // Only the checked hit.
  await page.getByRole('checkbox', { name: 'Select the match “Aleppo” in Idlib road' }).check();
  await page.getByRole('button', { name: 'Tag 1 selected' }).click();
  await expect(said).toHaveText('Tagged 1 hit in 1 report as Location.');
  expect(db.prepare("SELECT quote FROM annotations WHERE label_id = 'location' ORDER BY quote").pluck().all()).toEqual(['Aleppo', 'Aleppo']);
  await expect(page.getByRole('button', { name: 'Tag all hits' })).toBeVisible();
});
