import { seedTwoAnalysts } from './analysts-seed';
import { expect, test } from './fixtures';
import { AgreementPage } from './pages/agreement-page';
import { LayersPage } from './pages/layers-page';

test('agreement: Ctrl+5 shows the pairs by label with the counts behind them, and a report’s disagreements open in the reader', async ({ page, app, session }) => {
  seedTwoAnalysts(session.core.ctx);
  await app.reload();
  const agreement = new AgreementPage(page);
  await agreement.openWithKeys();
  // The store's own (local) analyst has no spans: compare Ann and Bob only.
  await agreement.compareOnly(['Ann', 'Bob']);
  await expect(agreement.status()).toHaveText(/3 reports, 1 pair of analysts compared/);

  await expect(agreement.counts()).toContainText('Ann: 4 spans');
  await expect(agreement.counts()).toContainText('Bob: 3 spans');
  await expect(agreement.counts()).toContainText('left 2 of 3 reports untouched');

  expect(await agreement.cell('Ann – Bob', 'Claim')).toBe('1.00');
  expect(await agreement.cell('Ann – Bob', 'Source')).toBe('0.00');
  expect(await agreement.cell('All analysts', 'Location')).toBe('0.67');
  await agreement.measure('Overlap F1').check();
  expect(await agreement.cell('Ann – Bob', 'Source')).toBe('1.00');

  // Relations by type, event roles by role and attribute α, each with the counts behind it.
  await expect(page.getByRole('table', { name: 'Relations by type' }).getByRole('row', { name: /^Every type/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Event roles by role' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attribute values' })).toContainText('No attribute values');

  await agreement.drillInto('Wire');
  await expect(agreement.disagreements()).toHaveText(['Source the Observatory', 'Source Observatory']);
  await agreement.disagreements().first().click();
  await expect(app.heading('Wire')).toBeVisible();

  // The drill-down opens the two layers side by side at the report's first difference; N goes on.
  await agreement.open();
  await agreement.compareOnly(['Ann', 'Bob']);
  await agreement.drillInto('Wire');
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(app.heading('Wire')).toBeVisible();
  const compare = new LayersPage(page);
  await expect(compare.column('Ann')).toBeVisible();
  await expect(compare.column('Bob')).toBeVisible();
  await expect(compare.compareSummary()).toHaveText('2 in both, 1 only in Ann, 1 only in Bob');
  await expect(compare.currentDifference()).toHaveText('the Observatory');
  await page.keyboard.press('n');
  await expect(compare.currentDifference()).toHaveText('Observatory');
  await page.screenshot({ path: 'tests/output/screenshots/agreement-compare.png' });
  await compare.stopComparing();

  // One analyst is not a comparison: the screen says so.
  await agreement.open();
  await agreement.compareOnly(['Ann']);
  await expect(agreement.error()).toContainText('name at least 2 (only');
  await agreement.analyst('Bob').check();
  await expect(agreement.matrix()).toBeVisible();
  await page.screenshot({ path: 'tests/output/screenshots/agreement.png', fullPage: true });
});
