import { seedLongReport, seedTwoAnalysts } from './analysts-seed';
import { expect, test } from './fixtures';
import { CurationPage } from './pages/curation-page';

test('curation: the unanimous rule accepts agreed spans, disputed ones are edited or rejected with a note, and undo takes a decision back', async ({ page, app, session }) => {
  const { wire } = seedTwoAnalysts(session.core.ctx);
  await app.reload();
  const curation = new CurationPage(page);
  await curation.openWithKeys();
  await curation.report().selectOption({ label: 'Wire' });
  // The store's own analyst has no layer here: curate Ann's and Bob's.
  await curation.compareOnly(['Ann', 'Bob']);
  await expect(curation.rows()).toHaveCount(4);
  await expect(curation.progress()).toHaveText(/^0 of 4 spans decided/);

  await curation.acceptAgreed();
  await expect(curation.progress()).toHaveText(/^2 of 4 spans decided \(2 in gold, 0 rejected\)\. 2 agreed spans accepted by the unanimous rule/);

  await curation.noteField().fill('the article is not part of the name');
  await curation.action('Reject', 'the Observatory').click();
  await expect(curation.progress()).toHaveText(/^3 of 4 spans decided \(2 in gold, 1 rejected\)/);

  await curation.action('Edit', 'Observatory').click();
  const dialog = curation.editDialog();
  await dialog.getByRole('textbox', { name: 'Note' }).fill('kept as Bob marked it');
  await dialog.getByRole('button', { name: 'Save into gold' }).click();
  await expect(curation.progress()).toHaveText(/^4 of 4 spans decided \(3 in gold, 1 rejected\)/);
  await page.screenshot({ path: 'tests/output/screenshots/curation.png', fullPage: true });

  await curation.action('Undo', 'Dorsk').click();
  await expect(curation.progress()).toHaveText(/^3 of 4 spans decided \(2 in gold, 1 rejected\)\. Decision undone/);

  const db = session.core.ctx.store.db;
  const decisions = db.prepare('SELECT action, rule, note, undone_at IS NOT NULL AS undone FROM curation_decisions WHERE document_id = ? ORDER BY decided_at, rowid').all(wire.documentId);
  expect(decisions).toEqual([
    { action: 'accept', rule: 'unanimous', note: '', undone: 0 },
    { action: 'accept', rule: 'unanimous', note: '', undone: 1 },
    { action: 'reject', rule: null, note: 'the article is not part of the name', undone: 0 },
    { action: 'edit', rule: null, note: 'kept as Bob marked it', undone: 0 },
  ]);
  const gold = db.prepare(`SELECT quote FROM annotations WHERE layer = 'gold' ORDER BY start`).pluck().all();
  expect(gold).toEqual(['Rebels said they had seized Dorsk', 'Observatory']);
});

test('curation: a long report’s candidates load as the list scrolls; N and Shift+N go to the next and previous undecided disagreement', async ({ page, app, session }) => {
  const { restore } = seedTwoAnalysts(session.core.ctx);
  // 240 places each: Ann and Bob agree on all but every 20th, which Bob marks one character longer
  // (252 candidates, 24 of them disputed).
  const long = seedLongReport(session.core.ctx, 240, 20);
  restore();
  await app.reload();
  const curation = new CurationPage(page);
  await curation.openWithKeys();
  await curation.report().selectOption({ label: 'Long wire' });
  await curation.compareOnly(['Ann', 'Bob']);
  await expect(curation.progress()).toHaveText(/^0 of 252 spans decided/);
  const table = page.getByRole('table', { name: 'Candidate spans by analyst' });
  await expect(table).toHaveAttribute('aria-rowcount', '253');

  // The rows past the first page come as they are scrolled to.
  await page.locator('.candidate-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expect(page.locator('.candidate-row[aria-rowindex="253"]')).toContainText(long.lastQuote);

  await curation.noteField().fill('');
  await page.getByRole('heading', { name: 'Curation', level: 1 }).click();
  await page.keyboard.press('n');
  const current = page.locator('.candidate-row[aria-current="true"]');
  await expect(current).toHaveAttribute('aria-rowindex', '2');
  await expect(curation.progress()).toContainText('Disagreement 1 of 24 undecided.');
  await expect(page.getByRole('button', { name: /^Accept “/ }).and(page.locator(':focus'))).toHaveCount(1);
  await page.keyboard.press('n');
  await expect(current).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('Shift+N');
  await expect(current).toHaveAttribute('aria-rowindex', '2');
  // Back past the first one: round to the last, far down the list.
  await page.keyboard.press('Shift+N');
  await expect(curation.progress()).toContainText('Disagreement 24 of 24 undecided.');
  await expect(current).toHaveAttribute('aria-rowindex', '234');
  await page.screenshot({ path: 'tests/output/screenshots/curation-next-disagreement.png' });

  // Deciding the current one leaves it out of the round.
  await page.keyboard.press('Enter');
  await expect(curation.progress()).toHaveText(/^1 of 252 spans decided/);
  await page.keyboard.press('n');
  await expect(curation.progress()).toContainText('Disagreement 1 of 23 undecided.');
});
